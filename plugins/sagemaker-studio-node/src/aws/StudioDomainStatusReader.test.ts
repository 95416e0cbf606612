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
  DescribeDomainCommand,
  ListAppsCommand,
  ListSpacesCommand,
  ListUserProfilesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { StudioDomainStatusReader } from './StudioDomainStatusReader';
import { StudioAwsReadError } from './studioAwsErrors';
import { awsError, fakeClients } from './__testUtils__/fakeClients';

const sageMaker = mockClient(SageMakerClient);
const ARN = 'arn:aws:sagemaker:eu-west-2:111122223333:domain/d-1';

describe('StudioDomainStatusReader', () => {
  beforeEach(() => sageMaker.reset());

  it('describes the domain and counts profiles, spaces and running apps across pages', async () => {
    sageMaker.on(DescribeDomainCommand, { DomainId: 'd-1' }).resolves({
      DomainId: 'd-1',
      DomainName: 'studio',
      DomainArn: ARN,
      Status: 'InService',
      AuthMode: 'IAM',
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: 'key-1',
      VpcId: 'vpc-1',
      SubnetIds: ['subnet-1'],
      DefaultUserSettings: {
        ExecutionRole: 'arn:aws:iam::111122223333:role/exec',
        SecurityGroups: ['sg-1'],
      },
    });
    sageMaker
      .on(ListUserProfilesCommand, {
        DomainIdEquals: 'd-1',
        NextToken: undefined,
      })
      .resolves({ UserProfiles: [{}, {}], NextToken: 'p2' })
      .on(ListUserProfilesCommand, { DomainIdEquals: 'd-1', NextToken: 'p2' })
      .resolves({ UserProfiles: [{}] });
    sageMaker
      .on(ListSpacesCommand, { DomainIdEquals: 'd-1' })
      .resolves({ Spaces: [{}] });
    sageMaker.on(ListAppsCommand, { DomainIdEquals: 'd-1' }).resolves({
      Apps: [{ Status: 'InService' }, { Status: 'Deleted' }],
    });

    const status = await new StudioDomainStatusReader({
      clients: fakeClients(),
    }).readDomainStatus('d-1');

    expect(status).toEqual({
      accountId: '111122223333',
      region: 'eu-west-2',
      domainId: 'd-1',
      domainName: 'studio',
      arn: ARN,
      status: 'InService',
      authMode: 'IAM',
      appNetworkAccessType: 'VpcOnly',
      kmsKeyId: 'key-1',
      vpcId: 'vpc-1',
      subnetIds: ['subnet-1'],
      securityGroupIds: ['sg-1'],
      defaultExecutionRoleArn: 'arn:aws:iam::111122223333:role/exec',
      url: undefined,
      counts: { userProfiles: 3, spaces: 1, runningApps: 1 },
    });
    expect(sageMaker).toHaveReceivedCommandWith(ListUserProfilesCommand, {
      DomainIdEquals: 'd-1',
      MaxResults: 100,
    });
    expect(sageMaker).toHaveReceivedCommandTimes(ListUserProfilesCommand, 2);
  });

  it.each([
    ['ResourceNotFound', 'NOT_FOUND'],
    ['AccessDeniedException', 'NOT_ALLOWED'],
    ['ThrottlingException', 'THROTTLED'],
  ])(
    'answers %s with a %s failure and a fixed message, logging the AWS text',
    async (name, failure) => {
      const logger = mockServices.logger.mock();
      sageMaker.on(DescribeDomainCommand).rejects(awsError(name));
      sageMaker.on(ListUserProfilesCommand).resolves({});
      sageMaker.on(ListSpacesCommand).resolves({});
      sageMaker.on(ListAppsCommand).resolves({});

      const error = await new StudioDomainStatusReader({
        clients: fakeClients(),
        logger,
      })
        .readDomainStatus('d-1')
        .catch(e => e);

      expect(error).toBeInstanceOf(StudioAwsReadError);
      expect(error.failure).toBe(failure);
      expect(error.message).not.toContain('secret AWS text');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('DescribeDomain'),
        expect.objectContaining({
          awsMessage: `secret AWS text for ${name}`,
          awsRequestId: 'req-123',
        }),
      );
    },
  );
});
