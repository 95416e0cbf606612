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

import { describeFixtures } from './__fixtures__/describeOutputs';
import {
  SAGEMAKER_SG,
  SUBNET_A,
  SUBNET_B,
  TEAM_KEY_ARN,
} from './__fixtures__/cloudTrailRequests';
import { fromDescribeOutput } from './fromDescribeOutput';
import { SAGEMAKER_WORKLOAD_KINDS } from './types';

describe('fromDescribeOutput', () => {
  it.each(SAGEMAKER_WORKLOAD_KINDS)(
    'normalises a %s output with its ARN and status',
    kind => {
      const workload = fromDescribeOutput(
        kind,
        describeFixtures[kind].compliant,
      );
      expect(workload).toMatchObject({ kind, source: 'Describe' });
      expect(workload?.arn).toMatch(/^arn:aws:sagemaker:/);
    },
  );

  it('reads every training job setting and the status', () => {
    expect(
      fromDescribeOutput(
        'TrainingJob',
        describeFixtures.TrainingJob.compliant,
        {
          tags: [{ Key: 'TeamName', Value: 'fraud' }],
        },
      ),
    ).toEqual({
      kind: 'TrainingJob',
      name: 'fraud-xgb-2026-11-26',
      arn: describeFixtures.TrainingJob.compliant.TrainingJobArn,
      status: 'InProgress',
      vpcConfig: {
        subnets: [SUBNET_A, SUBNET_B],
        securityGroupIds: [SAGEMAKER_SG],
      },
      volumeKmsKeyId: TEAM_KEY_ARN,
      outputKmsKeyId: TEAM_KEY_ARN,
      enableNetworkIsolation: true,
      enableInterContainerTrafficEncryption: true,
      instanceCount: 2,
      tags: { TeamName: 'fraud' },
      source: 'Describe',
    });
  });

  it('accepts tags as a plain map', () => {
    expect(
      fromDescribeOutput('Model', describeFixtures.Model.compliant, {
        tags: { TeamName: 'fraud' },
      })?.tags,
    ).toEqual({ TeamName: 'fraud' });
  });

  it('reads the notebook SecurityGroups field of DescribeNotebookInstance', () => {
    expect(
      fromDescribeOutput(
        'NotebookInstance',
        describeFixtures.NotebookInstance.compliant,
      ),
    ).toMatchObject({
      status: 'InService',
      vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [SAGEMAKER_SG] },
    });
  });

  it('reads the domain id, network mode and key of a domain', () => {
    expect(
      fromDescribeOutput('Domain', describeFixtures.Domain.nonCompliant),
    ).toMatchObject({
      domainId: 'd-abcdef123456',
      appNetworkAccessType: 'PublicInternetOnly',
      vpcConfig: { subnets: [SUBNET_A], securityGroupIds: [] },
    });
  });

  it('reads the legacy HomeEfsFileSystemKmsKeyId of older domains', () => {
    expect(
      fromDescribeOutput('Domain', {
        DomainName: 'old',
        HomeEfsFileSystemKmsKeyId: TEAM_KEY_ARN,
      })?.volumeKmsKeyId,
    ).toBe(TEAM_KEY_ARN);
  });

  it('reads heterogeneous training clusters as the sum of their groups', () => {
    expect(
      fromDescribeOutput('TrainingJob', {
        TrainingJobName: 'hetero',
        ResourceConfig: {
          InstanceGroups: [
            { InstanceGroupName: 'a', InstanceCount: 1 },
            { InstanceGroupName: 'b', InstanceCount: 2 },
          ],
        },
      })?.instanceCount,
    ).toBe(3);
  });

  it('returns undefined for outputs that are not objects or have no name', () => {
    expect(fromDescribeOutput('Model', undefined)).toBeUndefined();
    expect(fromDescribeOutput('Model', 'model')).toBeUndefined();
    expect(fromDescribeOutput('Model', { ModelArn: 'arn:x' })).toBeUndefined();
  });
});
