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
  SageMakerStudioProvisionedProduct,
  SageMakerStudioUserProfileRecord,
} from '@internal/plugin-sagemaker-studio-node';

export const ACCOUNT = '111122223333';
export const DOMAIN_ID = 'd-abc123def456';

/**
 * A team environment product as the reader returns it, provisioned from
 * Backstage: tagged as the backend tags what it launches (`TeamName` and the
 * `Backstage*` tags, no environment type: the backend passes `EnvType` as a
 * parameter), so the reader fetched its outputs.
 */
export function teamEnvironmentProduct(
  overrides: Partial<SageMakerStudioProvisionedProduct> = {},
): SageMakerStudioProvisionedProduct {
  const id = overrides.id ?? 'pp-team-fraud';
  return {
    kind: 'teamEnvironment',
    id,
    name: 'team-fraud-detection-dev',
    arn: `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:stack/team-fraud-detection-dev/${id}`,
    productId: 'prod-team',
    productName: 'Data science team environment',
    provisioningArtifactId: 'pa-team-v1',
    provisioningArtifactName: 'v1',
    status: 'AVAILABLE',
    createdAt: '2026-11-20T10:00:00.000Z',
    lastRecordId: `rec-${id}`,
    lastSuccessfulProvisioningRecordId: `rec-${id}`,
    physicalId: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/SC-${id}/1`,
    tags: {
      TeamName: 'fraud-detection',
      BackstageRequestId: '5f0e8a52-5a0b-4c43-9d0e-1d2f3a4b5c6d',
      BackstageRequestedBy: 'user:default/sam-lead',
      BackstageRequestedFor: 'user:default/sam-lead',
    },
    outputs: {
      SsmParameterPrefix: '/sagemaker-studio/fraud-detection/dev/',
      DataBucketName: 'ds-data-fraud-detection-dev-abc123',
    },
    ...overrides,
  };
}

/** A user profile product as the reader returns it, provisioned from Backstage for Dana. */
export function userProfileProduct(
  overrides: Partial<SageMakerStudioProvisionedProduct> = {},
): SageMakerStudioProvisionedProduct {
  const id = overrides.id ?? 'pp-profile-dana';
  return {
    kind: 'userProfile',
    id,
    name: 'profile-dana',
    arn: `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:stack/profile-dana/${id}`,
    productId: 'prod-profile',
    productName: 'Studio user profile',
    provisioningArtifactId: 'pa-profile-v2',
    provisioningArtifactName: 'v2',
    status: 'AVAILABLE',
    createdAt: '2026-11-21T10:00:00.000Z',
    lastRecordId: `rec-${id}`,
    lastSuccessfulProvisioningRecordId: `rec-${id}`,
    tags: {
      TeamName: 'fraud-detection',
      BackstageRequestId: '0b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e',
      BackstageRequestedBy: 'user:default/dana-scientist',
      BackstageRequestedFor: 'user:default/dana-scientist',
    },
    ...overrides,
  };
}

/** A Studio user profile as the reader returns it. */
export function userProfileRecord(
  overrides: Partial<SageMakerStudioUserProfileRecord> = {},
): SageMakerStudioUserProfileRecord {
  const name = overrides.userProfileName ?? 'dana-scientist';
  const domainId = overrides.domainId ?? DOMAIN_ID;
  return {
    domainId,
    userProfileName: name,
    arn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:user-profile/${domainId}/${name}`,
    status: 'InService',
    createdAt: '2026-11-21T10:05:00.000Z',
    tags: {
      TeamName: 'fraud-detection',
      EnvironmentType: 'dev',
      OwnerEmail: 'dana@example.com',
      'aws:servicecatalog:provisionedProductArn': `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:stack/profile-dana/pp-profile-dana`,
    },
    ...overrides,
  };
}
