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

import { startSandbox, Sandbox, SandboxOptions } from '../../sandbox';
import { defaultServiceFactories } from '../../serviceFactories';
import { ServiceFactory } from '../../server/types';

/** SDK client settings for a sandbox: its endpoint and throwaway credentials. */
export function clientConfig(sandbox: Sandbox) {
  return {
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: {
      accessKeyId: 'AKIASANDBOXTEST',
      secretAccessKey: 'sandbox-secret',
    },
    maxAttempts: 1,
  };
}

/** Every default service plus the given ones, without duplicates. */
export function servicesWith(...extra: ServiceFactory[]): ServiceFactory[] {
  const factories = [...defaultServiceFactories];
  for (const factory of extra) {
    if (!factories.includes(factory)) {
      factories.push(factory);
    }
  }
  return factories;
}

/** A sandbox with CloudFormation, no detective control and no delay unless asked. */
export function startTestSandbox(
  options: SandboxOptions = {},
  ...extra: ServiceFactory[]
): Promise<Sandbox> {
  return startSandbox({
    delayMs: 0,
    detectiveControl: false,
    services: servicesWith(...extra),
    ...options,
  });
}
