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
  fraudStudioContext,
  scenarioD2ModelInVpc,
  scenarioD3EndpointConfig,
  scenarioModelWithoutVpc,
  scenarioN10TrainWithVpc,
  scenarioN9TrainWithoutVpc,
} from './__fixtures__/cloudTrailRequests';
import { describeFixtures } from './__fixtures__/describeOutputs';
import { evaluateWorkload } from './evaluateWorkload';
import { fromCloudTrailRequest } from './fromCloudTrailRequest';
import { fromDescribeOutput } from './fromDescribeOutput';
import {
  actionTakenFor,
  remediationFor,
  SAGEMAKER_REMEDIATIONS,
} from './remediation';
import {
  SAGEMAKER_WORKLOAD_KINDS,
  SageMakerWorkload,
  SageMakerWorkloadKind,
} from './types';

const decide = (workload: SageMakerWorkload | undefined) =>
  remediationFor(workload!, evaluateWorkload(workload!));

describe('remediationFor', () => {
  it.each<[SageMakerWorkloadKind, string]>([
    ['TrainingJob', 'STOP'],
    ['ProcessingJob', 'STOP'],
    ['TransformJob', 'STOP'],
    ['HyperParameterTuningJob', 'STOP'],
    ['AutoMLJob', 'STOP'],
    ['NotebookInstance', 'STOP'],
    ['Model', 'DELETE'],
    // Endpoint configs only fail MEDIUM rules by default: reported, not deleted.
    ['EndpointConfig', 'NONE'],
    // Domains and profiles are never removed automatically.
    ['Domain', 'NONE'],
    ['UserProfile', 'NONE'],
    // Spaces and apps fail only against a Studio policy (below).
    ['Space', 'NONE'],
    ['App', 'NONE'],
  ])('decides for a non-compliant %s: %s', (kind, action) => {
    const f = cloudTrailFixtures[kind];
    expect(decide(fromCloudTrailRequest(f.eventName, f.nonCompliant))).toBe(
      action,
    );
  });

  it.each(Object.keys(cloudTrailFixtures) as SageMakerWorkloadKind[])(
    'does nothing to a compliant %s',
    kind => {
      const f = cloudTrailFixtures[kind];
      expect(decide(fromCloudTrailRequest(f.eventName, f.compliant))).toBe(
        'NONE',
      );
    },
  );

  it('deletes an endpoint config when medium failures are enforced', () => {
    const f = cloudTrailFixtures.EndpointConfig;
    const workload = fromCloudTrailRequest(f.eventName, f.nonCompliant)!;
    expect(
      remediationFor(workload, evaluateWorkload(workload), {
        minimumSeverity: 'MEDIUM',
      }),
    ).toBe('DELETE');
  });

  it('does not stop a job that has already finished', () => {
    const workload = fromDescribeOutput('TrainingJob', {
      ...describeFixtures.TrainingJob.nonCompliant,
      TrainingJobStatus: 'Completed',
    });
    expect(decide(workload)).toBe('NONE');
  });

  it('does not stop a notebook instance that is already stopped', () => {
    const workload = fromDescribeOutput('NotebookInstance', {
      ...describeFixtures.NotebookInstance.nonCompliant,
      NotebookInstanceStatus: 'Stopped',
    });
    expect(decide(workload)).toBe('NONE');
  });

  it('stops a running non-compliant notebook found by the sweep', () => {
    expect(
      decide(
        fromDescribeOutput(
          'NotebookInstance',
          describeFixtures.NotebookInstance.nonCompliant,
        ),
      ),
    ).toBe('STOP');
  });

  it('ignores failed findings of another resource', () => {
    const f = cloudTrailFixtures.Model;
    const bad = fromCloudTrailRequest(f.eventName, f.nonCompliant)!;
    const good = {
      ...fromCloudTrailRequest(f.eventName, f.compliant)!,
      name: 'other',
    };
    expect(remediationFor(good, evaluateWorkload(bad))).toBe('NONE');
  });

  describe('workshop acceptance scenarios', () => {
    it('N9: stops the training job without a VPC', () => {
      expect(
        decide(
          fromCloudTrailRequest('CreateTrainingJob', scenarioN9TrainWithoutVpc),
        ),
      ).toBe('STOP');
    });

    it('N10: lets the training job with VPC and volume key complete', () => {
      const workload = fromCloudTrailRequest(
        'CreateTrainingJob',
        scenarioN10TrainWithVpc,
      )!;
      expect(decide(workload)).toBe('NONE');
      // It is still reported for what it lacks.
      expect(
        evaluateWorkload(workload)
          .filter(f => f.status === 'FAILED')
          .map(f => f.ruleId),
      ).toEqual(['SAGEMAKER_OUTPUT_KMS_KEY', 'SAGEMAKER_NETWORK_ISOLATION']);
    });

    it('D2: keeps the model that is in the VPC without network isolation', () => {
      expect(
        decide(fromCloudTrailRequest('CreateModel', scenarioD2ModelInVpc)),
      ).toBe('NONE');
    });

    it('D3: keeps the endpoint config without a KMS key', () => {
      expect(
        decide(
          fromCloudTrailRequest(
            'CreateEndpointConfig',
            scenarioD3EndpointConfig,
          ),
        ),
      ).toBe('NONE');
    });

    it('deletes a model created without a VPC', () => {
      expect(
        decide(fromCloudTrailRequest('CreateModel', scenarioModelWithoutVpc)),
      ).toBe('DELETE');
    });
  });

  describe('Studio spaces and apps, under the team Studio policy', () => {
    const judge = (kind: 'Space' | 'App', status?: string) => {
      const f = cloudTrailFixtures[kind];
      const workload = {
        ...fromCloudTrailRequest(
          f.eventName,
          f.nonCompliant,
          f.responseElements,
        )!,
        ...(status ? { status } : {}),
      };
      return remediationFor(
        workload,
        evaluateWorkload(workload, undefined, fraudStudioContext),
      );
    };

    it('deletes an app that runs an unapproved image', () => {
      expect(judge('App')).toBe('DELETE');
    });

    it('does not delete an app that is already deleted', () => {
      expect(judge('App', 'Deleted')).toBe('NONE');
      expect(judge('App', 'Deleting')).toBe('NONE');
    });

    it('only reports a space, however it fails', () => {
      expect(judge('Space')).toBe('NONE');
    });
  });

  it('names a SageMaker operation for every kind it stops or deletes, and none for the others', () => {
    const expected = (action: string) =>
      ({ STOP: /^Stop[A-Za-z]+$/, DELETE: /^Delete[A-Za-z]+$/ }[action]);
    for (const [kind, entry] of Object.entries(SAGEMAKER_REMEDIATIONS)) {
      expect(SAGEMAKER_WORKLOAD_KINDS).toContain(kind);
      expect(entry.operation ?? 'none').toMatch(
        expected(entry.action) ?? /^none$/,
      );
    }
  });

  it.each([
    ['STOP', true, 'stopped'],
    ['DELETE', true, 'deleted'],
    ['STOP', false, 'reported'],
    ['NONE', false, 'reported'],
    ['NONE', undefined, 'reported'],
  ] as const)('calls remediation %s, remediated %s, %s', (r, done, action) => {
    expect(actionTakenFor(r, done)).toBe(action);
  });
});
