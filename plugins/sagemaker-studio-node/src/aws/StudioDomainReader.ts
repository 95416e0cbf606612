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
  paginateListDomains,
} from '@aws-sdk/client-sagemaker';
import {
  ListResponse,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { studioAwsReadError, toStudioSourceError } from './studioAwsErrors';
import {
  locationOfArn,
  readEachStudioTarget,
  withStudioTarget,
} from './studioReadHelpers';
import { translateAwsError } from './translateAwsError';

/** ListDomains' largest page; the default (10) costs a call per ten domains. */
const LIST_DOMAINS_PAGE_SIZE = 100;

/**
 * Reads Studio domains from SageMaker, in the one account and region of the
 * clients it is given (`clients.forTarget(...)` for another).
 *
 * @public
 */
export class StudioDomainReader {
  private readonly logger?: LoggerService;

  constructor(
    private readonly clients: SageMakerStudioAwsClients,
    options: { logger?: LoggerService } = {},
  ) {
    this.logger = options.logger;
  }

  /**
   * Lists every domain with its network and encryption settings. A domain
   * that cannot be described is reported in `errors` with a fixed message
   * (AWS's text goes to the log) and the others are still returned; a
   * failed listing throws.
   */
  async listDomains(): Promise<ListResponse<StudioDomainSummary>> {
    const client = await this.clients.sageMaker();
    const domainIds: string[] = [];
    try {
      for await (const page of paginateListDomains(
        { client, pageSize: LIST_DOMAINS_PAGE_SIZE },
        {},
      )) {
        for (const domain of page.Domains ?? []) {
          if (domain.DomainId) domainIds.push(domain.DomainId);
        }
      }
    } catch (error) {
      throw translateAwsError(error, 'Listing SageMaker domains');
    }
    // ListDomains lacks the network and KMS settings, so each domain is described.
    const described = await Promise.allSettled(
      domainIds.map(id => this.getDomain(id)),
    );
    const response: ListResponse<StudioDomainSummary> = {
      items: [],
      errors: [],
    };
    described.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        response.items.push(result.value);
      } else {
        const source = `sagemaker:${this.clients.region}:domain/${domainIds[index]}`;
        response.errors.push(
          toStudioSourceError(
            studioAwsReadError({
              error: result.reason,
              action: 'DescribeDomain',
              source,
              logger: this.logger,
            }),
          ),
        );
      }
    });
    return response;
  }

  /**
   * Lists the domains of every configured account and region
   * (`sageMakerStudio.accounts`), a few targets at a time, each domain with
   * its account and region. A target whose listing fails is one entry in
   * `errors` naming its account and region (fixed message); the other
   * targets' domains are still returned.
   */
  async listDomainsOfEveryTarget(): Promise<ListResponse<StudioDomainSummary>> {
    const { values, errors } = await readEachStudioTarget({
      clients: this.clients,
      action: 'ListDomains',
      logger: this.logger,
      read: clients =>
        (clients === this.clients
          ? this
          : new StudioDomainReader(clients, { logger: this.logger })
        ).listDomains(),
    });
    const response: ListResponse<StudioDomainSummary> = {
      items: [],
      errors,
    };
    for (const { clients, value } of values) {
      response.items.push(...value.items);
      response.errors.push(
        ...value.errors.map(e => withStudioTarget(e, clients)),
      );
    }
    return response;
  }

  /** Describes one domain; NotFoundError when it does not exist. */
  async getDomain(domainId: string): Promise<StudioDomainSummary> {
    const client = await this.clients.sageMaker();
    let output: DescribeDomainCommandOutput;
    try {
      output = await client.send(
        new DescribeDomainCommand({ DomainId: domainId }),
      );
    } catch (error) {
      throw translateAwsError(error, `Describing SageMaker domain ${domainId}`);
    }
    return {
      domainId: output.DomainId ?? domainId,
      domainName: output.DomainName ?? domainId,
      status: output.Status ?? 'Unknown',
      arn: output.DomainArn ?? '',
      appNetworkAccessType: output.AppNetworkAccessType,
      kmsKeyId: output.KmsKeyId,
      vpcId: output.VpcId,
      subnetIds: output.SubnetIds,
      url: output.Url,
      ...accountOf(output.DomainArn, this.clients.accountId),
      region: this.clients.region,
      createdAt: output.CreationTime?.toISOString(),
    };
  }
}

/** The account of an ARN, else the configured one; nothing when neither says. */
function accountOf(
  arn: string | undefined,
  configured: string | undefined,
): { accountId?: string } {
  const { accountId } = locationOfArn(arn, {
    accountId: configured ?? '',
    region: '',
  });
  return accountId ? { accountId } : {};
}
