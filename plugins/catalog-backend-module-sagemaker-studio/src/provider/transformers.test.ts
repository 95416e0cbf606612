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
  ACCOUNT,
  DOMAIN_ID,
  teamEnvironmentProduct,
  userProfileProduct,
  userProfileRecord,
} from './__fixtures__/estate';
import {
  ownerOfUserProfile,
  teamEnvironmentToResourceEntity,
  teamEnvironmentEntityName,
  teamOfTeamEnvironment,
  teamOfUserProfile,
  userProfileToResourceEntity,
  validateEntity,
} from './transformers';

describe('teamEnvironmentToResourceEntity', () => {
  it('makes a Resource named after the team and environment type, owned by the team’s group, depending on the domain', () => {
    expect(
      teamEnvironmentToResourceEntity(teamEnvironmentProduct(), {
        region: 'us-east-1',
        domainId: DOMAIN_ID,
      }),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'fraud-detection-dev-team-environment',
        title: 'fraud-detection team environment (dev)',
        description:
          'SageMaker Studio team environment, provisioned product team-fraud-detection-dev (Data science team environment v1, AVAILABLE)',
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-team-fraud',
          'backstage.io/managed-by-origin-location':
            'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-team-fraud',
          'sagemaker-studio.aws/provisioned-product-id': 'pp-team-fraud',
          'sagemaker-studio.aws/team': 'fraud-detection',
          'sagemaker-studio.aws/environment-type': 'dev',
          'sagemaker-studio.aws/domain-id': DOMAIN_ID,
          'sagemaker-studio.aws/arn': `arn:aws:servicecatalog:us-east-1:${ACCOUNT}:stack/team-fraud-detection-dev/pp-team-fraud`,
          'sagemaker-studio.aws/account-id': ACCOUNT,
          'sagemaker-studio.aws/region': 'us-east-1',
        },
        tags: ['sagemaker', 'studio'],
      },
      spec: {
        type: 'sagemaker-studio-team-environment',
        owner: 'group:default/fraud-detection',
        dependsOn: [`resource:default/${DOMAIN_ID}`],
      },
    });
  });

  it('reads team and environment type from the SsmParameterPrefix output when the product has no tags (the demo estate)', () => {
    const product = teamEnvironmentProduct({
      tags: {},
      outputs: {
        SsmParameterPrefix: '/sagemaker-studio/recommendations/prod/',
      },
    });
    expect(teamOfTeamEnvironment(product)).toEqual({
      teamName: 'recommendations',
      envType: 'prod',
    });
    const entity = teamEnvironmentToResourceEntity(product, {
      region: 'us-east-1',
    });
    expect(entity?.metadata.name).toBe('recommendations-prod-team-environment');
    expect(
      entity?.metadata.annotations?.['sagemaker-studio.aws/environment-type'],
    ).toBe('prod');
    expect(entity?.spec.owner).toBe('group:default/recommendations');
    expect(entity?.spec.dependsOn).toBeUndefined();
  });

  it('skips a product that never provisioned successfully', () => {
    expect(
      teamEnvironmentToResourceEntity(
        teamEnvironmentProduct({
          status: 'ERROR',
          lastSuccessfulProvisioningRecordId: undefined,
        }),
        { region: 'us-east-1' },
      ),
    ).toBeUndefined();
  });

  it('reads both from tags when the reader had no need for outputs: EnvType first, else EnvironmentType', () => {
    expect(
      teamOfTeamEnvironment(
        teamEnvironmentProduct({
          tags: { TeamName: 'recommendations', EnvironmentType: 'test' },
          outputs: undefined,
        }),
      ),
    ).toEqual({ teamName: 'recommendations', envType: 'test' });
    expect(
      teamOfTeamEnvironment(
        teamEnvironmentProduct({
          tags: {
            TeamName: 'recommendations',
            EnvType: 'prod',
            EnvironmentType: 'test',
          },
          outputs: undefined,
        }),
      ),
    ).toEqual({ teamName: 'recommendations', envType: 'prod' });
  });

  it('prefers the outputs, built from the parameters that named the resources, over tags', () => {
    expect(
      teamOfTeamEnvironment(
        teamEnvironmentProduct({
          tags: { TeamName: 'fraud-detection', EnvironmentType: 'prod' },
          outputs: {
            SsmParameterPrefix: '/sagemaker-studio/fraud-detection/dev/',
          },
        }),
      ),
    ).toEqual({ teamName: 'fraud-detection', envType: 'dev' });
  });

  it('skips a product whose environment type cannot be told rather than give it a name that could collide', () => {
    const product = teamEnvironmentProduct({
      tags: { TeamName: 'fraud-detection' },
      outputs: {},
    });
    expect(teamOfTeamEnvironment(product)).toEqual({
      teamName: 'fraud-detection',
      envType: undefined,
    });
    expect(
      teamEnvironmentToResourceEntity(product, { region: 'us-east-1' }),
    ).toBeUndefined();
  });

  it('skips a product whose team cannot be told', () => {
    expect(
      teamEnvironmentToResourceEntity(
        teamEnvironmentProduct({ tags: {}, outputs: {} }),
        { region: 'us-east-1' },
      ),
    ).toBeUndefined();
  });

  it('keeps a product whose update failed (TAINTED): the environment still exists', () => {
    expect(
      teamEnvironmentToResourceEntity(
        teamEnvironmentProduct({ status: 'TAINTED' }),
        { region: 'us-east-1' },
      )?.metadata.name,
    ).toBe('fraud-detection-dev-team-environment');
  });
});

describe('teamEnvironmentEntityName', () => {
  it('names the environment as the backend names a request’s entityRef', () => {
    expect(teamEnvironmentEntityName('fraud-detection', 'prod')).toBe(
      'fraud-detection-prod-team-environment',
    );
  });
});

describe('teamOfUserProfile', () => {
  it('reads the TeamName and EnvironmentType tags the user profile templates put on the profile', () => {
    expect(
      teamOfUserProfile(userProfileRecord(), userProfileProduct()),
    ).toEqual({ teamName: 'fraud-detection', envType: 'dev' });
  });

  it('falls back to the product’s outputs, then its tags', () => {
    const profile = userProfileRecord({ tags: {} });
    expect(
      teamOfUserProfile(
        profile,
        userProfileProduct({
          tags: { TeamName: 'recommendations', EnvType: 'test' },
          outputs: { EnvType: 'prod' },
        }),
      ),
    ).toEqual({ teamName: 'recommendations', envType: 'prod' });
    expect(
      teamOfUserProfile(
        profile,
        userProfileProduct({
          tags: { TeamName: 'recommendations', EnvironmentType: 'test' },
        }),
      ),
    ).toEqual({ teamName: 'recommendations', envType: 'test' });
  });

  it('tells nothing for a profile made outside the templates', () => {
    expect(teamOfUserProfile(userProfileRecord({ tags: {} }))).toEqual({
      teamName: undefined,
      envType: undefined,
    });
  });
});

describe('userProfileToResourceEntity', () => {
  it('makes a Resource owned by the user it was requested for, depending on domain and team environment', () => {
    expect(
      userProfileToResourceEntity(userProfileRecord(), {
        region: 'us-east-1',
        provisionedProduct: userProfileProduct(),
        teamEnvironmentEntityName: 'fraud-detection-dev-team-environment',
      }),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'dana-scientist-user-profile',
        title: 'dana-scientist',
        description:
          'SageMaker Studio user profile of dana@example.com, version v2 (InService)',
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-profile-dana',
          'backstage.io/managed-by-origin-location':
            'url:https://console.aws.amazon.com/servicecatalog/home?region=us-east-1#/provisioned-products/pp-profile-dana',
          'sagemaker-studio.aws/provisioned-product-id': 'pp-profile-dana',
          'sagemaker-studio.aws/team': 'fraud-detection',
          'sagemaker-studio.aws/environment-type': 'dev',
          'sagemaker-studio.aws/domain-id': DOMAIN_ID,
          'sagemaker-studio.aws/user-profile': 'dana-scientist',
          'sagemaker-studio.aws/arn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:user-profile/${DOMAIN_ID}/dana-scientist`,
          'sagemaker-studio.aws/account-id': ACCOUNT,
          'sagemaker-studio.aws/region': 'us-east-1',
        },
        tags: ['sagemaker', 'studio'],
      },
      spec: {
        type: 'sagemaker-studio-user-profile',
        owner: 'user:default/dana-scientist',
        dependsOn: [
          `resource:default/${DOMAIN_ID}`,
          'resource:default/fraud-detection-dev-team-environment',
        ],
      },
    });
  });

  it('annotates the team and environment type of a profile from its product when the profile has no tags', () => {
    const entity = userProfileToResourceEntity(
      userProfileRecord({ tags: {} }),
      {
        region: 'us-east-1',
        provisionedProduct: userProfileProduct({
          tags: { TeamName: 'recommendations', EnvType: 'prod' },
        }),
      },
    );
    expect(entity?.metadata.annotations).toMatchObject({
      'sagemaker-studio.aws/team': 'recommendations',
      'sagemaker-studio.aws/environment-type': 'prod',
    });
  });

  it('describes a profile made outside Service Catalog by its SageMaker record, owned by the user named like it', () => {
    const entity = userProfileToResourceEntity(
      userProfileRecord({ userProfileName: 'erin', tags: {} }),
      { region: 'us-east-1' },
    );
    expect(entity?.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': `url:https://console.aws.amazon.com/sagemaker/home?region=us-east-1#/studio/${DOMAIN_ID}/user/erin`,
      'backstage.io/managed-by-origin-location': `url:https://console.aws.amazon.com/sagemaker/home?region=us-east-1#/studio/${DOMAIN_ID}/user/erin`,
      'sagemaker-studio.aws/domain-id': DOMAIN_ID,
      'sagemaker-studio.aws/user-profile': 'erin',
      'sagemaker-studio.aws/arn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:user-profile/${DOMAIN_ID}/erin`,
      'sagemaker-studio.aws/account-id': ACCOUNT,
      'sagemaker-studio.aws/region': 'us-east-1',
    });
    expect(entity?.spec).toEqual({
      type: 'sagemaker-studio-user-profile',
      owner: 'user:default/erin',
      dependsOn: [`resource:default/${DOMAIN_ID}`],
    });
  });

  it('skips a profile being deleted', () => {
    expect(
      userProfileToResourceEntity(userProfileRecord({ status: 'Deleting' }), {
        region: 'us-east-1',
      }),
    ).toBeUndefined();
  });
});

describe('ownerOfUserProfile', () => {
  it('prefers the product’s BackstageRequestedFor tag over the profile’s', () => {
    expect(
      ownerOfUserProfile(
        userProfileRecord({
          tags: { BackstageRequestedFor: 'user:default/someone-else' },
        }),
        userProfileProduct(),
      ),
    ).toBe('user:default/dana-scientist');
  });

  it('reads the tag on the profile when the product has none, and accepts a bare name', () => {
    expect(
      ownerOfUserProfile(
        userProfileRecord({ tags: { BackstageRequestedFor: 'sam-lead' } }),
        userProfileProduct({ tags: {} }),
      ),
    ).toBe('user:default/sam-lead');
  });

  it('ignores a tag that names no user and falls back to the profile name', () => {
    expect(
      ownerOfUserProfile(
        userProfileRecord({
          userProfileName: 'erin',
          tags: { BackstageRequestedFor: 'group:default/fraud-detection' },
        }),
      ),
    ).toBe('user:default/erin');
  });
});

describe('validateEntity', () => {
  it('accepts what the transformers make', async () => {
    const entity = userProfileToResourceEntity(userProfileRecord(), {
      region: 'us-east-1',
    })!;
    await expect(validateEntity(entity)).resolves.toBeUndefined();
  });

  it('names the problem of an entity the catalog would refuse', async () => {
    const entity = userProfileToResourceEntity(
      userProfileRecord({ userProfileName: 'a'.repeat(60), tags: {} }),
      { region: 'us-east-1' },
    )!;
    await expect(validateEntity(entity)).resolves.toMatch(/metadata\.name/);
  });
});
