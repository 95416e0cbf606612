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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authPlugin from '@backstage/plugin-auth-backend';
import request from 'supertest';
import { loadRepoConfig } from '../configFiles';
import { ConfigReader } from '@backstage/config';
import {
  assertLocalSignInSource,
  authModuleLocalIdentities,
  readLocalSignInSources,
} from './localIdentities';

const people = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'dana-scientist', namespace: 'default' },
    spec: { memberOf: ['fraud-detection'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/fraud-detection' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada-admin', namespace: 'default' },
    spec: { memberOf: ['data-science-admins'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/data-science-admins' },
    ],
  },
];

async function startWith(files: string[], env: Record<string, string> = {}) {
  const config = (await loadRepoConfig(files, env)).get() as any;
  // The test backend brings its own database; everything else is the real file.
  delete config.backend.database;
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleLocalIdentities,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities: people }),
    ],
  });
  return server;
}

function signIn(
  server: any,
  who: string,
  headers: { host?: string; origin?: string } = {},
) {
  const req = request(server)
    .get('/api/auth/localIdentities/refresh')
    .set('X-Requested-With', 'XMLHttpRequest')
    .set('x-sagemaker-studio-local-identity', who);
  if (headers.host) {
    req.set('Host', headers.host);
  }
  if (headers.origin) {
    req.set('Origin', headers.origin);
  }
  return req;
}

describe('local identities sign-in', () => {
  it('signs in as each local identity with the local config, with their groups', async () => {
    const server = await startWith(['app-config.yaml']);

    const dana = await signIn(server, 'user:default/dana-scientist').expect(
      200,
    );
    const ada = await signIn(server, 'user:default/ada-admin').expect(200);

    expect(dana.body.backstageIdentity.identity).toMatchObject({
      userEntityRef: 'user:default/dana-scientist',
      ownershipEntityRefs: expect.arrayContaining([
        'group:default/fraud-detection',
      ]),
    });
    expect(ada.body.backstageIdentity.identity.ownershipEntityRefs).toContain(
      'group:default/data-science-admins',
    );
  });

  it('refuses anyone not listed', async () => {
    const server = await startWith(['app-config.yaml']);
    const res = await signIn(server, 'user:default/mallory').expect(403);
    expect(res.body.error.message).toContain('not one of the local identities');
  });

  it('is impossible under the production config', async () => {
    const server = await startWith(
      ['app-config.yaml', 'app-config.production.yaml'],
      {
        APP_BASE_URL: 'http://localhost:7007',
        BACKEND_BASE_URL: 'http://localhost:7007',
        BACKEND_SECRET: 'test-secret',
        AWS_REGION: 'us-east-1',
        SAGEMAKER_STUDIO_ACCOUNT_ID: '111122223333',
      },
    );
    const res = await signIn(server, 'user:default/ada-admin');
    expect(res.status).toBe(404);
    expect(res.body.backstageIdentity).toBeUndefined();
  });

  it('offers no guest sign-in: local identities are the only provider locally, none in production', async () => {
    const local = await loadRepoConfig(['app-config.yaml'], {});
    expect(local.getConfig('auth.providers').keys()).toEqual([
      'localIdentities',
    ]);
    const production = await loadRepoConfig(
      ['app-config.yaml', 'app-config.production.yaml'],
      {},
    );
    expect(production.getOptionalConfig('auth.providers')?.keys()).toEqual([]);
  });

  describe('where a token may go', () => {
    const ada = 'user:default/ada-admin';

    it.each([
      ['the app at app.baseUrl', { origin: 'http://localhost:3000' }],
      ['curl on 127.0.0.1 (no Origin)', { host: '127.0.0.1:7007' }],
      ['curl on localhost (no Origin)', { host: 'localhost:7007' }],
      ['curl on [::1] (no Origin)', { host: '[::1]:7007' }],
    ])('signs in from %s', async (_what, headers) => {
      const server = await startWith(['app-config.yaml']);
      const res = await signIn(server, ada, headers);
      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity.userEntityRef).toBe(ada);
    });

    it.each([
      ['a rebound DNS name as Host', { host: 'attacker.example:7007' }],
      [
        'a rebound DNS name as Host, with its own Origin',
        {
          host: 'attacker.example:7007',
          origin: 'http://attacker.example:7007',
        },
      ],
      ['another web page as Origin', { origin: 'https://attacker.example' }],
      ['another port as Origin', { origin: 'http://localhost:8080' }],
      ['a sandboxed frame (Origin null)', { origin: 'null' }],
      ['a Host with credentials', { host: 'x@localhost:7007' }],
    ])('refuses %s', async (_what, headers) => {
      const server = await startWith(['app-config.yaml']);
      const res = await signIn(server, ada, headers).expect(403);
      expect(res.body.backstageIdentity).toBeUndefined();
      expect(res.body.error.message).toMatch(/Local sign-in answers only/);
    });
  });
});

describe('assertLocalSignInSource', () => {
  const sources = readLocalSignInSources(
    new ConfigReader({
      app: { baseUrl: 'http://portal.test:3000' },
      backend: { baseUrl: 'http://api.portal.test:7007' },
    }),
  );

  it('accepts the hosts of both base URLs and loopback names, whatever the port', () => {
    for (const host of [
      'portal.test:3000',
      'api.portal.test:7007',
      'LOCALHOST:7007',
      '127.0.0.1',
      '[::1]:80',
    ]) {
      expect(() => assertLocalSignInSource({ host }, sources)).not.toThrow();
    }
  });

  it('refuses a missing Host and names that only look local', () => {
    for (const host of [
      undefined,
      '',
      'localhost.',
      '127.0.0.1.nip.io:7007',
      '0x7f.0.0.1:7007',
      'localhost:7007/x',
    ]) {
      expect(() => assertLocalSignInSource({ host }, sources)).toThrow(
        /Local sign-in answers only requests to/,
      );
    }
  });

  it('accepts only the app origin as Origin', () => {
    const host = 'localhost:7007';
    expect(() =>
      assertLocalSignInSource(
        { host, origin: 'http://portal.test:3000' },
        sources,
      ),
    ).not.toThrow();
    expect(() =>
      assertLocalSignInSource(
        { host, origin: 'http://api.portal.test:7007' },
        sources,
      ),
    ).toThrow(/only the app at http:\/\/portal.test:3000/);
  });
});
