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

import type {
  CreateAppImageConfigCommandInput,
  UpdateDomainCommandInput,
} from '@aws-sdk/client-sagemaker';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The image lives in images/, outside any package; importing its JSON lets
// tsc check it against the SDK's request types.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import appImageConfig from '../../../../images/jupyterlab/app-image-config.json';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import updateDomain from '../../../../images/jupyterlab/update-domain.json';

// Docker cannot run here, so the image is checked for what can be checked:
// the files the Dockerfile copies exist, it runs as the Studio user, and the
// JSON inputs match the SDK's request types (checked by tsc, see below).

/**
 * Compile-time: S may only use keys that T declares, at every depth. An
 * unknown key turns into `never` and the call below stops type-checking.
 */
type DeepExact<T, S> = S extends readonly (infer E)[]
  ? T extends readonly (infer TE)[]
    ? readonly DeepExact<TE, E>[]
    : never
  : S extends object
  ? T extends object
    ? {
        [K in keyof S]: K extends keyof T
          ? DeepExact<NonNullable<T[K]>, S[K]>
          : never;
      }
    : never
  : S;
function matchesSdkType<T>() {
  return <S>(value: S & DeepExact<T, S>) => value;
}
matchesSdkType<CreateAppImageConfigCommandInput>()(appImageConfig);
matchesSdkType<UpdateDomainCommandInput>()(updateDomain);

const imageDir = resolve(__dirname, '../../../../images/jupyterlab');
const dockerfile = readFileSync(join(imageDir, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line && !line.startsWith('#'));

function argDefault(name: string): string | undefined {
  const arg = instructions.find(i => i.startsWith(`ARG ${name}=`));
  return arg?.slice(`ARG ${name}=`.length);
}

describe('images/jupyterlab', () => {
  it('copies only files that exist beside the Dockerfile', () => {
    const sources = instructions
      .filter(i => /^(COPY|ADD)\s/.test(i))
      .map(i => i.split(/\s+/).slice(1, -1))
      .flat()
      .filter(arg => !arg.startsWith('--'));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(imageDir, source))).toBe(true);
    }
  });

  it('builds on a pinned SageMaker Distribution tag', () => {
    expect(argDefault('BASE_IMAGE')).toMatch(
      /^public\.ecr\.aws\/sagemaker\/sagemaker-distribution:\d+\.\d+\.\d+-(cpu|gpu)$/,
    );
  });

  it('runs as the non-root Studio user, UID 1000 and GID 100', () => {
    expect(argDefault('NB_UID')).toBe('1000');
    expect(argDefault('NB_GID')).toBe('100');
    const users = instructions.filter(i => i.startsWith('USER '));
    expect(users[users.length - 1]).toBe('USER ${NB_UID}:${NB_GID}');
  });

  it('configures JupyterLab (the current Studio), not a Studio Classic kernel gateway', () => {
    expect(appImageConfig.JupyterLabAppImageConfig).toBeDefined();
    expect(appImageConfig).not.toHaveProperty('KernelGatewayImageConfig');
    expect(
      updateDomain.DefaultUserSettings.JupyterLabAppSettings.CustomImages[0]
        .AppImageConfigName,
    ).toBe(appImageConfig.AppImageConfigName);
  });

  it('reads exactly the SSM parameters the team environment template writes', () => {
    const setup = readFileSync(join(imageDir, 'setup_studio_env.py'), 'utf8');
    const template = readFileSync(
      resolve(imageDir, '../../cloudformation/products/team-environment.yaml'),
      'utf8',
    );
    const read = new Set(
      [...setup.matchAll(/values\.get\("([a-z-]+)"\)/g)].map(m => m[1]),
    );
    const written = new Set(
      [
        ...template.matchAll(
          /Name: !Sub '\/sagemaker-studio\/\$\{TeamName\}\/\$\{EnvType\}\/([a-z-]+)'/g,
        ),
      ].map(m => m[1]),
    );
    expect(setup).toContain('PREFIX = "/sagemaker-studio"');
    expect(read.size).toBeGreaterThan(5);
    expect([...read].sort()).toEqual([...written].sort());
  });
});
