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

import { SageMakerStudioAwsClients } from '../SageMakerStudioAwsClients';
import { SageMakerStudioConfig } from '../../config';

/** Clients with static fake keys, for tests with aws-sdk-client-mock. */
export function fakeClients(
  config: Partial<SageMakerStudioConfig> = {},
): SageMakerStudioAwsClients {
  return new SageMakerStudioAwsClients({
    config: {
      region: 'eu-west-1',
      targets: [{ region: config.region ?? 'eu-west-1' }],
      adminGroup: 'group:default/admins',
      products: {
        studioDomain: { productName: 'Domain', requiresApproval: true },
        teamEnvironment: { productName: 'Team env', requiresApproval: true },
        userProfile: { productName: 'Profile', requiresApproval: false },
      },
      platformParameters: {},
      provisioning: { frequencySeconds: 5, maxAttempts: 8 },
      limits: {
        requestsPerMinute: 10,
        pendingRequestsPerUser: 5,
        openStudioPerMinute: 10,
      },
      cache: { ttlSeconds: 30 },
      openStudio: { sessionExpirationSeconds: 43200 },
      ...config,
    },
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: 'AKIAFAKE',
          secretAccessKey: 'fake',
        }),
      }),
    },
  });
}

/** An AWS SDK exception as the SDK throws it. */
export function awsError(
  name: string,
  message = `secret AWS text for ${name}`,
) {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req-123' },
  });
}
