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

import { ConfigReader } from '@backstage/config';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { readSageMakerStudioConfig } from '../config';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';

function clientsFor(accounts?: unknown) {
  const config = readSageMakerStudioConfig(
    new ConfigReader({
      sageMakerStudio: {
        region: 'us-east-1',
        accountId: '111111111111',
        adminGroup: 'group:default/admins',
        endpoint: 'http://127.0.0.1:4580',
        ...(accounts ? { accounts } : {}),
      },
    } as any),
  );
  const askedFor: Array<string | undefined> = [];
  const credentialsManager: AwsCredentialsManager = {
    getCredentialProvider: async options => {
      askedFor.push(options?.accountId);
      return {
        accountId: options?.accountId,
        sdkCredentialProvider: async () => ({
          accessKeyId: options?.accountId ?? 'main',
          secretAccessKey: 'x',
        }),
      };
    },
  };
  return {
    clients: new SageMakerStudioAwsClients({ config, credentialsManager }),
    askedFor,
  };
}

describe('SageMakerStudioAwsClients', () => {
  it('is scoped to the home account and region by default', async () => {
    const { clients, askedFor } = clientsFor();
    expect(clients.targetKey).toBe('111111111111/us-east-1');
    expect(clients.forEachTarget()).toEqual([clients]);
    const sageMaker = await clients.sageMaker();
    expect(await sageMaker.config.region()).toBe('us-east-1');
    expect(askedFor).toEqual(['111111111111']);
  });

  it('builds clients per account and region with that account’s credentials', async () => {
    const { clients, askedFor } = clientsFor([
      { accountId: '111111111111' },
      { accountId: '222222222222', regions: ['eu-west-1', 'us-east-1'] },
    ]);
    const [home, euWest, usEast] = clients.forEachTarget();
    expect(home).toBe(clients);
    expect(euWest.targetKey).toBe('222222222222/eu-west-1');
    expect(usEast.accountId).toBe('222222222222');
    const client = await euWest.securityHub();
    expect(await client.config.region()).toBe('eu-west-1');
    expect((await client.config.credentials()).accessKeyId).toBe(
      '222222222222',
    );
    expect(askedFor).toEqual(['222222222222']);
    expect(
      clients.forTarget({ accountId: '222222222222', region: 'eu-west-1' }),
    ).toBe(euWest);
  });
});
