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

import { DatabaseService } from '@backstage/backend-plugin-api';
import type { Sandbox } from '@internal/aws-sandbox';
import { ConfigReader } from '@backstage/config';
import {
  readSageMakerStudioConfig,
  SageMakerStudioConfig,
} from '@internal/plugin-sagemaker-studio-node';
import { Knex } from 'knex';
import path from 'node:path';
import { DatabaseRequestStore } from '../../requests/DatabaseRequestStore';
import { StoredRequest } from '../../requests/types';

/** The repository's CloudFormation folder, which the sandbox's platform is seeded from. */
export const TEMPLATES_DIR = path.resolve(
  __dirname,
  '../../../../../cloudformation',
);

export const TEAM_ENVIRONMENT_PRODUCT = 'Data science team environment';

/** The plugin's checked config (defaults as in production), pointed at a sandbox. */
export function executorConfig(
  sandbox: Sandbox,
  provisioning: Partial<SageMakerStudioConfig['provisioning']> = {},
): SageMakerStudioConfig {
  return readSageMakerStudioConfig(
    new ConfigReader({
      sageMakerStudio: {
        region: sandbox.settings.region,
        accountId: sandbox.settings.accountId,
        endpoint: sandbox.url,
        adminGroup: 'group:default/data-science-admins',
        products: {
          teamEnvironment: {
            productName: TEAM_ENVIRONMENT_PRODUCT,
            requiresApproval: true,
          },
        },
        platformParameters: { SharedServicesName: 'ds-shared' },
        provisioning: { frequencySeconds: 1, maxAttempts: 8, ...provisioning },
      },
    }),
  );
}

/** The request store on a knex of the plugin's database, migrated. */
export function storeOn(knex: Knex): Promise<DatabaseRequestStore> {
  return DatabaseRequestStore.create({
    database: {
      getClient: async () => knex,
      migrations: { skip: false },
    } as DatabaseService,
  });
}

/**
 * Records team-environment requests as the API would once approved (or
 * waiting for their plan, with `pending`): team names `<prefix>01` ...,
 * provisioned product names `team-<team>-<envType>`.
 */
export async function seedTeamEnvironmentRequests(
  store: DatabaseRequestStore,
  options: {
    prefix: string;
    count: number;
    envType?: string;
    parameters?: Record<string, string>;
    pending?: boolean;
  },
): Promise<StoredRequest[]> {
  const envType = options.envType ?? 'exec';
  const requests: StoredRequest[] = [];
  for (let i = 1; i <= options.count; i++) {
    const teamName = `${options.prefix}${String(i).padStart(2, '0')}`;
    const { request } = await store.create({
      product: 'teamEnvironment',
      operation: 'provision',
      teamName,
      parameters: {
        TeamName: teamName,
        EnvType: envType,
        SharedServicesName: 'ds-shared',
        ...options.parameters,
      },
      requestedBy: 'user:default/sam-lead',
      idempotencyKey: `${teamName}-${envType}`,
      payloadHash: `${teamName}-${envType}`,
      status: options.pending ? 'PENDING_APPROVAL' : 'APPROVED',
      productName: TEAM_ENVIRONMENT_PRODUCT,
      productVersion: 'v1',
      provisionedProductName: `team-${teamName}-${envType}`,
      ...(options.pending
        ? { plan: { status: 'CREATING' as const, resourceChanges: [] } }
        : {}),
      due: true,
    });
    requests.push(request);
  }
  return requests;
}

/** What the sandbox's Service Catalog holds for some requests, found by the request id the plugin tags and uses as token. */
export function sandboxLaunches(sandbox: Sandbox, requestIds: string[]) {
  const ids = new Set(requestIds);
  const products = sandbox.state
    .table<any>('servicecatalog', 'provisionedProducts')
    .values()
    .filter(
      (p: any) =>
        !p.terminated &&
        p.tags?.some(
          (t: any) => t.Key === 'BackstageRequestId' && ids.has(t.Value),
        ),
    );
  const records = sandbox.state
    .table<any>('servicecatalog', 'records')
    .values()
    .filter((r: any) => r.type === 'PROVISION_PRODUCT' && ids.has(r.token));
  const count = (values: string[]) => {
    const byId = new Map<string, number>();
    for (const v of values) byId.set(v, (byId.get(v) ?? 0) + 1);
    return byId;
  };
  const productsByRequest = count(
    products.map(
      (p: any) => p.tags.find((t: any) => t.Key === 'BackstageRequestId').Value,
    ),
  );
  const recordsByRequest = count(records.map((r: any) => r.token));
  const duplicates = [...productsByRequest.values()].filter(n => n > 1).length;
  const lost = requestIds.filter(id => !productsByRequest.has(id)).length;
  return {
    products,
    records,
    productsByRequest,
    recordsByRequest,
    duplicates,
    lost,
  };
}
