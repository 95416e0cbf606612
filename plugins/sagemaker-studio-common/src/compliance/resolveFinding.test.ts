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

import { cloudTrailFixtures } from './__fixtures__/cloudTrailRequests';
import { fromAsffFinding, toAsffFinding } from './asff';
import { evaluateWorkload, failedFindings } from './evaluateWorkload';
import { fromCloudTrailRequest } from './fromCloudTrailRequest';
import { resolveFinding } from './resolveFinding';

const f = cloudTrailFixtures.TrainingJob;
const workload = fromCloudTrailRequest(
  f.eventName,
  f.nonCompliant,
  f.responseElements,
)!;
const [vpc] = failedFindings(evaluateWorkload(workload));
const written = toAsffFinding(vpc, {
  accountId: '111122223333',
  region: 'eu-west-1',
  now: '2026-11-26T10:00:00.000Z',
  teamName: 'fraud',
  remediation: 'STOP',
  remediated: true,
});
/** The finding as GetFindings returns it, with the fields Security Hub adds. */
const stored = {
  ...written,
  ProductName: 'Default',
  CompanyName: 'Personal',
  Workflow: { Status: 'NEW' },
  WorkflowState: 'NEW',
  ProcessedAt: '2026-11-26T10:00:01.000Z',
};
const now = '2026-11-27T08:00:00.000Z';

describe('resolveFinding', () => {
  it('resolves the workflow with a note and archives a stopped resource, keeping the record of the failure', () => {
    const resolution = resolveFinding(stored, { state: 'stopped', now });
    expect(resolution?.update).toEqual({
      FindingIdentifiers: [{ Id: written.Id, ProductArn: written.ProductArn }],
      Workflow: { Status: 'RESOLVED' },
      Note: {
        Text: `Resolved: the TrainingJob ${f.name} is stopped as of ${now}, so SAGEMAKER_VPC_REQUIRED no longer holds.`,
        UpdatedBy: 'sagemaker-studio',
      },
    });
    expect(resolution?.archive).toEqual({
      ...written,
      UpdatedAt: now,
      RecordState: 'ARCHIVED',
      ProductFields: {
        ...written.ProductFields,
        'sagemaker-studio/Resolution': 'stopped',
      },
    });
  });

  it.each([
    ['deleted', 'NOT_AVAILABLE'],
    ['compliant', 'PASSED'],
  ] as const)(
    'archives a %s resource with compliance %s and keeps the action taken',
    (state, status) => {
      const archive = resolveFinding(stored, { state, now })!.archive!;
      expect(archive).toMatchObject({
        Id: written.Id,
        CreatedAt: written.CreatedAt,
        UpdatedAt: now,
        RecordState: 'ARCHIVED',
        Compliance: { Status: status },
        Severity: { Label: 'INFORMATIONAL' },
        Resources: written.Resources,
      });
      expect(archive.ProductFields).toMatchObject({
        'sagemaker-studio/Action': 'stopped',
        'sagemaker-studio/ActionAt': '2026-11-26T10:00:00.000Z',
        'sagemaker-studio/Resolution': state,
        'sagemaker-studio/RuleSeverity': 'CRITICAL',
      });
      expect(fromAsffFinding(archive)).toMatchObject({
        resolution: state,
        recordState: 'ARCHIVED',
      });
    },
  );

  it('returns nothing while the finding still holds', () => {
    expect(
      resolveFinding(stored, { state: 'non-compliant', now }),
    ).toBeUndefined();
  });

  it('returns nothing for findings of other products or that never failed', () => {
    expect(
      resolveFinding(
        { Id: 'x', AwsAccountId: '111122223333', ProductFields: {} },
        { state: 'deleted', now },
      ),
    ).toBeUndefined();
    expect(
      resolveFinding(
        { ...stored, Compliance: { Status: 'PASSED' } },
        { state: 'compliant', now },
      ),
    ).toBeUndefined();
  });

  it('is idempotent: a resolved and archived finding needs nothing more', () => {
    const first = resolveFinding(stored, { state: 'deleted', now })!;
    const after = {
      ...first.archive,
      Workflow: { Status: 'RESOLVED' },
      Note: first.update!.Note,
    };
    expect(resolveFinding(after, { state: 'deleted', now })).toBeUndefined();
  });

  it('leaves the workflow of a suppressed finding alone but still archives it', () => {
    const resolution = resolveFinding(
      { ...stored, Workflow: { Status: 'SUPPRESSED' } },
      { state: 'deleted', now, updatedBy: 'sweep' },
    );
    expect(resolution?.update).toBeUndefined();
    expect(resolution?.archive?.RecordState).toBe('ARCHIVED');
  });

  it('derives the action for findings written before the action field existed', () => {
    const old = structuredClone(stored) as typeof stored;
    delete old.ProductFields['sagemaker-studio/Action'];
    delete old.ProductFields['sagemaker-studio/ActionAt'];
    const archive = resolveFinding(old, { state: 'stopped', now })!.archive!;
    expect(archive.ProductFields['sagemaker-studio/Action']).toBe('stopped');
    expect(archive.ProductFields['sagemaker-studio/ActionAt']).toBeUndefined();
  });
});
