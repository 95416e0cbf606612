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
  fraudTeamContext,
  ROGUE_SUBNET,
} from './__fixtures__/cloudTrailRequests';
import { describeFixtures } from './__fixtures__/describeOutputs';
import {
  compareSeverity,
  evaluateWorkload,
  failedFindings,
} from './evaluateWorkload';
import { fromCloudTrailRequest } from './fromCloudTrailRequest';
import { fromDescribeOutput } from './fromDescribeOutput';
import { defaultComplianceRules } from './rules';
import {
  ComplianceRule,
  SAGEMAKER_WORKLOAD_KINDS,
  SageMakerWorkload,
} from './types';

const failedIds = (workload: SageMakerWorkload | undefined, context = {}) =>
  failedFindings(evaluateWorkload(workload!, undefined, context))
    .map(f => f.ruleId)
    .sort();

describe('evaluateWorkload', () => {
  describe.each(SAGEMAKER_WORKLOAD_KINDS)('%s', kind => {
    const ct = cloudTrailFixtures[kind];
    const described = describeFixtures[kind];

    it('passes the compliant CloudTrail request', () => {
      expect(
        failedIds(fromCloudTrailRequest(ct.eventName, ct.compliant)),
      ).toEqual([]);
    });

    it('passes the compliant Describe output, also with the team network', () => {
      const workload = fromDescribeOutput(kind, described.compliant);
      expect(failedIds(workload)).toEqual([]);
      expect(failedIds(workload, fraudTeamContext)).toEqual([]);
    });

    it('fails the non-compliant request and output on the same rules', () => {
      const expected = [...ct.nonCompliantFails].sort();
      expect(
        failedIds(fromCloudTrailRequest(ct.eventName, ct.nonCompliant)),
      ).toEqual(expected);
      expect(
        failedIds(fromDescribeOutput(kind, described.nonCompliant)),
      ).toEqual(expected);
    });
  });

  it('returns one finding per applicable rule, with the resource named', () => {
    const f = cloudTrailFixtures.TrainingJob;
    const findings = evaluateWorkload(
      fromCloudTrailRequest(f.eventName, f.compliant, f.responseElements)!,
    );
    expect(findings.map(x => x.ruleId)).toEqual([
      'SAGEMAKER_VPC_REQUIRED',
      'SAGEMAKER_APPROVED_NETWORK',
      'SAGEMAKER_VOLUME_KMS_KEY',
      'SAGEMAKER_OUTPUT_KMS_KEY',
      'SAGEMAKER_NETWORK_ISOLATION',
      'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
    ]);
    expect(findings[0]).toEqual({
      ruleId: 'SAGEMAKER_VPC_REQUIRED',
      title: 'SageMaker workloads must run in a VPC',
      severity: 'CRITICAL',
      status: 'PASSED',
      reason: expect.stringContaining('VpcConfig attaches subnets'),
      resourceKind: 'TrainingJob',
      resourceName: 'fraud-xgb-2026-11-26',
      resourceArn: f.responseElements.trainingJobArn,
    });
    expect(findings[1].status).toBe('NOT_APPLICABLE');
  });

  it('fails a user profile whose security group is not approved for the team', () => {
    const f = cloudTrailFixtures.UserProfile;
    expect(
      failedIds(
        fromCloudTrailRequest(f.eventName, f.nonCompliant),
        fraudTeamContext,
      ),
    ).toEqual(['SAGEMAKER_APPROVED_NETWORK']);
  });

  it('fails a job in a subnet outside the team network', () => {
    const workload = fromCloudTrailRequest('CreateModel', {
      modelName: 'm',
      vpcConfig: {
        subnets: [ROGUE_SUBNET],
        securityGroupIds: fraudTeamContext.allowedSecurityGroupIds,
      },
      enableNetworkIsolation: true,
    });
    const findings = evaluateWorkload(workload!, undefined, fraudTeamContext);
    expect(failedFindings(findings)).toEqual([
      expect.objectContaining({
        ruleId: 'SAGEMAKER_APPROVED_NETWORK',
        reason: `VpcConfig uses subnets ${ROGUE_SUBNET}, which are not approved for the team.`,
      }),
    ]);
  });

  it('uses only the rules it is given', () => {
    const f = cloudTrailFixtures.NotebookInstance;
    const workload = fromCloudTrailRequest(f.eventName, f.nonCompliant)!;
    expect(
      evaluateWorkload(workload, [defaultComplianceRules[0]]).map(
        x => x.ruleId,
      ),
    ).toEqual(['SAGEMAKER_VPC_REQUIRED']);
  });

  it('reports a rule that throws as FAILED instead of passing it', () => {
    const broken: ComplianceRule = {
      id: 'BROKEN',
      title: 'Broken',
      description: 'Throws',
      severity: 'LOW',
      appliesTo: ['Model'],
      evaluate() {
        throw new Error('boom');
      },
    };
    const [finding] = evaluateWorkload(
      { kind: 'Model', name: 'm', tags: {}, source: 'Describe' },
      [broken],
    );
    expect(finding.status).toBe('FAILED');
    expect(finding.reason).toContain('boom');
  });

  it('has unique UPPER_SNAKE rule ids', () => {
    const ids = defaultComplianceRules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^SAGEMAKER_[A-Z0-9_]+$/);
    }
  });

  it('orders severities', () => {
    expect(compareSeverity('CRITICAL', 'HIGH')).toBeGreaterThan(0);
    expect(compareSeverity('LOW', 'MEDIUM')).toBeLessThan(0);
    expect(compareSeverity('HIGH', 'HIGH')).toBe(0);
  });
});
