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
import { authModuleLocalIdentities } from './localIdentities';

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

function signIn(server: any, who: string) {
  return request(server)
    .get('/api/auth/localIdentities/refresh')
    .set('X-Requested-With', 'XMLHttpRequest')
    .set('x-sagemaker-studio-local-identity', who);
}

describe('local identities sign-in', () => {
  it('signs in as each local identity with the local config, with their groups', async () => {
    const server = await startWith(['app-config.yaml']);

    const dana = await signIn(server, 'user:default/dana-scientist').expect(200);
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
});
