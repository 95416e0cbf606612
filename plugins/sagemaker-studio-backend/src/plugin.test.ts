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
  ListDomainsCommand,
  DescribeDomainCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { sageMakerStudioPlugin } from './plugin';
import { permissionsFactory } from './__testUtils__/studioTestBackend';

const sageMaker = mockClient(SageMakerClient);

const SCIENTIST = 'user:default/dana-scientist';
const ADMIN = 'user:default/ada-admin';

const config = {
  sageMakerStudio: {
    region: 'us-east-1',
    accountId: '111122223333',
    adminGroup: 'group:default/data-science-admins',
    products: { userProfile: { requiresApproval: true } },
  },
  aws: {
    accounts: [
      {
        accountId: '111122223333',
        accessKeyId: 'AKIAFAKE',
        secretAccessKey: 'fake',
      },
    ],
  },
};

async function start() {
  const { server } = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({ data: config }),
      permissionsFactory,
      catalogServiceMock.factory(),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  return server;
}

function as(user: string) {
  return mockCredentials.user.header(user);
}

describe('sageMakerStudioPlugin: GET /domains', () => {
  beforeEach(() => sageMaker.reset());

  it('returns 401 for an invalid token', async () => {
    const server = await start();
    await request(server)
      .get('/api/sagemaker-studio/domains')
      .set('Authorization', mockCredentials.user.invalidHeader())
      .expect(401);
  });

  it('lists domains read from SageMaker to an admin', async () => {
    sageMaker
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-1' }] });
    sageMaker.on(DescribeDomainCommand).resolves({
      DomainId: 'd-1',
      DomainName: 'ds-studio',
      Status: 'InService',
      AppNetworkAccessType: 'VpcOnly',
    });
    const server = await start();
    const res = await request(server)
      .get('/api/sagemaker-studio/domains')
      .set('Authorization', as(ADMIN))
      .expect(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          domainId: 'd-1',
          domainName: 'ds-studio',
          appNetworkAccessType: 'VpcOnly',
        }),
      ],
      errors: [],
    });
    // Someone the catalog does not place in the domain sees none of it.
    const other = await request(server)
      .get('/api/sagemaker-studio/domains')
      .set('Authorization', as(SCIENTIST))
      .expect(200);
    expect(other.body).toEqual({ items: [], errors: [] });
  });

  it('reports a SageMaker failure as a per-source error, not a 500', async () => {
    sageMaker.on(ListDomainsCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
      }),
    );
    const server = await start();
    const res = await request(server)
      .get('/api/sagemaker-studio/domains')
      .set('Authorization', as(SCIENTIST))
      .expect(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.errors).toEqual([
      {
        source: 'ListDomains:111122223333/us-east-1',
        errorType: 'THROTTLED',
        message: 'AWS is throttling the portal; try again in a minute.',
        accountId: '111122223333',
        region: 'us-east-1',
      },
    ]);
  });
});
