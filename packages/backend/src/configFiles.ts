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

import { AppConfig, ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { resolve } from 'node:path';

const ROOT = resolvePackagePath('backend', '../..');

/**
 * Loads the repository's config files as the backend would, with the given
 * environment for `${VAR}` substitutions, and optionally more layers on top
 * (as an adopter's own config file would be). For tests of the real files.
 */
export async function loadRepoConfig(
  files: string[],
  env: Record<string, string>,
  extraLayers: AppConfig['data'][] = [],
): Promise<ConfigReader> {
  const { appConfigs } = await loadConfig({
    configRoot: ROOT,
    configTargets: files.map(file => ({ path: resolve(ROOT, file) })),
    experimentalEnvFunc: async name => env[name],
  });
  return ConfigReader.fromConfigs([
    ...appConfigs,
    ...extraLayers.map((data, index) => ({
      data,
      context: `extra layer ${index + 1}`,
    })),
  ]);
}
