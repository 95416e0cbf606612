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
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ListResponse,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';
import { domainToResourceEntity } from './transformers';

/** What the provider needs to read domains (the -node reader satisfies it). */
export interface DomainSource {
  listDomains(): Promise<ListResponse<StudioDomainSummary>>;
}

/**
 * Emits Studio domains (and, with later products, team environments and user
 * profiles) as catalog entities, refreshed on a schedule.
 *
 * @public
 */
export class SageMakerStudioEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      id: string;
      source: DomainSource;
      owner: string;
      logger: LoggerService;
      taskRunner: SchedulerServiceTaskRunner;
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
      fn: async () => {
        const logger = this.options.logger.child({ taskId });
        try {
          await this.refresh();
        } catch (error) {
          logger.error(`Refreshing SageMaker Studio entities failed: ${error}`);
        }
      },
    });
  }

  /**
   * Reads the entities this provider stands for. Throws when any domain could
   * not be read: a full mutation without it would delete its entity.
   */
  async read(): Promise<Entity[]> {
    const { items: domains, errors } = await this.options.source.listDomains();
    if (errors.length > 0) {
      throw new Error(
        `Could not read ${
          errors.length
        } domain(s), keeping the catalog as it is: ${errors
          .map(e => `${e.source} ${e.errorType}`)
          .join(', ')}`,
      );
    }
    return domains.flatMap(domain => {
      const entity = domainToResourceEntity(domain, {
        owner: this.options.owner,
        providerName: this.getProviderName(),
      });
      return entity ? [entity] : [];
    });
  }

  /** Replaces everything this provider emitted with a fresh read. */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error('SageMakerStudioEntityProvider is not connected yet');
    }
    const entities = await this.read();
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
  }
}
