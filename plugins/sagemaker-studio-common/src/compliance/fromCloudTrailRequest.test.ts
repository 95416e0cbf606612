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
  cloudTrailFixtures,
  ROGUE_IMAGE_ARN,
  ROLE_ARN,
  SAGEMAKER_DISTRIBUTION_IMAGE_ARN,
  SAGEMAKER_SG,
  SUBNET_A,
  SUBNET_B,
  TEAM_KEY_ARN,
} from './__fixtures__/cloudTrailRequests';
import {
  cloudTrailResourceRef,
  fromCloudTrailRequest,
  SAGEMAKER_CREATE_EVENT_KINDS,
  SAGEMAKER_JUDGED_EVENT_NAMES,
  SAGEMAKER_JUDGED_EVENTS,
  workloadKindForEventName,
} from './fromCloudTrailRequest';
import { SAGEMAKER_WORKLOAD_KINDS } from './types';

describe('fromCloudTrailRequest', () => {
  it.each(SAGEMAKER_WORKLOAD_KINDS)(
    'normalises a compliant %s request with its name, kind and ARN',
    kind => {
      const fixture = cloudTrailFixtures[kind];
      const workload = fromCloudTrailRequest(
        fixture.eventName,
        fixture.compliant,
        fixture.responseElements,
      );
      expect(workload).toMatchObject({
        kind,
        name: fixture.name,
        source: 'CloudTrail',
      });
      expect(workload?.arn).toMatch(/^arn:aws:sagemaker:/);
    },
  );

  it('reads every training job setting from lowerCamelCase parameters', () => {
    const f = cloudTrailFixtures.TrainingJob;
    expect(
      fromCloudTrailRequest(f.eventName, f.compliant, f.responseElements),
    ).toEqual({
      kind: 'TrainingJob',
      name: 'fraud-xgb-2026-11-26',
      arn: f.responseElements.trainingJobArn,
      vpcConfig: {
        subnets: [SUBNET_A, SUBNET_B],
        securityGroupIds: [SAGEMAKER_SG],
      },
      volumeKmsKeyId: TEAM_KEY_ARN,
      outputKmsKeyId: TEAM_KEY_ARN,
      enableNetworkIsolation: true,
      enableInterContainerTrafficEncryption: true,
      instanceCount: 2,
      tags: { TeamName: 'fraud', EnvironmentType: 'dev' },
      source: 'CloudTrail',
    });
  });

  it('leaves vpcConfig undefined when the request has none', () => {
    const f = cloudTrailFixtures.TrainingJob;
    const workload = fromCloudTrailRequest(f.eventName, f.nonCompliant);
    expect(workload?.vpcConfig).toBeUndefined();
    expect(workload?.volumeKmsKeyId).toBeUndefined();
    expect(workload?.arn).toBeUndefined();
    expect(workload?.enableInterContainerTrafficEncryption).toBe(false);
  });

  it('reads processing job network settings from networkConfig', () => {
    const f = cloudTrailFixtures.ProcessingJob;
    expect(fromCloudTrailRequest(f.eventName, f.compliant)).toMatchObject({
      vpcConfig: {
        subnets: [SUBNET_A, SUBNET_B],
        securityGroupIds: [SAGEMAKER_SG],
      },
      enableNetworkIsolation: true,
      volumeKmsKeyId: TEAM_KEY_ARN,
      outputKmsKeyId: TEAM_KEY_ARN,
      producesOutput: true,
      instanceCount: 1,
    });
  });

  it('takes the weakest of several tuning job definitions', () => {
    const f = cloudTrailFixtures.HyperParameterTuningJob;
    const workload = fromCloudTrailRequest(f.eventName, f.nonCompliant);
    expect(workload?.vpcConfig).toBeUndefined();
    expect(workload?.volumeKmsKeyId).toBeUndefined();
    expect(workload?.enableNetworkIsolation).toBeUndefined();
    expect(workload?.instanceCount).toBe(2);
  });

  it('reads a tuning job definition that uses HyperParameterTuningResourceConfig', () => {
    const workload = fromCloudTrailRequest('CreateHyperParameterTuningJob', {
      hyperParameterTuningJobName: 'hpo',
      trainingJobDefinition: {
        hyperParameterTuningResourceConfig: {
          instanceCount: 1,
          volumeKmsKeyId: TEAM_KEY_ARN,
        },
      },
    });
    expect(workload?.volumeKmsKeyId).toBe(TEAM_KEY_ARN);
  });

  it('reads AutoML V2 requests, which carry securityConfig at the top level', () => {
    const workload = fromCloudTrailRequest('CreateAutoMLJobV2', {
      autoMLJobName: 'v2',
      securityConfig: {
        volumeKmsKeyId: TEAM_KEY_ARN,
        enableInterContainerTrafficEncryption: true,
        vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [SAGEMAKER_SG] },
      },
    });
    expect(workload).toMatchObject({
      kind: 'AutoMLJob',
      volumeKmsKeyId: TEAM_KEY_ARN,
      enableInterContainerTrafficEncryption: true,
      vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [SAGEMAKER_SG] },
    });
  });

  it('reads notebook instance subnet, groups and access settings', () => {
    const f = cloudTrailFixtures.NotebookInstance;
    expect(fromCloudTrailRequest(f.eventName, f.compliant)).toMatchObject({
      vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [SAGEMAKER_SG] },
      volumeKmsKeyId: TEAM_KEY_ARN,
      rootAccess: 'Disabled',
      directInternetAccess: 'Disabled',
    });
  });

  it('treats an endpoint config with capture disabled as writing no output', () => {
    const workload = fromCloudTrailRequest('CreateEndpointConfig', {
      endpointConfigName: 'ec',
      dataCaptureConfig: { enableCapture: false, kmsKeyId: TEAM_KEY_ARN },
    });
    expect(workload?.producesOutput).toBe(false);
    expect(workload?.outputKmsKeyId).toBeUndefined();
  });

  it('takes the domain id from the CreateDomain response ARN', () => {
    const f = cloudTrailFixtures.Domain;
    expect(
      fromCloudTrailRequest(f.eventName, f.compliant, f.responseElements),
    ).toMatchObject({
      domainId: 'd-abcdef123456',
      appNetworkAccessType: 'VpcOnly',
      volumeKmsKeyId: TEAM_KEY_ARN,
      vpcConfig: {
        subnets: [SUBNET_A, SUBNET_B],
        securityGroupIds: [SAGEMAKER_SG],
      },
    });
  });

  it('reads user profile domain and security groups', () => {
    const f = cloudTrailFixtures.UserProfile;
    expect(fromCloudTrailRequest(f.eventName, f.compliant)).toMatchObject({
      domainId: 'd-abcdef123456',
      vpcConfig: { subnets: [], securityGroupIds: [SAGEMAKER_SG] },
    });
  });

  it('also accepts PascalCase parameters', () => {
    expect(
      fromCloudTrailRequest('CreateModel', {
        ModelName: 'm',
        VpcConfig: { Subnets: [SUBNET_A], SecurityGroupIds: [SAGEMAKER_SG] },
        EnableNetworkIsolation: 'true',
      }),
    ).toMatchObject({
      name: 'm',
      vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [SAGEMAKER_SG] },
      enableNetworkIsolation: true,
    });
  });

  it('ignores values of the wrong type', () => {
    const workload = fromCloudTrailRequest('CreateTrainingJob', {
      trainingJobName: 'j',
      vpcConfig: {
        subnets: 'subnet-1',
        securityGroupIds: [42, '', SAGEMAKER_SG],
      },
      resourceConfig: { volumeKmsKeyId: 7, instanceCount: 'two' },
      enableNetworkIsolation: 'yes',
      tags: [{ key: 'TeamName' }, 'junk', { value: 'orphan' }],
    });
    expect(workload).toEqual({
      kind: 'TrainingJob',
      name: 'j',
      vpcConfig: { subnets: [], securityGroupIds: [SAGEMAKER_SG] },
      tags: { TeamName: '' },
      source: 'CloudTrail',
    });
  });

  it.each([
    [
      'an event that creates nothing judged',
      'CreateEndpoint',
      { endpointName: 'e' },
    ],
    ['an Update call', 'UpdateDomain', { domainId: 'd-1' }],
    ['a name that is an Object prototype key', 'toString', {}],
    ['parameters that are not an object', 'CreateTrainingJob', null],
    ['parameters that are an array', 'CreateTrainingJob', []],
    ['parameters without a name', 'CreateTrainingJob', { vpcConfig: {} }],
  ])('returns undefined for %s', (_, eventName, params) => {
    expect(fromCloudTrailRequest(eventName, params)).toBeUndefined();
  });

  it('maps every create event to a known kind', () => {
    for (const [eventName, kind] of Object.entries(
      SAGEMAKER_CREATE_EVENT_KINDS,
    )) {
      expect(workloadKindForEventName(eventName)).toBe(kind);
      expect(SAGEMAKER_WORKLOAD_KINDS).toContain(kind);
    }
  });

  it('lists every judged event name once, sorted, Create and Update alike', () => {
    expect(SAGEMAKER_JUDGED_EVENT_NAMES).toEqual(
      Object.keys(SAGEMAKER_JUDGED_EVENTS).sort(),
    );
    expect(SAGEMAKER_JUDGED_EVENT_NAMES).toEqual(
      expect.arrayContaining([
        'CreateUserProfile',
        'UpdateUserProfile',
        'CreateDomain',
        'UpdateDomain',
        'CreateSpace',
        'UpdateSpace',
        'CreateApp',
      ]),
    );
    for (const [name, judged] of Object.entries(SAGEMAKER_JUDGED_EVENTS)) {
      expect(judged.judgeFrom).toBe(
        name.startsWith('Update') ? 'describe' : 'request',
      );
      expect(SAGEMAKER_WORKLOAD_KINDS).toContain(judged.kind);
    }
  });

  it('reads a space: owner, app type, sharing type, default image and custom images', () => {
    const f = cloudTrailFixtures.Space;
    expect(
      fromCloudTrailRequest(f.eventName, f.compliant, f.responseElements),
    ).toEqual({
      kind: 'Space',
      name: 'alice-lab',
      arn: f.responseElements.spaceArn,
      domainId: 'd-abcdef123456',
      userProfileName: 'alice',
      appType: 'JupyterLab',
      sharingType: 'Private',
      imageArns: [SAGEMAKER_DISTRIBUTION_IMAGE_ARN],
      customImageNames: ['ds-custom-image'],
      tags: { TeamName: 'fraud', EnvironmentType: 'dev' },
      source: 'CloudTrail',
    });
  });

  it('reads an app: its space, type and image, an image version as its image', () => {
    const f = cloudTrailFixtures.App;
    expect(
      fromCloudTrailRequest(f.eventName, f.nonCompliant, f.responseElements),
    ).toEqual({
      kind: 'App',
      name: 'default',
      arn: f.responseElements.appArn,
      domainId: 'd-abcdef123456',
      spaceName: 'alice-lab',
      appType: 'JupyterLab',
      imageArns: [ROGUE_IMAGE_ARN],
      tags: {},
      source: 'CloudTrail',
    });
  });

  it("reads a profile's execution role", () => {
    const f = cloudTrailFixtures.UserProfile;
    expect(
      fromCloudTrailRequest(f.eventName, f.compliant)?.executionRoleArn,
    ).toBe(ROLE_ARN);
  });

  describe('cloudTrailResourceRef', () => {
    it.each([
      [
        'UpdateUserProfile',
        { domainId: 'd-1', userProfileName: 'alice', userSettings: {} },
        { kind: 'UserProfile', name: 'alice', domainId: 'd-1', tags: {} },
      ],
      [
        'UpdateDomain',
        { domainId: 'd-1', appNetworkAccessType: 'PublicInternetOnly' },
        { kind: 'Domain', name: 'd-1', domainId: 'd-1', tags: {} },
      ],
      [
        'UpdateSpace',
        { domainId: 'd-1', spaceName: 'lab' },
        { kind: 'Space', name: 'lab', domainId: 'd-1', tags: {} },
      ],
      [
        'CreateApp',
        {
          domainId: 'd-1',
          spaceName: 'lab',
          appType: 'CodeEditor',
          appName: 'default',
          tags: [{ key: 'TeamName', value: 'fraud' }],
        },
        {
          kind: 'App',
          name: 'default',
          domainId: 'd-1',
          spaceName: 'lab',
          appType: 'CodeEditor',
          tags: { TeamName: 'fraud' },
        },
      ],
    ])('names the resource of %s', (eventName, params, expected) => {
      expect(cloudTrailResourceRef(eventName, params)).toEqual(expected);
    });

    it('names nothing for events that are not judged or name no resource', () => {
      expect(
        cloudTrailResourceRef('DeleteApp', { appName: 'x' }),
      ).toBeUndefined();
      expect(cloudTrailResourceRef('UpdateUserProfile', {})).toBeUndefined();
      expect(cloudTrailResourceRef('UpdateDomain', null)).toBeUndefined();
    });
  });
});
