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
  ACCOUNT_ID,
  cloudTrailFixtures,
  REGION,
} from './__fixtures__/cloudTrailRequests';
import { fromAsffFinding, toAsffFinding } from './asff';
import { evaluateWorkload } from './evaluateWorkload';
import { fromCloudTrailRequest } from './fromCloudTrailRequest';
import { ComplianceFinding } from './types';

const f = cloudTrailFixtures.TrainingJob;
const workload = fromCloudTrailRequest(
  f.eventName,
  f.nonCompliant,
  f.responseElements,
)!;
const findings = evaluateWorkload(workload);
const vpcFinding = findings.find(x => x.ruleId === 'SAGEMAKER_VPC_REQUIRED')!;
const options = {
  accountId: ACCOUNT_ID,
  region: REGION,
  now: new Date('2026-11-26T10:00:00.000Z'),
};

describe('toAsffFinding', () => {
  it('produces a Security Hub finding for a failed rule', () => {
    expect(
      toAsffFinding(vpcFinding, {
        ...options,
        teamName: 'fraud',
        remediation: 'STOP',
        remediated: true,
      }),
    ).toEqual({
      SchemaVersion: '2018-10-08',
      Id: `sagemaker-studio/${ACCOUNT_ID}/${REGION}/SAGEMAKER_VPC_REQUIRED/${f.responseElements.trainingJobArn}`,
      ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT_ID}:product/${ACCOUNT_ID}/default`,
      GeneratorId: 'sagemaker-studio/SAGEMAKER_VPC_REQUIRED',
      AwsAccountId: ACCOUNT_ID,
      Region: REGION,
      Types: ['Software and Configuration Checks/AWS Security Best Practices'],
      CreatedAt: '2026-11-26T10:00:00.000Z',
      UpdatedAt: '2026-11-26T10:00:00.000Z',
      Severity: { Label: 'CRITICAL' },
      Title: 'SageMaker workloads must run in a VPC',
      Description:
        'TrainingJob fraud-xgb-2026-11-26: VpcConfig is missing, so the TrainingJob runs outside the VPC.',
      Remediation: {
        Recommendation: {
          Text: 'Make the TrainingJob comply: SageMaker workloads must run in a VPC. Jobs, models and endpoint configurations cannot be changed once created; create a compliant one instead.',
        },
      },
      ProductFields: {
        'sagemaker-studio/RuleId': 'SAGEMAKER_VPC_REQUIRED',
        'sagemaker-studio/RuleSeverity': 'CRITICAL',
        'sagemaker-studio/ResourceKind': 'TrainingJob',
        'sagemaker-studio/ResourceName': 'fraud-xgb-2026-11-26',
        'sagemaker-studio/Remediation': 'STOP',
        'sagemaker-studio/Remediated': 'true',
        'sagemaker-studio/TeamName': 'fraud',
        'sagemaker-studio/Action': 'stopped',
        'sagemaker-studio/ActionAt': '2026-11-26T10:00:00.000Z',
      },
      Resources: [
        {
          Type: 'Other',
          Id: f.responseElements.trainingJobArn,
          Partition: 'aws',
          Region: REGION,
        },
      ],
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
    });
  });

  it('gives the same id to the same rule and resource, so re-imports update', () => {
    const a = toAsffFinding(vpcFinding, options);
    const b = toAsffFinding(vpcFinding, {
      ...options,
      now: '2026-11-27T00:00:00Z',
    });
    expect(a.Id).toBe(b.Id);
    expect(b.UpdatedAt).toBe('2026-11-27T00:00:00Z');
    const other = findings.find(x => x.ruleId === 'SAGEMAKER_VOLUME_KMS_KEY')!;
    expect(toAsffFinding(other, options).Id).not.toBe(a.Id);
  });

  it('honours productArn, generatorId, resourceArn and partition overrides', () => {
    const asff = toAsffFinding(
      { ...vpcFinding, resourceArn: undefined },
      {
        ...options,
        productArn: 'arn:aws-cn:securityhub:cn-north-1::product/x/y',
        generatorId: 'custom',
        resourceArn: 'arn:aws-cn:sagemaker:cn-north-1:1:training-job/j',
        partition: 'aws-cn',
      },
    );
    expect(asff.ProductArn).toBe(
      'arn:aws-cn:securityhub:cn-north-1::product/x/y',
    );
    expect(asff.GeneratorId).toBe('custom');
    expect(asff.Resources[0]).toMatchObject({
      Id: 'arn:aws-cn:sagemaker:cn-north-1:1:training-job/j',
      Partition: 'aws-cn',
    });
  });

  it('falls back to kind and name when no ARN is known', () => {
    const asff = toAsffFinding(
      { ...vpcFinding, resourceArn: undefined },
      options,
    );
    expect(asff.Resources[0].Id).toBe('TrainingJob/fraud-xgb-2026-11-26');
    expect(asff.ProductFields['sagemaker-studio/Remediation']).toBe('NONE');
    expect(asff.ProductFields['sagemaker-studio/TeamName']).toBeUndefined();
  });

  it('labels passed and not-applicable findings INFORMATIONAL', () => {
    const passed: ComplianceFinding = { ...vpcFinding, status: 'PASSED' };
    const na: ComplianceFinding = { ...vpcFinding, status: 'NOT_APPLICABLE' };
    expect(toAsffFinding(passed, options)).toMatchObject({
      Severity: { Label: 'INFORMATIONAL' },
      Compliance: { Status: 'PASSED' },
    });
    expect(toAsffFinding(na, options).Compliance.Status).toBe('NOT_AVAILABLE');
  });

  it('uses the Security Hub resource type for notebook instances', () => {
    expect(
      toAsffFinding(
        { ...vpcFinding, resourceKind: 'NotebookInstance' },
        options,
      ).Resources[0].Type,
    ).toBe('AwsSageMakerNotebookInstance');
  });

  it('does not tell users to recreate a domain', () => {
    expect(
      toAsffFinding({ ...vpcFinding, resourceKind: 'Domain' }, options)
        .Remediation.Recommendation.Text,
    ).toBe('Make the Domain comply: SageMaker workloads must run in a VPC.');
  });

  it('keeps title and description within the ASFF limits', () => {
    const long = toAsffFinding(
      { ...vpcFinding, title: 'T'.repeat(400), reason: 'R'.repeat(2000) },
      options,
    );
    expect(long.Title).toHaveLength(256);
    expect(long.Description).toHaveLength(1024);
  });
});

describe('fromAsffFinding', () => {
  it('reads back what toAsffFinding wrote', () => {
    for (const finding of findings) {
      const asff = toAsffFinding(finding, {
        ...options,
        teamName: 'fraud',
        remediation: 'STOP',
        remediated: false,
      });
      expect(fromAsffFinding(asff)).toEqual({
        id: asff.Id,
        finding,
        accountId: ACCOUNT_ID,
        region: REGION,
        createdAt: '2026-11-26T10:00:00.000Z',
        updatedAt: '2026-11-26T10:00:00.000Z',
        teamName: 'fraud',
        remediation: 'STOP',
        remediated: false,
        ...(finding.status === 'FAILED' ? { action: 'reported' } : {}),
        recordState: 'ACTIVE',
        productArn: asff.ProductArn,
        generatorId: asff.GeneratorId,
      });
    }
  });

  it.each([
    ['STOP', true, 'stopped'],
    ['DELETE', true, 'deleted'],
    ['STOP', false, 'reported'],
    ['DELETE', false, 'reported'],
    ['NONE', false, 'reported'],
    [undefined, undefined, 'reported'],
  ] as const)(
    'records remediation %s (remediated: %s) as the action %s on failed findings',
    (remediation, remediated, action) => {
      const asff = toAsffFinding(vpcFinding, {
        ...options,
        remediation,
        remediated,
      });
      expect(asff.ProductFields['sagemaker-studio/Action']).toBe(action);
      expect(asff.ProductFields['sagemaker-studio/ActionAt']).toBe(
        action === 'reported' ? undefined : '2026-11-26T10:00:00.000Z',
      );
      expect(fromAsffFinding(asff)?.action).toBe(action);
    },
  );

  it('records no action on a finding that did not fail', () => {
    const asff = toAsffFinding(
      { ...vpcFinding, status: 'PASSED' },
      { ...options, remediation: 'STOP', remediated: true },
    );
    expect(asff.ProductFields['sagemaker-studio/Action']).toBeUndefined();
  });

  it('does not invent an ARN from a kind/name resource id', () => {
    const asff = toAsffFinding(
      { ...vpcFinding, resourceArn: undefined },
      options,
    );
    expect(fromAsffFinding(asff)?.finding.resourceArn).toBeUndefined();
  });

  it('ignores findings from other products and malformed input', () => {
    expect(fromAsffFinding(undefined)).toBeUndefined();
    expect(fromAsffFinding('x')).toBeUndefined();
    expect(
      fromAsffFinding({
        Id: 'guardduty/1',
        AwsAccountId: ACCOUNT_ID,
        ProductFields: { 'aws/securityhub/ProductName': 'GuardDuty' },
      }),
    ).toBeUndefined();
    const asff = toAsffFinding(vpcFinding, options);
    expect(
      fromAsffFinding({
        ...asff,
        ProductFields: {
          ...asff.ProductFields,
          'sagemaker-studio/ResourceKind': 'Spaceship',
        },
      }),
    ).toBeUndefined();
  });

  it('reads Security Hub-managed fields that were added on import', () => {
    const asff = toAsffFinding(vpcFinding, options);
    const decoded = fromAsffFinding({
      ...asff,
      RecordState: 'ARCHIVED',
      ProductFields: {
        ...asff.ProductFields,
        'aws/securityhub/FindingId': 'x',
      },
    });
    expect(decoded?.recordState).toBe('ARCHIVED');
    expect(decoded?.finding.status).toBe('FAILED');
  });
});
