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

import { SageMakerWorkload } from '../types';
import {
  sageMakerApprovedNetworkRule,
  sageMakerDomainKmsKeyRule,
  sageMakerDomainVpcOnlyRule,
  sageMakerEndpointConfigKmsKeyRule,
  sageMakerInterContainerEncryptionRule,
  sageMakerNetworkIsolationRule,
  sageMakerNotebookDirectInternetRule,
  sageMakerNotebookRootAccessRule,
  sageMakerOutputKmsKeyRule,
  sageMakerVolumeKmsKeyRule,
  sageMakerVpcRequiredRule,
  getComplianceRule,
} from '.';

const workload = (over: Partial<SageMakerWorkload>): SageMakerWorkload => ({
  kind: 'TrainingJob',
  name: 'job',
  tags: {},
  source: 'CloudTrail',
  ...over,
});

describe('SAGEMAKER_VPC_REQUIRED', () => {
  const rule = sageMakerVpcRequiredRule;

  it('fails a job without VpcConfig, naming the field', () => {
    expect(rule.evaluate(workload({}))).toEqual({
      status: 'FAILED',
      reason: 'VpcConfig is missing, so the TrainingJob runs outside the VPC.',
    });
  });

  it('fails a VpcConfig without security groups', () => {
    expect(
      rule.evaluate(
        workload({
          vpcConfig: { subnets: ['subnet-1'], securityGroupIds: [] },
        }),
      ),
    ).toEqual({
      status: 'FAILED',
      reason: 'VpcConfig has no security groups.',
    });
  });

  it('names the processing job field', () => {
    expect(rule.evaluate(workload({ kind: 'ProcessingJob' })).reason).toContain(
      'NetworkConfig.VpcConfig is missing',
    );
  });

  it('names both notebook fields when subnet and groups are empty', () => {
    expect(
      rule.evaluate(
        workload({
          kind: 'NotebookInstance',
          vpcConfig: { subnets: [], securityGroupIds: [] },
        }),
      ).reason,
    ).toBe('SubnetId/SecurityGroupIds has no subnets and no security groups.');
  });

  it('does not apply to transform jobs, which run in the model VPC', () => {
    expect(rule.appliesTo).not.toContain('TransformJob');
  });
});

describe('SAGEMAKER_APPROVED_NETWORK', () => {
  const rule = sageMakerApprovedNetworkRule;
  const vpcConfig = {
    subnets: ['subnet-1'],
    securityGroupIds: ['sg-1', 'sg-9'],
  };

  it('is not applicable without allowed lists', () => {
    expect(rule.evaluate(workload({ vpcConfig })).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('is not applicable without a VPC, leaving that to SAGEMAKER_VPC_REQUIRED', () => {
    expect(
      rule.evaluate(workload({}), { allowedSubnetIds: ['subnet-1'] }).status,
    ).toBe('NOT_APPLICABLE');
  });

  it('checks only the lists that are given', () => {
    expect(
      rule.evaluate(workload({ vpcConfig }), { allowedSubnetIds: ['subnet-1'] })
        .status,
    ).toBe('PASSED');
    expect(
      rule.evaluate(workload({ vpcConfig }), {
        allowedSecurityGroupIds: ['sg-1'],
      }),
    ).toEqual({
      status: 'FAILED',
      reason:
        'VpcConfig uses security groups sg-9, which are not approved for the team.',
    });
  });
});

describe('SAGEMAKER_NETWORK_ISOLATION', () => {
  it.each([
    [true, 'PASSED', 'EnableNetworkIsolation is true.'],
    [false, 'FAILED', 'EnableNetworkIsolation is false.'],
    [
      undefined,
      'FAILED',
      'EnableNetworkIsolation is not set (defaults to false).',
    ],
  ])('with %s is %s', (value, status, reason) => {
    expect(
      sageMakerNetworkIsolationRule.evaluate(
        workload({ enableNetworkIsolation: value }),
      ),
    ).toEqual({ status, reason });
  });
});

describe('SAGEMAKER_INTER_CONTAINER_ENCRYPTION', () => {
  const rule = sageMakerInterContainerEncryptionRule;

  it('is not applicable to a single-instance training job', () => {
    expect(rule.evaluate(workload({ instanceCount: 1 })).status).toBe(
      'NOT_APPLICABLE',
    );
  });

  it('fails a distributed training job without encryption', () => {
    expect(rule.evaluate(workload({ instanceCount: 4 }))).toEqual({
      status: 'FAILED',
      reason:
        'EnableInterContainerTrafficEncryption is not set (defaults to false).',
    });
  });

  it('treats a job of unknown size as distributed', () => {
    expect(rule.evaluate(workload({})).status).toBe('FAILED');
  });

  it('always applies to tuning jobs', () => {
    expect(
      rule.evaluate(
        workload({ kind: 'HyperParameterTuningJob', instanceCount: 1 }),
      ).reason,
    ).toBe(
      'TrainingJobDefinition.EnableInterContainerTrafficEncryption is not set (defaults to false).',
    );
  });
});

describe('KMS key rules', () => {
  it('fail without a key and name the field', () => {
    expect(
      sageMakerVolumeKmsKeyRule.evaluate(workload({ kind: 'TransformJob' }))
        .reason,
    ).toMatch(/^TransformResources\.VolumeKmsKeyId is not set/);
    expect(sageMakerOutputKmsKeyRule.evaluate(workload({})).reason).toMatch(
      /^OutputDataConfig\.KmsKeyId is not set/,
    );
    expect(
      sageMakerEndpointConfigKmsKeyRule.evaluate(
        workload({ kind: 'EndpointConfig' }),
      ).status,
    ).toBe('FAILED');
    expect(
      sageMakerDomainKmsKeyRule.evaluate(workload({ kind: 'Domain' })).reason,
    ).toMatch(/^KmsKeyId is not set/);
  });

  it('pass with a key and name it', () => {
    expect(
      sageMakerVolumeKmsKeyRule.evaluate(
        workload({ volumeKmsKeyId: 'alias/team' }),
      ),
    ).toEqual({
      status: 'PASSED',
      reason: 'ResourceConfig.VolumeKmsKeyId is alias/team.',
    });
  });

  it('skip the output key when nothing is written', () => {
    expect(
      sageMakerOutputKmsKeyRule.evaluate(
        workload({ kind: 'ProcessingJob', producesOutput: false }),
      ).status,
    ).toBe('NOT_APPLICABLE');
  });
});

describe('notebook and domain rules', () => {
  it('fail notebook defaults', () => {
    const nb = workload({ kind: 'NotebookInstance' });
    expect(sageMakerNotebookRootAccessRule.evaluate(nb).reason).toBe(
      'RootAccess is not set (defaults to Enabled).',
    );
    expect(sageMakerNotebookDirectInternetRule.evaluate(nb).reason).toBe(
      'DirectInternetAccess is not set (defaults to Enabled).',
    );
  });

  it('fail explicit notebook settings', () => {
    const nb = workload({
      kind: 'NotebookInstance',
      rootAccess: 'Enabled',
      directInternetAccess: 'Enabled',
    });
    expect(sageMakerNotebookRootAccessRule.evaluate(nb).status).toBe('FAILED');
    expect(sageMakerNotebookDirectInternetRule.evaluate(nb).reason).toBe(
      'DirectInternetAccess is Enabled.',
    );
  });

  it('require VpcOnly domains', () => {
    expect(
      sageMakerDomainVpcOnlyRule.evaluate(
        workload({ kind: 'Domain', appNetworkAccessType: 'VpcOnly' }),
      ),
    ).toEqual({ status: 'PASSED', reason: 'AppNetworkAccessType is VpcOnly.' });
    expect(
      sageMakerDomainVpcOnlyRule.evaluate(workload({ kind: 'Domain' })).reason,
    ).toBe('AppNetworkAccessType is not set (defaults to PublicInternetOnly).');
  });
});

describe('getComplianceRule', () => {
  it('finds rules by id', () => {
    expect(getComplianceRule('SAGEMAKER_DOMAIN_VPC_ONLY')).toBe(
      sageMakerDomainVpcOnlyRule,
    );
    expect(getComplianceRule('NOPE')).toBeUndefined();
  });
});
