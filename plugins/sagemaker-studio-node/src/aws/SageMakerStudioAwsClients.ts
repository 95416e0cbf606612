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

import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  SageMakerStudioAwsTarget,
  SageMakerStudioConfig,
  sageMakerStudioTargetKey,
} from '../config';

/** Sent with every call so AWS-side logs show where calls come from. */
export const SAGEMAKER_STUDIO_USER_AGENT = 'backstage-plugin-sagemaker-studio';

type ClientConstructor<T> = new (options: any) => T;

/**
 * Builds the AWS SDK clients of the plugin set: credentials from the `aws:`
 * config block, region and account from our config, and the endpoint
 * override (the local sandbox) applied to every client in one place.
 *
 * An instance is scoped to one account and region: the home one (where the
 * Service Catalog products are) unless made with {@link SageMakerStudioAwsClients.forTarget}.
 *
 * @public
 */
export class SageMakerStudioAwsClients {
  private readonly cache = new Map<ClientConstructor<unknown>, unknown>();
  private readonly scoped = new Map<string, SageMakerStudioAwsClients>();
  private readonly target: SageMakerStudioAwsTarget;

  constructor(
    private readonly options: {
      config: SageMakerStudioConfig;
      credentialsManager: AwsCredentialsManager;
      target?: SageMakerStudioAwsTarget;
    },
  ) {
    const { config } = options;
    this.target = options.target ?? {
      ...(config.accountId ? { accountId: config.accountId } : {}),
      region: config.region,
    };
  }

  get region(): string {
    return this.target.region;
  }

  /** The configured account; undefined for the `aws:` block's main account. */
  get accountId(): string | undefined {
    return this.target.accountId;
  }

  /** `<account>/<region>`, see {@link sageMakerStudioTargetKey}. */
  get targetKey(): string {
    return sageMakerStudioTargetKey(this.target);
  }

  /** Every account and region the estate is read from (`sageMakerStudio.accounts`). */
  targets(): SageMakerStudioAwsTarget[] {
    return this.options.config.targets;
  }

  /** Clients for one account and region; instances are reused per target. */
  forTarget(target: SageMakerStudioAwsTarget): SageMakerStudioAwsClients {
    const key = sageMakerStudioTargetKey(target);
    if (key === this.targetKey) {
      return this;
    }
    let clients = this.scoped.get(key);
    if (!clients) {
      clients = new SageMakerStudioAwsClients({ ...this.options, target });
      this.scoped.set(key, clients);
    }
    return clients;
  }

  /** Clients for every configured target, in config order. */
  forEachTarget(): SageMakerStudioAwsClients[] {
    return this.targets().map(target => this.forTarget(target));
  }

  sageMaker(): Promise<SageMakerClient> {
    return this.client(SageMakerClient);
  }

  serviceCatalog(): Promise<ServiceCatalogClient> {
    return this.client(ServiceCatalogClient);
  }

  /** For the stacks Service Catalog launched (a team environment's stack status). */
  cloudFormation(): Promise<CloudFormationClient> {
    return this.client(CloudFormationClient);
  }

  securityHub(): Promise<SecurityHubClient> {
    return this.client(SecurityHubClient);
  }

  private async client<T>(Client: ClientConstructor<T>): Promise<T> {
    const cached = this.cache.get(Client);
    if (cached) {
      return cached as T;
    }
    const { config, credentialsManager } = this.options;
    const credentials = await credentialsManager.getCredentialProvider(
      this.target.accountId ? { accountId: this.target.accountId } : undefined,
    );
    const client = new Client({
      region: this.target.region,
      customUserAgent: SAGEMAKER_STUDIO_USER_AGENT,
      credentialDefaultProvider: () => credentials.sdkCredentialProvider,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    });
    this.cache.set(Client, client);
    return client;
  }
}
