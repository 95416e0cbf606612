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

import { StudioDomainSummary } from '../types';

/**
 * A VpcOnly, KMS-encrypted domain as the backend would report it; for tests.
 *
 * @public
 */
export function mockStudioDomain(
  overrides: Partial<StudioDomainSummary> = {},
): StudioDomainSummary {
  return {
    domainId: 'd-abc123def456',
    domainName: 'ds-studio',
    status: 'InService',
    arn: 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123def456',
    appNetworkAccessType: 'VpcOnly',
    kmsKeyId:
      'arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
    vpcId: 'vpc-0a1b2c3d4e5f67890',
    subnetIds: ['subnet-01', 'subnet-02', 'subnet-03'],
    region: 'us-east-1',
    ...overrides,
  };
}

export * from '../compliance/__fixtures__';
