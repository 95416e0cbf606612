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
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockClient } from 'aws-sdk-client-mock';
import request from 'supertest';
import { sageMakerStudioPlugin } from './plugin';

const sageMaker = mockClient(SageMakerClient);

const ADMIN = 'user:default/ada-admin';
const SCIENTIST = 'user:default/dana-scientist';

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

/** Allows everything except admin permissions, which only ADMIN holds. */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    authorize: async (requests: any[], options: any) =>
      requests.map(r => ({
        result:
          [
            'sagemaker-studio.request.review',
            'sagemaker-studio.estate.read',
          ].includes(r.permission.name) &&
          options.credentials.principal.userEntityRef !== ADMIN
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async () => [],
  }),
});

async function start() {
  const { server } = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({ data: config }),
      permissionsFactory,
    ],
  });
  return server;
}

function as(user: string) {
  return mockCredentials.user.header(user);
}

function postRequest(server: any, user: string, body: object) {
  return request(server)
    .post('/api/sagemaker-studio/requests')
    .set('Authorization', as(user))
    .send(body);
}

function review(server: any, user: string, id: string, body: object) {
  return request(server)
    .post(`/api/sagemaker-studio/requests/${id}/review`)
    .set('Authorization', as(user))
    .send(body);
}

const profileRequest = {
  product: 'userProfile',
  teamName: 'fraud-detection',
  parameters: { StudioUserProfileName: 'dana', TeamName: 'fraud-detection' },
  idempotencyKey: 'task-1',
};

describe('sageMakerStudioPlugin', () => {
  beforeEach(() => sageMaker.reset());

  it('returns 401 for an invalid token', async () => {
    const server = await start();
    await request(server)
      .get('/api/sagemaker-studio/domains')
      .set('Authorization', mockCredentials.user.invalidHeader())
      .expect(401);
  });

  it('lists domains read from SageMaker', async () => {
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
      .set('Authorization', as(SCIENTIST))
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
      expect.objectContaining({
        source: 'sagemaker:us-east-1',
        errorType: 'THROTTLED',
      }),
    ]);
  });

  it('returns 400 naming the field for a bad request body', async () => {
    const server = await start();
    const res = await postRequest(server, SCIENTIST, {
      ...profileRequest,
      product: 'notebook',
      teamName: 'Fraud Team',
    }).expect(400);
    expect(res.body.error.message).toContain('product: Invalid enum value');
    expect(res.body.error.message).toContain(
      'teamName: must be 2-31 lower-case',
    );
  });

  it('creates a request once, and answers 200 with the same request on retry', async () => {
    const server = await start();
    const first = await postRequest(server, SCIENTIST, profileRequest).expect(
      201,
    );
    const retry = await postRequest(server, SCIENTIST, profileRequest).expect(
      200,
    );
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body.status).toBe('PENDING_APPROVAL');
  });

  it('lets an admin approve, refuses the requester (four-eyes) and non-admins', async () => {
    const server = await start();
    const created = await postRequest(server, ADMIN, profileRequest).expect(
      201,
    );
    const byScientist = await postRequest(
      server,
      SCIENTIST,
      profileRequest,
    ).expect(201);

    const ownReview = await review(server, ADMIN, created.body.id, {
      decision: 'approve',
    }).expect(403);
    expect(ownReview.body.error.message).toContain('their own request');

    await review(server, SCIENTIST, created.body.id, {
      decision: 'approve',
    }).expect(403);

    const approved = await review(server, ADMIN, byScientist.body.id, {
      decision: 'approve',
      comment: 'welcome',
    }).expect(200);
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.events.map((e: any) => e.action)).toEqual([
      'requested',
      'approved',
    ]);

    const again = await review(server, ADMIN, byScientist.body.id, {
      decision: 'reject',
      comment: 'too late',
    }).expect(400);
    expect(again.body.error.message).toContain('is APPROVED');
  });

  it('needs a reason to reject', async () => {
    const server = await start();
    const created = await postRequest(server, SCIENTIST, profileRequest).expect(
      201,
    );
    const res = await review(server, ADMIN, created.body.id, {
      decision: 'reject',
    }).expect(400);
    expect(res.body.error.message).toContain('comment:');
  });

  it('shows a request to its requester and admins, 403 to others, 404 when unknown', async () => {
    const server = await start();
    const created = await postRequest(server, SCIENTIST, profileRequest).expect(
      201,
    );
    const path = `/api/sagemaker-studio/requests/${created.body.id}`;
    await request(server)
      .get(path)
      .set('Authorization', as(SCIENTIST))
      .expect(200);
    await request(server).get(path).set('Authorization', as(ADMIN)).expect(200);
    await request(server)
      .get('/api/sagemaker-studio/requests/unknown')
      .set('Authorization', as(SCIENTIST))
      .expect(404);
    await request(server)
      .get('/api/sagemaker-studio/requests?scope=all')
      .set('Authorization', as(SCIENTIST))
      .expect(403);
    const all = await request(server)
      .get('/api/sagemaker-studio/requests?scope=all')
      .set('Authorization', as(ADMIN))
      .expect(200);
    expect(all.body.items).toHaveLength(1);
  });
});
