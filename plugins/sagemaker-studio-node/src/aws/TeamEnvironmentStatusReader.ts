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

import { LoggerService } from '@backstage/backend-plugin-api';
import { paginateListDomains } from '@aws-sdk/client-sagemaker';
import { paginateSearchProvisionedProducts } from '@aws-sdk/client-service-catalog';
import { StudioTeamEnvironmentStatus } from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioConfig } from '../config';
import {
  ProvisionedProductReader,
  SageMakerStudioProvisionedProduct,
} from './ProvisionedProductReader';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { StudioAwsReadError, studioAwsReadError } from './studioAwsErrors';
import { locationOfArn, mapWithConcurrency } from './studioReadHelpers';

/** The tag that names the team of a SageMaker resource or provisioned product. */
const TEAM_TAG = 'TeamName';
/** The tag the backend puts on what it launches for someone. */
const REQUESTED_FOR_TAG = 'BackstageRequestedFor';
const SSM_PARAMETER_PREFIX = /^\/sagemaker-studio\/([^/]+)\/([^/]+)\/$/;
/** ListDomains' largest page. */
const LIST_DOMAINS_PAGE_SIZE = 100;

type Member = StudioTeamEnvironmentStatus['members'][number];

/**
 * Reads team environments (the team environment product) with their stack
 * outputs and their members' profiles.
 *
 * @public
 */
export class TeamEnvironmentStatusReader {
  private readonly products: ProvisionedProductReader;

  constructor(
    private readonly options: {
      clients: SageMakerStudioAwsClients;
      config: Pick<SageMakerStudioConfig, 'products'>;
      logger?: LoggerService;
    },
  ) {
    this.products = new ProvisionedProductReader({
      clients: options.clients,
      products: options.config.products,
    });
  }

  /**
   * One team environment by provisioned product id: one
   * SearchProvisionedProducts (filtered by id) and its outputs. Members are
   * read separately ({@link TeamEnvironmentStatusReader.readTeamMembers}).
   */
  async readById(
    provisionedProductId: string,
  ): Promise<Omit<StudioTeamEnvironmentStatus, 'members'>> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-product/${provisionedProductId}`;
    const product = await this.guard(
      'SearchProvisionedProducts',
      source,
      async () => {
        const client = await this.options.clients.serviceCatalog();
        for await (const page of paginateSearchProvisionedProducts(
          { client, pageSize: 20 },
          {
            AccessLevelFilter: { Key: 'Account', Value: 'self' },
            Filters: { SearchQuery: [`id:${provisionedProductId}`] },
          },
        )) {
          const found = page.ProvisionedProducts?.find(
            p => p.Id === provisionedProductId,
          );
          if (found) return found;
        }
        return undefined;
      },
    );
    if (!product || !product.Id || !product.Name) {
      throw new StudioAwsReadError('NOT_FOUND', source);
    }
    const tags: Record<string, string> = {};
    for (const tag of product.Tags ?? []) {
      if (tag.Key) tags[tag.Key] = tag.Value ?? '';
    }
    return this.withOutputs({
      kind: 'teamEnvironment',
      id: product.Id,
      name: product.Name,
      arn: product.Arn,
      productName: product.ProductName ?? '',
      provisioningArtifactName: product.ProvisioningArtifactName,
      status: product.Status ?? 'UNKNOWN',
      lastSuccessfulProvisioningRecordId:
        product.LastSuccessfulProvisioningRecordId,
      physicalId: product.PhysicalId,
      tags,
    });
  }

  /**
   * The environments of a team: the team environment products whose
   * `TeamName` tag, or whose name (`team-<team>-<envType>`, as the backend
   * names them), says so, confirmed by their `TeamName` output.
   */
  async findByTeam(
    teamName: string,
  ): Promise<Array<Omit<StudioTeamEnvironmentStatus, 'members'>>> {
    const source = `servicecatalog:${this.options.clients.region}:team/${teamName}`;
    const all = await this.guard('SearchProvisionedProducts', source, () =>
      this.products.listProvisionedProducts(),
    );
    const candidates = all.filter(
      p =>
        p.kind === 'teamEnvironment' &&
        (p.tags[TEAM_TAG] === teamName ||
          p.name.startsWith(`team-${teamName}-`)),
    );
    const read = await mapWithConcurrency(candidates, p => this.withOutputs(p));
    return read.filter(e => e.teamName === teamName);
  }

  /**
   * The Studio user profiles tagged with the team, in every domain of the
   * account and region (see {@link TeamEnvironmentStatusReader.readMembersOfEveryTeam}).
   */
  async readTeamMembers(teamName: string): Promise<Member[]> {
    const all = await this.readMembersOfEveryTeam();
    return all
      .filter(p => p.teamName === teamName)
      .map(({ teamName: _team, ...member }) => member);
  }

  /**
   * Every Studio user profile with a `TeamName` tag, in every domain of the
   * account and region, with its team: ListDomains, ListUserProfiles, and
   * one ListTags per profile. SageMaker has no batch tag read: neither
   * ListUserProfiles nor DescribeUserProfile returns tags, and Search does
   * not cover user profiles. One read serves every team, so a caller that
   * keeps it (the entity service caches it per account and region) pays the
   * ListTags calls once for all team pages rather than once per team.
   */
  async readMembersOfEveryTeam(): Promise<
    Array<Member & { teamName: string }>
  > {
    const { clients } = this.options;
    const source = `sagemaker:${clients.region}:user-profiles`;
    const domains = await this.guard('ListDomains', source, async () => {
      const client = await clients.sageMaker();
      const refs: Array<{ domainId: string; arn: string }> = [];
      for await (const page of paginateListDomains(
        { client, pageSize: LIST_DOMAINS_PAGE_SIZE },
        {},
      )) {
        for (const d of page.Domains ?? []) {
          if (d.DomainId && d.DomainArn) {
            refs.push({ domainId: d.DomainId, arn: d.DomainArn });
          }
        }
      }
      return refs;
    });
    const { items, errors } = await this.guard('ListUserProfiles', source, () =>
      this.products.listUserProfiles(domains),
    );
    if (errors.length > 0) {
      // A profile whose tags could not be read might be a member: an
      // incomplete member list is reported as a failure, not shown as whole.
      this.options.logger?.warn('Reading user profile tags failed', {
        source,
        failures: errors.length,
      });
      throw new StudioAwsReadError('UNAVAILABLE', source);
    }
    return items
      .filter(p => p.tags[TEAM_TAG])
      .map(p => ({
        teamName: p.tags[TEAM_TAG],
        userProfileName: p.userProfileName,
        status: p.status,
        domainId: p.domainId,
        ...(p.tags[REQUESTED_FOR_TAG]
          ? { owner: p.tags[REQUESTED_FOR_TAG] }
          : {}),
      }));
  }

  private async withOutputs(
    product: SageMakerStudioProvisionedProduct,
  ): Promise<Omit<StudioTeamEnvironmentStatus, 'members'>> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-product/${product.id}`;
    // A product that never succeeded has no stack outputs to read.
    const outputs = product.lastSuccessfulProvisioningRecordId
      ? await this.guard('GetProvisionedProductOutputs', source, () =>
          this.products.getProvisionedProductOutputs(product.id),
        )
      : {};
    // The template's outputs name the team and environment type only through
    // the SSM prefix, `/sagemaker-studio/<team>/<envType>/`.
    const prefix = SSM_PARAMETER_PREFIX.exec(outputs.SsmParameterPrefix ?? '');
    return {
      ...locationOfArn(product.arn, {
        accountId: this.options.clients.accountId ?? '',
        region: this.options.clients.region,
      }),
      teamName:
        outputs.TeamName ||
        prefix?.[1] ||
        product.tags[TEAM_TAG] ||
        /^team-(.+)-[^-]+$/.exec(product.name)?.[1] ||
        '',
      envType:
        outputs.EnvType ||
        prefix?.[2] ||
        product.tags.EnvType ||
        product.tags.EnvironmentType ||
        undefined,
      provisionedProductId: product.id,
      provisionedProductName: product.name,
      productName: product.productName || undefined,
      version: product.provisioningArtifactName,
      status: product.status,
      outputs,
    };
  }

  private async guard<T>(
    action: string,
    source: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw studioAwsReadError({
        error,
        action,
        source,
        logger: this.options.logger,
      });
    }
  }
}
