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

import { mockStudioDomain } from '@internal/plugin-sagemaker-studio-common/testUtils';
import {
  DOMAIN_ID,
  teamEnvironmentProduct,
  userProfileProduct,
  userProfileRecord,
} from './__fixtures__/estate';
import { estateToEntities } from './estateToEntities';

function run(
  estate: Partial<Parameters<typeof estateToEntities>[0]['estate']>,
  domains = [mockStudioDomain({ domainId: DOMAIN_ID })],
) {
  return estateToEntities({
    domains,
    estate: {
      provisionedProducts: [],
      userProfiles: [],
      errors: [],
      ...estate,
    },
    domainOwner: 'group:default/data-science-admins',
    providerName: 'sagemaker-studio:default',
    region: 'us-east-1',
  });
}

function summary(result: ReturnType<typeof estateToEntities>) {
  return result.entities.map(e => ({
    name: e.metadata.name,
    owner: e.spec.owner,
    dependsOn: e.spec.dependsOn,
    provisionedProductId:
      e.metadata.annotations?.['sagemaker-studio.aws/provisioned-product-id'],
  }));
}

describe('estateToEntities', () => {
  it('emits the domain, the team environment and the profile, linked to each other', () => {
    const result = run({
      provisionedProducts: [teamEnvironmentProduct(), userProfileProduct()],
      userProfiles: [userProfileRecord()],
    });
    expect(summary(result)).toEqual([
      {
        name: DOMAIN_ID,
        owner: 'group:default/data-science-admins',
        dependsOn: undefined,
        provisionedProductId: undefined,
      },
      {
        name: 'fraud-detection-dev-team-environment',
        owner: 'group:default/fraud-detection',
        dependsOn: [`resource:default/${DOMAIN_ID}`],
        provisionedProductId: 'pp-team-fraud',
      },
      {
        name: 'dana-scientist-user-profile',
        owner: 'user:default/dana-scientist',
        dependsOn: [
          `resource:default/${DOMAIN_ID}`,
          'resource:default/fraud-detection-dev-team-environment',
        ],
        provisionedProductId: 'pp-profile-dana',
      },
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('links a profile to its product by the product’s outputs when the Service Catalog tag did not reach it', () => {
    const result = run({
      provisionedProducts: [
        userProfileProduct({
          outputs: { DomainId: DOMAIN_ID, UserProfileName: 'dana-scientist' },
        }),
      ],
      userProfiles: [
        userProfileRecord({ tags: { TeamName: 'fraud-detection' } }),
      ],
    });
    expect(summary(result)[1]).toEqual({
      name: 'dana-scientist-user-profile',
      owner: 'user:default/dana-scientist',
      // No team environment in the catalog: no dangling relation to one.
      dependsOn: [`resource:default/${DOMAIN_ID}`],
      provisionedProductId: 'pp-profile-dana',
    });
  });

  it('emits a profile made outside Backstage, and nothing for a product whose profile is gone', () => {
    const result = run({
      provisionedProducts: [
        userProfileProduct({
          id: 'pp-deleted-outside',
          arn: 'arn:aws:servicecatalog:us-east-1:111122223333:stack/x/pp-deleted-outside',
          outputs: { DomainId: DOMAIN_ID, UserProfileName: 'gone' },
        }),
      ],
      userProfiles: [userProfileRecord({ userProfileName: 'erin', tags: {} })],
    });
    expect(summary(result).slice(1)).toEqual([
      {
        name: 'erin-user-profile',
        owner: 'user:default/erin',
        dependsOn: [`resource:default/${DOMAIN_ID}`],
        provisionedProductId: undefined,
      },
    ]);
  });

  it('emits every environment of a team, and links each profile to the environment of its own type', () => {
    const prodOutputs = {
      SsmParameterPrefix: '/sagemaker-studio/fraud-detection/prod/',
    };
    const result = run({
      provisionedProducts: [
        teamEnvironmentProduct({
          id: 'pp-team-prod',
          createdAt: '2026-11-25T00:00:00.000Z',
          outputs: prodOutputs,
        }),
        teamEnvironmentProduct(),
        // Tagged by hand rather than by the backend: no outputs needed.
        teamEnvironmentProduct({
          id: 'pp-team-test',
          tags: { TeamName: 'fraud-detection', EnvironmentType: 'test' },
          outputs: undefined,
        }),
        userProfileProduct(),
        userProfileProduct({
          id: 'pp-profile-pat',
          arn: 'arn:aws:servicecatalog:us-east-1:111122223333:stack/profile-pat/pp-profile-pat',
        }),
      ],
      userProfiles: [
        userProfileRecord(),
        userProfileRecord({
          userProfileName: 'pat-prod',
          tags: {
            TeamName: 'fraud-detection',
            EnvironmentType: 'prod',
            'aws:servicecatalog:provisionedProductArn':
              'arn:aws:servicecatalog:us-east-1:111122223333:stack/profile-pat/pp-profile-pat',
          },
        }),
      ],
    });
    expect(
      summary(result).map(e => [e.name, e.provisionedProductId, e.dependsOn]),
    ).toEqual([
      [DOMAIN_ID, undefined, undefined],
      [
        'fraud-detection-dev-team-environment',
        'pp-team-fraud',
        [`resource:default/${DOMAIN_ID}`],
      ],
      [
        'fraud-detection-test-team-environment',
        'pp-team-test',
        [`resource:default/${DOMAIN_ID}`],
      ],
      [
        'fraud-detection-prod-team-environment',
        'pp-team-prod',
        [`resource:default/${DOMAIN_ID}`],
      ],
      [
        'dana-scientist-user-profile',
        'pp-profile-dana',
        [
          `resource:default/${DOMAIN_ID}`,
          'resource:default/fraud-detection-dev-team-environment',
        ],
      ],
      [
        'pat-prod-user-profile',
        'pp-profile-pat',
        [
          `resource:default/${DOMAIN_ID}`,
          'resource:default/fraud-detection-prod-team-environment',
        ],
      ],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('leaves out, with a warning, a team environment whose environment type cannot be told, and a second product of the same environment', () => {
    const result = run({
      provisionedProducts: [
        teamEnvironmentProduct(),
        teamEnvironmentProduct({
          id: 'pp-team-again',
          createdAt: '2026-11-26T00:00:00.000Z',
        }),
        teamEnvironmentProduct({
          id: 'pp-team-unknown',
          tags: { TeamName: 'fraud-detection' },
          outputs: {},
        }),
        teamEnvironmentProduct({ id: 'pp-team-none', tags: {}, outputs: {} }),
      ],
      userProfiles: [
        // Its environment is not in the catalog: no relation to guess at.
        userProfileRecord({
          tags: { TeamName: 'fraud-detection', EnvironmentType: 'prod' },
        }),
      ],
    });
    expect(summary(result).map(e => [e.name, e.dependsOn])).toEqual([
      [DOMAIN_ID, undefined],
      [
        'fraud-detection-dev-team-environment',
        [`resource:default/${DOMAIN_ID}`],
      ],
      ['dana-scientist-user-profile', [`resource:default/${DOMAIN_ID}`]],
    ]);
    expect(result.warnings).toEqual([
      'team environment pp-team-none: no TeamName tag and no team in its outputs',
      'team environment pp-team-unknown of team fraud-detection: no environment type (no EnvType or EnvironmentType tag, no SsmParameterPrefix output)',
      'team environment pp-team-again: the dev environment of team fraud-detection is already pp-team-fraud',
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('puts a team environment in the domain its profiles of that environment use when there are several domains', () => {
    const result = run(
      {
        provisionedProducts: [teamEnvironmentProduct()],
        userProfiles: [userProfileRecord({ domainId: 'd-second' })],
      },
      [
        mockStudioDomain({ domainId: DOMAIN_ID }),
        mockStudioDomain({
          domainId: 'd-second',
          arn: 'arn:aws:sagemaker:us-east-1:111122223333:domain/d-second',
        }),
      ],
    );
    expect(
      result.entities.find(
        e => e.metadata.name === 'fraud-detection-dev-team-environment',
      )?.spec.dependsOn,
    ).toEqual(['resource:default/d-second']);
  });

  it('leaves out products that never succeeded and profiles being deleted', () => {
    const result = run({
      provisionedProducts: [
        teamEnvironmentProduct({
          status: 'ERROR',
          lastSuccessfulProvisioningRecordId: undefined,
        }),
      ],
      userProfiles: [userProfileRecord({ status: 'Deleting' })],
    });
    expect(summary(result).map(e => e.name)).toEqual([DOMAIN_ID]);
    expect(result.skipped).toEqual([
      `user profile ${DOMAIN_ID}/dana-scientist: Deleting`,
    ]);
  });
});
