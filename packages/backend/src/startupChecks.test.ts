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
import { loadRepoConfig } from './configFiles';
import { findConfigProblems } from './startupChecks';

const productionEnv = {
  APP_BASE_URL: 'https://portal.example.com',
  BACKEND_BASE_URL: 'https://portal.example.com',
  BACKEND_SECRET: 'a-long-random-secret',
  POSTGRES_HOST: 'db.internal',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'hunter2-but-longer',
  AWS_REGION: 'eu-west-1',
  SAGEMAKER_STUDIO_ACCOUNT_ID: '111122223333',
};

const production = ['app-config.yaml', 'app-config.production.yaml'];

describe('findConfigProblems', () => {
  it('finds nothing wrong with the local default config', async () => {
    const config = await loadRepoConfig(['app-config.yaml'], {});
    expect(findConfigProblems(config)).toEqual([]);
  });

  it('finds nothing wrong with a complete production config', async () => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(findConfigProblems(config)).toEqual([]);
  });

  it('names the key when the PostgreSQL password is missing in production', async () => {
    const { POSTGRES_PASSWORD: _omitted, ...env } = productionEnv;
    const config = await loadRepoConfig(production, env);
    expect(findConfigProblems(config)).toEqual([
      'backend.database.connection.password is missing: PostgreSQL needs it (set POSTGRES_PASSWORD in production)',
    ]);
  });

  it('names an unknown key of ours', () => {
    const config = new ConfigReader({
      sageMakerStudio: {
        region: 'us-east-1',
        adminGroup: 'group:default/admins',
        adminGrup: 'typo',
      },
    });
    expect(findConfigProblems(config)).toEqual([
      'sageMakerStudio.adminGrup: unknown key; allowed keys are region, accountId, endpoint, adminGroup, products, sweep, catalog',
    ]);
  });

  it('refuses the sandbox endpoint in production', () => {
    const config = new ConfigReader({
      auth: { environment: 'production' },
      sageMakerStudio: {
        region: 'us-east-1',
        adminGroup: 'group:default/admins',
        endpoint: 'http://127.0.0.1:4580',
      },
    });
    expect(findConfigProblems(config)).toEqual([
      expect.stringContaining('sageMakerStudio.endpoint is set in production'),
    ]);
  });
});
