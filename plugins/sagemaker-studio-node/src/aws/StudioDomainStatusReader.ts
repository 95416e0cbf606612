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
import {
  DescribeDomainCommand,
  DescribeDomainCommandOutput,
  paginateListApps,
  paginateListSpaces,
  paginateListUserProfiles,
} from '@aws-sdk/client-sagemaker';
import { StudioDomainStatus } from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { studioAwsReadError } from './studioAwsErrors';
import { locationOfArn } from './studioReadHelpers';

/** The largest page of ListUserProfiles, ListSpaces and ListApps; the default (10) costs ten times the calls. */
const PAGE_SIZE = 100;

/**
 * Reads a Studio domain as its entity page shows it: settings from
 * DescribeDomain, and counts of profiles, spaces and running apps from the
 * list calls (SageMaker has no count API, so each list is paged through).
 *
 * @public
 */
export class StudioDomainStatusReader {
  constructor(
    private readonly options: {
      clients: SageMakerStudioAwsClients;
      logger?: LoggerService;
    },
  ) {}

  /**
   * The domain's status. Throws a {@link StudioAwsReadError} when any of its
   * calls fails: counts without the domain, or the reverse, would mislead.
   */
  async readDomainStatus(domainId: string): Promise<StudioDomainStatus> {
    const { clients, logger } = this.options;
    const client = await clients.sageMaker();
    const source = `sagemaker:${clients.region}:domain/${domainId}`;
    const call = async <T>(action: string, fn: () => Promise<T>) => {
      try {
        return await fn();
      } catch (error) {
        throw studioAwsReadError({ error, action, source, logger });
      }
    };
    const count = async (
      pages: AsyncIterable<{ items: Array<{ Status?: string }> }>,
      only?: string,
    ) => {
      let total = 0;
      for await (const page of pages) {
        total += page.items.filter(i => !only || i.Status === only).length;
      }
      return total;
    };
    async function* items<P>(
      pages: AsyncIterable<P>,
      pick: (page: P) => Array<{ Status?: string }> | undefined,
    ) {
      for await (const page of pages) yield { items: pick(page) ?? [] };
    }
    // The four calls are independent; they run together.
    const [domain, userProfiles, spaces, runningApps] = await Promise.all([
      call<DescribeDomainCommandOutput>('DescribeDomain', () =>
        client.send(new DescribeDomainCommand({ DomainId: domainId })),
      ),
      call('ListUserProfiles', () =>
        count(
          items(
            paginateListUserProfiles(
              { client, pageSize: PAGE_SIZE },
              { DomainIdEquals: domainId },
            ),
            p => p.UserProfiles,
          ),
        ),
      ),
      call('ListSpaces', () =>
        count(
          items(
            paginateListSpaces(
              { client, pageSize: PAGE_SIZE },
              { DomainIdEquals: domainId },
            ),
            p => p.Spaces,
          ),
        ),
      ),
      call('ListApps', () =>
        count(
          items(
            paginateListApps(
              { client, pageSize: PAGE_SIZE },
              { DomainIdEquals: domainId },
            ),
            p => p.Apps,
          ),
          'InService',
        ),
      ),
    ]);
    return {
      ...locationOfArn(domain.DomainArn, {
        accountId: clients.accountId ?? '',
        region: clients.region,
      }),
      domainId: domain.DomainId ?? domainId,
      domainName: domain.DomainName ?? domainId,
      arn: domain.DomainArn ?? '',
      status: domain.Status ?? 'Unknown',
      authMode: domain.AuthMode,
      appNetworkAccessType: domain.AppNetworkAccessType,
      kmsKeyId: domain.KmsKeyId,
      vpcId: domain.VpcId,
      subnetIds: domain.SubnetIds,
      securityGroupIds: domain.DefaultUserSettings?.SecurityGroups,
      defaultExecutionRoleArn: domain.DefaultUserSettings?.ExecutionRole,
      url: domain.Url,
      counts: { userProfiles, spaces, runningApps },
    };
  }
}
