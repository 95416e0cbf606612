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

import { sageMakerArnFor } from './arn';
import { teamNameOf } from './team';

const location = { accountId: '111122223333', region: 'eu-west-1' };

describe('sageMakerArnFor', () => {
  it('keeps an ARN the workload already has', () => {
    expect(
      sageMakerArnFor({ kind: 'Model', name: 'M', arn: 'arn:x' }, location),
    ).toBe('arn:x');
  });

  it('builds lower-cased ARNs the way SageMaker does', () => {
    expect(
      sageMakerArnFor({ kind: 'TrainingJob', name: 'My-Job' }, location),
    ).toBe('arn:aws:sagemaker:eu-west-1:111122223333:training-job/my-job');
    expect(
      sageMakerArnFor(
        { kind: 'HyperParameterTuningJob', name: 'h' },
        { ...location, partition: 'aws-cn' },
      ),
    ).toBe(
      'arn:aws-cn:sagemaker:eu-west-1:111122223333:hyper-parameter-tuning-job/h',
    );
  });

  it('builds domain and user profile ARNs from the domain id', () => {
    expect(
      sageMakerArnFor(
        { kind: 'Domain', name: 'studio', domainId: 'd-1' },
        location,
      ),
    ).toBe('arn:aws:sagemaker:eu-west-1:111122223333:domain/d-1');
    expect(
      sageMakerArnFor(
        { kind: 'UserProfile', name: 'Alice', domainId: 'd-1' },
        location,
      ),
    ).toBe('arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/alice');
    expect(
      sageMakerArnFor({ kind: 'UserProfile', name: 'alice' }, location),
    ).toBeUndefined();
  });

  it('builds space ARNs under the domain and app ARNs under domain, owner and type', () => {
    expect(
      sageMakerArnFor(
        { kind: 'Space', name: 'Alice-Lab', domainId: 'd-1' },
        location,
      ),
    ).toBe('arn:aws:sagemaker:eu-west-1:111122223333:space/d-1/alice-lab');
    expect(
      sageMakerArnFor(
        {
          kind: 'App',
          name: 'default',
          domainId: 'd-1',
          spaceName: 'Alice-Lab',
          appType: 'JupyterLab',
        },
        location,
      ),
    ).toBe(
      'arn:aws:sagemaker:eu-west-1:111122223333:app/d-1/alice-lab/jupyterlab/default',
    );
    expect(
      sageMakerArnFor(
        { kind: 'App', name: 'default', domainId: 'd-1' },
        location,
      ),
    ).toBeUndefined();
  });
});

describe('teamNameOf', () => {
  it('reads the TeamName tag, or another key', () => {
    expect(teamNameOf({ tags: { TeamName: 'fraud' } })).toBe('fraud');
    expect(teamNameOf({ tags: { team: 'risk' } }, 'team')).toBe('risk');
    expect(teamNameOf({ tags: { TeamName: '' } })).toBeUndefined();
  });
});
