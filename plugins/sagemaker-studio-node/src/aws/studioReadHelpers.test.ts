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

import { ListDomainsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { awsError, fakeClients } from './__testUtils__/fakeClients';
import { STUDIO_AWS_FAILURE_MESSAGES } from './studioAwsErrors';
import { readEachStudioTarget } from './studioReadHelpers';

const sageMaker = mockClient(SageMakerClient);

describe('readEachStudioTarget', () => {
  beforeEach(() => sageMaker.reset());

  const clients = fakeClients({
    region: 'eu-west-1',
    accountId: '111111111111',
    targets: [
      { accountId: '111111111111', region: 'eu-west-1' },
      { accountId: '222222222222', region: 'eu-west-1' },
      { accountId: '222222222222', region: 'us-east-1' },
    ],
  });

  it('reads every target and reports the one that failed by account and region, with the fixed message', async () => {
    const logger = { warn: jest.fn(), error: jest.fn() } as any;
    const { values, errors } = await readEachStudioTarget({
      clients,
      action: 'ListDomains',
      logger,
      read: async target => {
        if (target.targetKey === '222222222222/eu-west-1') {
          throw awsError(
            'AccessDeniedException',
            'secret: role arn:aws:iam::2',
          );
        }
        return target.targetKey;
      },
    });
    expect(values.map(v => v.value)).toEqual([
      '111111111111/eu-west-1',
      '222222222222/us-east-1',
    ]);
    expect(errors).toEqual([
      {
        source: 'ListDomains:222222222222/eu-west-1',
        errorType: 'NOT_ALLOWED',
        message: STUDIO_AWS_FAILURE_MESSAGES.NOT_ALLOWED,
        accountId: '222222222222',
        region: 'eu-west-1',
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('secret');
    expect(JSON.stringify(logger.warn.mock.calls)).toContain('secret');
  });

  it('runs at most `concurrency` reads at once', async () => {
    let running = 0;
    let most = 0;
    await readEachStudioTarget({
      clients,
      action: 'ListDomains',
      concurrency: 2,
      read: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise(resolve => setTimeout(resolve, 5));
        running--;
      },
    });
    expect(most).toBe(2);
  });

  it('uses each target’s own client', async () => {
    sageMaker.on(ListDomainsCommand).resolves({ Domains: [] });
    const { values } = await readEachStudioTarget({
      clients,
      action: 'ListDomains',
      read: async target => (await target.sageMaker()).config.region(),
    });
    expect(values.map(v => v.value)).toEqual([
      'eu-west-1',
      'eu-west-1',
      'us-east-1',
    ]);
  });
});
