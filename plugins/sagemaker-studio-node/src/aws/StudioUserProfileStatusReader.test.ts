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
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListSpacesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { StudioUserProfileStatusReader } from './StudioUserProfileStatusReader';
import { StudioAwsReadError } from './studioAwsErrors';
import { awsError, fakeClients } from './__testUtils__/fakeClients';

const sageMaker = mockClient(SageMakerClient);
const reader = () =>
  new StudioUserProfileStatusReader({ clients: fakeClients() });

describe('StudioUserProfileStatusReader', () => {
  beforeEach(() => sageMaker.reset());

  it('reads the profile, its own spaces and the apps of both', async () => {
    sageMaker
      .on(DescribeUserProfileCommand, {
        DomainId: 'd-1',
        UserProfileName: 'alice',
      })
      .resolves({
        UserProfileName: 'alice',
        UserProfileArn:
          'arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/alice',
        Status: 'InService',
        UserSettings: {
          ExecutionRole: 'arn:aws:iam::111122223333:role/alice',
          SecurityGroups: ['sg-1'],
        },
      });
    sageMaker
      .on(ListSpacesCommand, { DomainIdEquals: 'd-1', NextToken: undefined })
      .resolves({
        Spaces: [
          {
            SpaceName: 'alice-space',
            Status: 'InService',
            OwnershipSettingsSummary: { OwnerUserProfileName: 'alice' },
          },
          {
            SpaceName: 'bob-space',
            Status: 'InService',
            OwnershipSettingsSummary: { OwnerUserProfileName: 'bob' },
          },
        ],
        NextToken: 'p2',
      })
      .on(ListSpacesCommand, { DomainIdEquals: 'd-1', NextToken: 'p2' })
      .resolves({ Spaces: [] });
    sageMaker
      .on(ListAppsCommand, {
        DomainIdEquals: 'd-1',
        UserProfileNameEquals: 'alice',
      })
      .resolves({
        Apps: [
          { AppType: 'JupyterServer', AppName: 'default', Status: 'InService' },
          { AppType: 'KernelGateway', AppName: 'old', Status: 'Deleted' },
        ],
      })
      .on(ListAppsCommand, {
        DomainIdEquals: 'd-1',
        SpaceNameEquals: 'alice-space',
      })
      .resolves({
        Apps: [
          {
            AppType: 'JupyterLab',
            AppName: 'default',
            Status: 'InService',
            SpaceName: 'alice-space',
          },
        ],
      });

    const status = await reader().readUserProfileStatus({
      domainId: 'd-1',
      userProfileName: 'alice',
    });

    expect(status).toEqual({
      accountId: '111122223333',
      region: 'eu-west-1',
      domainId: 'd-1',
      userProfileName: 'alice',
      arn: 'arn:aws:sagemaker:eu-west-1:111122223333:user-profile/d-1/alice',
      status: 'InService',
      executionRoleArn: 'arn:aws:iam::111122223333:role/alice',
      securityGroupIds: ['sg-1'],
      spaces: [
        {
          spaceName: 'alice-space',
          status: 'InService',
          apps: [
            {
              appType: 'JupyterLab',
              appName: 'default',
              status: 'InService',
              spaceName: 'alice-space',
            },
          ],
        },
      ],
      apps: [
        { appType: 'JupyterServer', appName: 'default', status: 'InService' },
      ],
    });
    expect(sageMaker).toHaveReceivedCommandTimes(ListAppsCommand, 2);
    expect(sageMaker).not.toHaveReceivedCommandWith(ListAppsCommand, {
      SpaceNameEquals: 'bob-space',
    });
  });

  it('answers a throttled DescribeUserProfile with a THROTTLED failure and a fixed message', async () => {
    sageMaker
      .on(DescribeUserProfileCommand)
      .rejects(awsError('ThrottlingException'));
    sageMaker.on(ListSpacesCommand).resolves({});
    sageMaker.on(ListAppsCommand).resolves({});

    const error = await reader()
      .readUserProfileStatus({ domainId: 'd-1', userProfileName: 'alice' })
      .catch(e => e);

    expect(error).toBeInstanceOf(StudioAwsReadError);
    expect(error).toMatchObject({
      failure: 'THROTTLED',
      message: 'AWS is throttling the portal; try again in a minute.',
      source: 'sagemaker:eu-west-1:user-profile/d-1/alice',
    });
  });

  it('reads only the status with one DescribeUserProfile', async () => {
    sageMaker
      .on(DescribeUserProfileCommand, {
        DomainId: 'd-1',
        UserProfileName: 'alice',
      })
      .resolves({ Status: 'Updating' });
    expect(
      await reader().readStatus({ domainId: 'd-1', userProfileName: 'alice' }),
    ).toBe('Updating');
    expect(sageMaker.calls()).toHaveLength(1);
  });
});
