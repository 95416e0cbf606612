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

import { readHttpServerOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import { readSageMakerStudioConfig } from '@internal/plugin-sagemaker-studio-node';
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
    expect(findConfigProblems(config, {})).toEqual([]);
  });

  it('finds nothing wrong with a complete production config', async () => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(findConfigProblems(config, {})).toEqual([]);
  });

  it('reads only the home account and region in production, not the local sandbox accounts', async () => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(readSageMakerStudioConfig(config).targets).toEqual([
      { accountId: '111122223333', region: 'eu-west-1' },
    ]);
  });

  it.each(['HOST', 'PORT', 'USER', 'PASSWORD'])(
    'names the key when POSTGRES_%s is missing in production',
    async name => {
      const env: Record<string, string> = { ...productionEnv };
      delete env[`POSTGRES_${name}`];
      const config = await loadRepoConfig(production, env);
      expect(findConfigProblems(config, {})).toEqual([
        `backend.database.connection.${name.toLowerCase()} is missing: PostgreSQL needs it (set POSTGRES_${name} in production)`,
      ]);
    },
  );

  it.each(['postgres', '0', '70000', '54.32'])(
    'refuses POSTGRES_PORT=%s, which is no port',
    async port => {
      const config = await loadRepoConfig(production, {
        ...productionEnv,
        POSTGRES_PORT: port,
      });
      expect(findConfigProblems(config, {})).toEqual([
        `backend.database.connection.port is "${port}": it must be a TCP port number, 1 to 65535 (POSTGRES_PORT in production)`,
      ]);
    },
  );

  it.each([
    ['AWS_ENDPOINT_URL', 'http://127.0.0.1:4580'],
    ['AWS_ENDPOINT_URL_SAGEMAKER', 'http://127.0.0.1:4580'],
    ['AWS_ENDPOINT_URL_SERVICE_CATALOG', 'https://attacker.example'],
  ])('refuses %s in the environment in production', async (name, value) => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(findConfigProblems(config, { [name]: value })).toEqual([
      `${name} is set in production: the AWS SDK would send every call there instead of AWS; unset it`,
    ]);
  });

  it('names every AWS endpoint variable at once, and ignores empty ones and look-alikes', async () => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(
      findConfigProblems(config, {
        AWS_ENDPOINT_URL_STS: 'http://x',
        AWS_ENDPOINT_URL: 'http://x',
        AWS_ENDPOINT_URL_S3: '',
        AWS_ENDPOINT_URLS: 'http://x',
        MY_AWS_ENDPOINT_URL: 'http://x',
      }),
    ).toEqual([
      'AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS is set in production: the AWS SDK would send every call there instead of AWS; unset it',
    ]);
  });

  it('leaves AWS_ENDPOINT_URL alone locally, where the sandbox is the point', async () => {
    const config = await loadRepoConfig(['app-config.yaml'], {});
    expect(
      findConfigProblems(config, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4580' }),
    ).toEqual([]);
  });

  it('listens on every interface, port 7007, in production, also when another layer sets backend.listen as an object', async () => {
    const plain = await loadRepoConfig(production, productionEnv);
    expect(readHttpServerOptions(plain.getConfig('backend')).listen).toEqual({
      host: '',
      port: 7007,
    });

    const layered = await loadRepoConfig(production, productionEnv, [
      { backend: { listen: { port: 7100 } } },
    ]);
    expect(findConfigProblems(layered, {})).toEqual([]);
    expect(readHttpServerOptions(layered.getConfig('backend')).listen).toEqual({
      host: '',
      port: 7100,
    });
  });

  it('names backend.listen when layers mix the string and object forms', async () => {
    const config = await loadRepoConfig(production, productionEnv, [
      { backend: { listen: ':7100' } },
      { backend: { listen: { host: '0.0.0.0' } } },
    ]);
    expect(findConfigProblems(config, {})).toEqual([
      expect.stringMatching(
        /^backend\.listen cannot be read \(.*\): write it as an object/,
      ),
    ]);
  });

  it('gives the production static token catalog reads only, and no deprecated backend.auth.keys', async () => {
    const config = await loadRepoConfig(production, productionEnv);
    expect(config.has('backend.auth.keys')).toBe(false);
    expect(config.get('backend.auth.externalAccess')).toEqual([
      {
        type: 'static',
        options: {
          token: 'a-long-random-secret',
          subject: 'external-automation',
        },
        accessRestrictions: [
          { plugin: 'catalog', permissionAttribute: { action: 'read' } },
        ],
      },
    ]);
  });

  it('names BACKEND_SECRET when it is missing or too short in production', async () => {
    const { BACKEND_SECRET: _omitted, ...env } = productionEnv;
    const missing = await loadRepoConfig(production, env);
    expect(findConfigProblems(missing, {})).toEqual([
      expect.stringContaining(
        'backend.auth.externalAccess[0].options.token is missing (set BACKEND_SECRET in production',
      ),
    ]);
    const short = await loadRepoConfig(production, {
      ...productionEnv,
      BACKEND_SECRET: 'short',
    });
    expect(findConfigProblems(short, {})).toEqual([
      'backend.auth.externalAccess[0].options.token must be at least 8 characters without spaces (BACKEND_SECRET in production)',
    ]);
  });

  it('refuses the deprecated backend.auth.keys', async () => {
    const config = await loadRepoConfig(['app-config.yaml'], {}, [
      { backend: { auth: { keys: [{ secret: 'a-long-random-secret' }] } } },
    ]);
    expect(findConfigProblems(config, {})).toEqual([
      expect.stringContaining('backend.auth.keys is deprecated'),
    ]);
  });

  it('loads the templates only in production and the example organisation only locally', async () => {
    const targets = (config: ConfigReader) =>
      config
        .getConfigArray('catalog.locations')
        .map(location => location.getString('target'));
    expect(targets(await loadRepoConfig(production, productionEnv))).toEqual([
      './templates/all.yaml',
    ]);
    expect(targets(await loadRepoConfig(['app-config.yaml'], {}))).toEqual([
      '../../catalog-info.yaml',
      '../../examples/org.yaml',
    ]);
  });

  it('refuses the example organisation in production', async () => {
    const config = await loadRepoConfig(production, productionEnv, [
      {
        catalog: {
          locations: [
            { type: 'file', target: './templates/all.yaml' },
            { type: 'file', target: './examples/org.yaml' },
          ],
        },
      },
    ]);
    expect(findConfigProblems(config, {})).toEqual([
      'catalog.locations loads ./examples/org.yaml in production: the example people and admin group are for local use; take the org from your identity provider',
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
    expect(findConfigProblems(config, {})).toEqual([
      // The list of allowed keys grows with the plugin; the message names the typo.
      expect.stringMatching(
        /^sageMakerStudio\.adminGrup: unknown key; allowed keys are .*\badminGroup\b/,
      ),
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
    expect(findConfigProblems(config, {})).toEqual([
      expect.stringContaining('sageMakerStudio.endpoint is set in production'),
    ]);
  });
});
