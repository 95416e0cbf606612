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

import type { Sandbox } from '../sandbox';
import {
  DemoEstate,
  DemoEstateOptions,
  seedDemoEstate,
} from './seedDemoEstate';
import { seedPlatform, SeedPlatformOptions } from './seedPlatform';

/** An account (and region) of the demo, with the estate it gets. */
export interface DemoAccount {
  accountId: string;
  region: string;
  estate: DemoEstateOptions;
}

/**
 * The second account of the demo: a Studio domain and the recommendations
 * team's `prod` environment (another environment type than the home
 * account's, so the catalog names of the two environments differ), no user
 * profiles and no jobs. The local config reads it beside the home account.
 */
export const DEMO_SECOND_ACCOUNT: DemoAccount = {
  accountId: '210987654321',
  region: 'us-east-1',
  estate: {
    preset: 'local-identities',
    teams: ['recommendations'],
    envType: 'prod',
    profiles: [],
    jobs: false,
    domainRequestedFor: 'user:default/grace-admin',
  },
};

/**
 * Seeds the platform and the demo estate of the local identities (the
 * `local-identities` preset) in the sandbox's default account,
 * then the platform and a smaller estate in each further account (default:
 * {@link DEMO_SECOND_ACCOUNT}), each through that account's own Service
 * Catalog portfolio. Seeding again reuses what exists.
 */
export async function seedDemoAccounts(
  sandbox: Pick<Sandbox, 'invoke' | 'settings' | 'state' | 'forAccount'>,
  options: SeedPlatformOptions & { accounts?: DemoAccount[] },
): Promise<DemoEstate[]> {
  const { accounts = [DEMO_SECOND_ACCOUNT], ...platform } = options;
  await seedPlatform(sandbox, platform);
  const estates = [
    await seedDemoEstate(sandbox, { preset: 'local-identities' }),
  ];
  for (const account of accounts) {
    const target = sandbox.forAccount(account.accountId, account.region);
    await seedPlatform(target, platform);
    estates.push(await seedDemoEstate(target, account.estate));
  }
  return estates;
}
