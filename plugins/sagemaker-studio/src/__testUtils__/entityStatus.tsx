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

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  StudioDomainStatus,
  StudioEntityStatus,
  StudioTeamEnvironmentStatus,
  StudioUserProfileStatus,
} from '@internal/plugin-sagemaker-studio-common';
import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { SageMakerStudioApi } from '../api/SageMakerStudioApi';
import { renderWithStudioApi } from './renderWithStudioApi';

export const domainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'd-abc123',
    annotations: { 'sagemaker-studio.aws/domain-id': 'd-abc123' },
  },
  spec: {
    type: 'sagemaker-studio-domain',
    owner: 'group:default/data-science-admins',
  },
};

export const teamGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'fraud-detection',
    annotations: { 'sagemaker-studio.aws/team': 'fraud-detection' },
  },
  spec: { type: 'team', children: [] },
};

export const danaUser: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name: 'dana-scientist',
    annotations: {
      'sagemaker-studio.aws/team': 'fraud-detection',
      'sagemaker-studio.aws/user-profile': 'dana-scientist',
      'sagemaker-studio.aws/domain-id': 'd-abc123',
    },
  },
  spec: { memberOf: ['fraud-detection'] },
};

/** An entity without any of our annotations. */
export function withoutAnnotations(entity: Entity): Entity {
  return { ...entity, metadata: { ...entity.metadata, annotations: {} } };
}

export function mockDomain(
  overrides: Partial<StudioDomainStatus> = {},
): StudioDomainStatus {
  return {
    accountId: '111111111111',
    region: 'eu-west-1',
    domainId: 'd-abc123',
    domainName: 'fraud-studio',
    arn: 'arn:aws:sagemaker:eu-west-1:111111111111:domain/d-abc123',
    status: 'InService',
    authMode: 'IAM',
    appNetworkAccessType: 'VpcOnly',
    kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/key-1',
    vpcId: 'vpc-1',
    subnetIds: ['subnet-a', 'subnet-b'],
    securityGroupIds: ['sg-domain'],
    defaultExecutionRoleArn:
      'arn:aws:iam::111111111111:role/service-role/studio-default-role',
    counts: { userProfiles: 12, spaces: 7, runningApps: 3 },
    ...overrides,
  };
}

export function mockTeamEnvironment(
  overrides: Partial<StudioTeamEnvironmentStatus> = {},
): StudioTeamEnvironmentStatus {
  return {
    accountId: '111111111111',
    region: 'eu-west-1',
    teamName: 'fraud-detection',
    envType: 'dev',
    provisionedProductId: 'pp-team1',
    provisionedProductName: 'fraud-detection-dev',
    productName: 'Team environment',
    version: 'v2',
    status: 'AVAILABLE',
    stackStatus: 'UPDATE_COMPLETE',
    outputs: {
      DataBucketName: 'fraud-detection-dev-data',
      ModelBucketName: 'fraud-detection-dev-models',
      TeamKmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/team-key',
      TeamKmsKeyId: 'team-key',
      TeamAdminRoleArn: 'arn:aws:iam::111111111111:role/ds-team-admin-fraud',
      TeamUserRoleArn: 'arn:aws:iam::111111111111:role/ds-team-user-fraud',
      TeamSecurityGroupId: 'sg-team',
      SsmParameterPrefix: '/sagemaker-studio/fraud-detection/dev/',
      TeamResourceGroupArn:
        'arn:aws:resource-groups:eu-west-1:111111111111:group/ds-fraud-detection-dev',
      AssumeTeamAdminRoleUrl:
        'https://signin.aws.amazon.com/switchrole?roleName=ds-team-admin-fraud',
      ExtraOutput: 'shown as it is',
    },
    members: [
      {
        userProfileName: 'dana-scientist',
        status: 'InService',
        owner: 'user:default/dana-scientist',
        domainId: 'd-abc123',
      },
      { userProfileName: 'legacy-bob', status: 'Failed', domainId: 'd-abc123' },
    ],
    ...overrides,
  };
}

export function mockUserProfile(
  overrides: Partial<StudioUserProfileStatus> = {},
): StudioUserProfileStatus {
  return {
    accountId: '111111111111',
    region: 'eu-west-1',
    domainId: 'd-abc123',
    userProfileName: 'dana-scientist',
    arn: 'arn:aws:sagemaker:eu-west-1:111111111111:user-profile/d-abc123/dana-scientist',
    status: 'InService',
    executionRoleArn: 'arn:aws:iam::111111111111:role/fraud-user-role',
    securityGroupIds: ['sg-team'],
    teamName: 'fraud-detection',
    owner: 'user:default/dana-scientist',
    spaces: [
      {
        spaceName: 'dana-space',
        status: 'InService',
        apps: [
          {
            appType: 'JupyterLab',
            appName: 'default',
            status: 'InService',
            spaceName: 'dana-space',
          },
        ],
      },
    ],
    apps: [
      { appType: 'KernelGateway', appName: 'datascience-1', status: 'Pending' },
    ],
    canOpen: true,
    ...overrides,
  };
}

/** A team environment as the backend shows it to someone outside the team. */
export function mockTeamEnvironmentSummary(
  overrides: Partial<StudioTeamEnvironmentStatus> = {},
): StudioTeamEnvironmentStatus {
  const { stackStatus: _stackStatus, ...env } = mockTeamEnvironment();
  return { ...env, outputs: {}, members: [], access: 'summary', ...overrides };
}

/** A user profile as the backend shows it to someone neither its owner, a teammate nor an admin. */
export function mockUserProfileSummary(
  overrides: Partial<StudioUserProfileStatus> = {},
): StudioUserProfileStatus {
  const {
    executionRoleArn: _role,
    securityGroupIds: _groups,
    ...profile
  } = mockUserProfile();
  return {
    ...profile,
    spaces: [],
    apps: [],
    canOpen: false,
    access: 'summary',
    ...overrides,
  };
}

export function mockEntityStatus(
  overrides: Partial<StudioEntityStatus> = {},
): StudioEntityStatus {
  return {
    entityRef: 'user:default/dana-scientist',
    domains: [],
    teamEnvironments: [],
    userProfiles: [],
    errors: [],
    ...overrides,
  };
}

/** Renders an entity card or tab for the entity, with the given API. */
export function renderForEntity(
  element: ReactElement,
  entity: Entity,
  api: Partial<SageMakerStudioApi>,
) {
  return renderWithStudioApi(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    api,
  );
}

/** A status read that never answers, to see the loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** An external link by its text: such links open in a new window and say so. */
export function externalLink(text: string) {
  return screen.getByRole('link', { name: `${text}, Opens in a new window` });
}
