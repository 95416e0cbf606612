/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  ListResponse,
  SAGEMAKER_STUDIO_HOME_LABEL,
  SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
  SageMakerStudioProvisioningEventPayload,
  SourceError,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';
import {
  SageMakerStudioAwsTarget,
  SageMakerStudioDomainRef,
  SageMakerStudioEstate,
  readSageMakerStudioConfig,
} from '@internal/plugin-sagemaker-studio-node';
import { estateToEntities } from './estateToEntities';
import { readProviderConfigs } from './readProviderConfigs';
import { sageMakerStudioNameSuffix, validateEntity } from './transformers';

/**
 * What the provider needs to read domains (`StudioDomainReader` from
 * `-node` satisfies it).
 *
 * @public
 */
export interface DomainSource {
  /** Every Studio domain; a domain that could not be read is in `errors`. */
  listDomains(): Promise<ListResponse<StudioDomainSummary>>;
}

/**
 * What the provider needs to read team environments and user profiles
 * (`ProvisionedProductReader` from `-node` satisfies it).
 *
 * @public
 */
export interface EstateSource {
  /** Provisioned products and user profiles; what could not be read is in `errors`. */
  readEstate(options: {
    domains: SageMakerStudioDomainRef[];
  }): Promise<SageMakerStudioEstate>;
}

/**
 * Raised by {@link SageMakerStudioEntityProvider.read} when a source could
 * not be read completely: a full mutation without it would delete its
 * entities.
 *
 * @public
 */
export class IncompleteReadError extends Error {
  constructor(readonly errors: SourceError[]) {
    super(
      `Could not read ${
        errors.length
      } source(s), keeping the catalog as it is: ${errors
        .map(e => `${e.source} ${e.errorType}`)
        .join(', ')}`,
    );
    this.name = 'IncompleteReadError';
  }
}

/**
 * A source, or how to make one for an account and region.
 *
 * @public
 */
export type PerTarget<T> = T | ((target: SageMakerStudioAwsTarget) => T);

/**
 * Emits the Studio domains, team environments and user profiles of one
 * account and region as catalog Resources, discovered from SageMaker and
 * Service Catalog (so what was made outside Backstage appears too), in one
 * full mutation per read: what was terminated disappears. A read that is
 * not complete changes nothing, so a failing account or region keeps its
 * entities while the providers of the others refresh. Refreshed on a
 * schedule and whenever the backend reports on the
 * `sagemaker-studio.provisioning` events topic.
 *
 * Every entity carries the `sagemaker-studio.aws/account-id` and
 * `sagemaker-studio.aws/region` annotations (from its ARN). Outside the
 * home account and region, names end in `-<accountId>-<region>`; in the home
 * account and region, every entity carries the `sagemaker-studio.aws/home:
 * 'true'` label (see `SAGEMAKER_STUDIO_HOME_LABEL`), the one place the
 * portal provisions into, which the software templates' pickers require.
 *
 * @public
 */
export class SageMakerStudioEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private inFlight?: Promise<void>;
  private rerun = false;

  /**
   * Builds one provider per account and region of `sageMakerStudio`
   * config (see {@link readProviderConfigs}): domains are owned by
   * `sageMakerStudio.adminGroup`, the schedule comes from
   * `sageMakerStudio.catalog` unless a task runner is given. `domains` and
   * `estate` are the sources, or functions making them for a target.
   */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      domains: PerTarget<DomainSource>;
      estate: PerTarget<EstateSource>;
      scheduler?: SchedulerService;
      schedule?: SchedulerServiceTaskRunner;
      events?: EventsService;
    },
  ): SageMakerStudioEntityProvider[] {
    const settings = readSageMakerStudioConfig(config);
    return readProviderConfigs(config).map(providerConfig => {
      const taskRunner =
        options.schedule ??
        options.scheduler?.createScheduledTaskRunner(providerConfig.schedule);
      if (!taskRunner) {
        throw new Error(
          'SageMakerStudioEntityProvider needs either a scheduler or a schedule',
        );
      }
      const { target } = providerConfig;
      return new SageMakerStudioEntityProvider({
        id: providerConfig.id,
        domainOwner: settings.adminGroup,
        region: target.region,
        accountId: target.accountId,
        home: providerConfig.home,
        nameSuffix: providerConfig.home
          ? undefined
          : sageMakerStudioNameSuffix(target),
        domains:
          typeof options.domains === 'function'
            ? options.domains(target)
            : options.domains,
        estate:
          typeof options.estate === 'function'
            ? options.estate(target)
            : options.estate,
        logger: options.logger,
        taskRunner,
        events: options.events,
      });
    });
  }

  private constructor(
    private readonly options: {
      id: string;
      domainOwner: string;
      region: string;
      accountId?: string;
      /** Whether this is the home account and region; its entities get the home label. */
      home: boolean;
      nameSuffix?: string;
      domains: DomainSource;
      estate: EstateSource;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
      events?: EventsService;
    },
  ) {}

  getProviderName(): string {
    return `sagemaker-studio:${this.options.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const taskId = `${this.getProviderName()}:refresh`;
    await this.options.taskRunner.run({
      id: taskId,
      fn: () => this.refreshLogged(this.options.logger.child({ taskId })),
    });
    await this.options.events?.subscribe({
      id: `${this.getProviderName()}:provisioning`,
      topics: [SAGEMAKER_STUDIO_PROVISIONING_TOPIC],
      onEvent: (params: EventParams) => {
        // Any event means "read again"; the payload only labels the log.
        const payload = params.eventPayload as
          | Partial<SageMakerStudioProvisioningEventPayload>
          | undefined;
        return this.refreshLogged(
          this.options.logger.child({
            event: SAGEMAKER_STUDIO_PROVISIONING_TOPIC,
            requestId: payload?.requestId,
            provisionedProductId: payload?.provisionedProductId,
          }),
        );
      },
    });
  }

  /**
   * Reads the entities this provider stands for, validated. Throws
   * {@link IncompleteReadError} when any domain, product or profile could
   * not be read.
   */
  async read(options: { logger?: LoggerService } = {}): Promise<Entity[]> {
    const logger = options.logger ?? this.options.logger;
    const domains = await this.options.domains.listDomains();
    if (domains.errors.length > 0) {
      throw new IncompleteReadError(domains.errors);
    }
    const estate = await this.options.estate.readEstate({
      domains: domains.items.map(({ domainId, arn }) => ({ domainId, arn })),
    });
    if (estate.errors.length > 0) {
      throw new IncompleteReadError(estate.errors);
    }
    const { entities, skipped, warnings } = estateToEntities({
      domains: domains.items,
      estate,
      domainOwner: this.options.domainOwner,
      providerName: this.getProviderName(),
      region: this.options.region,
      accountId: this.options.accountId,
      nameSuffix: this.options.nameSuffix,
    });
    for (const reason of skipped) {
      logger.debug(`Skipped ${reason}`);
    }
    for (const reason of warnings) {
      logger.warn(`Skipped ${reason}`);
    }
    if (this.options.home) {
      for (const entity of entities) {
        entity.metadata.labels = {
          ...entity.metadata.labels,
          [SAGEMAKER_STUDIO_HOME_LABEL]: 'true',
        };
      }
    }
    const valid: Entity[] = [];
    const names = new Set<string>();
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      const problem = names.has(ref)
        ? 'another record already has this name'
        : await validateEntity(entity);
      if (problem) {
        logger.warn(`Skipped ${ref}: ${problem}`);
        continue;
      }
      names.add(ref);
      valid.push(entity);
    }
    return valid;
  }

  /**
   * Replaces everything this provider emitted with a fresh read. Runs one
   * read at a time: a call while a read is under way waits for it and then
   * reads again, so the last mutation always reflects the latest state.
   */
  async refresh(options: { logger?: LoggerService } = {}): Promise<void> {
    if (!this.connection) {
      throw new Error('SageMakerStudioEntityProvider is not connected yet');
    }
    if (this.inFlight) {
      this.rerun = true;
      return this.inFlight;
    }
    const connection = this.connection;
    const run = async () => {
      do {
        this.rerun = false;
        const entities = await this.read(options);
        await connection.applyMutation({
          type: 'full',
          entities: entities.map(entity => ({
            entity,
            locationKey: this.getProviderName(),
          })),
        });
      } while (this.rerun);
    };
    this.inFlight = run().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async refreshLogged(logger: LoggerService): Promise<void> {
    try {
      await this.refresh({ logger });
    } catch (error) {
      logger.error(`Refreshing SageMaker Studio entities failed: ${error}`);
    }
  }
}
