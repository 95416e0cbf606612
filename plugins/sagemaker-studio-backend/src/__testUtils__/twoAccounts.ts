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
  DEMO_SECOND_ACCOUNT,
  DemoEstateOptions,
  seedDemoEstate,
  seedPlatform,
  startSandbox,
  Sandbox,
} from '@internal/aws-sandbox';
import path from 'node:path';
import { studioConfig } from './studioTestBackend';

/** The second account (B, as in the local config). */
export const SECOND_ACCOUNT = DEMO_SECOND_ACCOUNT.accountId;

/** The region both accounts' estates are in. */
export const TWO_ACCOUNT_REGION = 'us-east-1';

const TEMPLATES = path.resolve(__dirname, '../../../../cloudformation');

/**
 * A sandbox with the platform and the demo estate in its default account
 * (A) and in {@link SECOND_ACCOUNT} (B, with `estateB`).
 */
export async function startTwoAccountSandbox(
  estateB: DemoEstateOptions = DEMO_SECOND_ACCOUNT.estate,
): Promise<{
  sandbox: Sandbox;
  A: string;
  domainA: string;
  domainB: string;
}> {
  const sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES });
  const domainA = (await seedDemoEstate(sandbox)).domainId;
  const second = sandbox.forAccount(SECOND_ACCOUNT, TWO_ACCOUNT_REGION);
  await seedPlatform(second, { templatesDir: TEMPLATES });
  const domainB = (await seedDemoEstate(second, estateB)).domainId;
  return { sandbox, A: sandbox.settings.accountId, domainA, domainB };
}

/** Gives the plugin's config the credentials of B (its access key is its account id, as the sandbox wants). */
export function addSecondAccountCredentials(
  config: ReturnType<typeof studioConfig>,
) {
  config.aws.accounts.push({
    accountId: SECOND_ACCOUNT,
    accessKeyId: SECOND_ACCOUNT,
    secretAccessKey: 'sandbox',
  });
}
