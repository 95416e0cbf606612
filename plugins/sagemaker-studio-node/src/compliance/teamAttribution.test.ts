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
  attributeTeam,
  executionRoleOf,
  teamOfRoleArn,
} from './teamAttribution';

describe('teamOfRoleArn', () => {
  it.each([
    [
      'arn:aws:iam::1:role/ds-team-admin-fraud-detection-dev',
      'fraud-detection',
    ],
    ['arn:aws:iam::1:role/ds-team-user-recs-prod', 'recs'],
    [
      'arn:aws:iam::1:role/service-role/ds-exec-fraud-detection-dev-dana-scientist',
      'fraud-detection',
    ],
    ['arn:aws:iam::1:role/service-role/ds-exec-a-b-dev-c-d', 'a-b'],
    ['arn:aws:iam::1:role/service-role/ds-exec-ab-qa2-y', 'ab'],
    ['arn:aws:iam::1:role/AmazonSageMaker-ExecutionRole', undefined],
    ['arn:aws:iam::1:role/ds-exec-onlyone', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (roleArn, team) => {
    expect(teamOfRoleArn(roleArn)).toBe(team);
  });
});

describe('attributeTeam', () => {
  it('prefers the TeamName tag to the role', () => {
    expect(
      attributeTeam(
        { tags: { TeamName: 'recommendations' } },
        'arn:aws:iam::1:role/ds-team-user-fraud-detection-dev',
      ),
    ).toEqual({ team: 'recommendations', by: 'tag' });
    expect(
      attributeTeam(
        { tags: {} },
        'arn:aws:iam::1:role/ds-team-user-fraud-detection-dev',
      ),
    ).toEqual({ team: 'fraud-detection', by: 'role' });
    expect(attributeTeam({ tags: {} }, undefined)).toEqual({});
  });

  it('finds the execution role where each kind keeps it', () => {
    expect(executionRoleOf('Model', { ExecutionRoleArn: 'm' })).toBe('m');
    expect(executionRoleOf('TrainingJob', { RoleArn: 't' })).toBe('t');
    expect(
      executionRoleOf('HyperParameterTuningJob', {
        TrainingJobDefinitions: [{ RoleArn: 'h' }],
      }),
    ).toBe('h');
    expect(
      executionRoleOf('Domain', {
        DefaultUserSettings: { ExecutionRole: 'd' },
      }),
    ).toBe('d');
    expect(
      executionRoleOf('UserProfile', { UserSettings: { ExecutionRole: 'u' } }),
    ).toBe('u');
    expect(executionRoleOf('EndpointConfig', {})).toBeUndefined();
  });
});
