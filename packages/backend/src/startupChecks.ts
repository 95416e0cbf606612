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

import { Config } from '@backstage/config';
import { readSageMakerStudioConfig } from '@internal/plugin-sagemaker-studio-node';

/**
 * Problems with the configuration that would otherwise surface later as a
 * stack trace (or not at all). Each message names the key and what to do.
 */
export function findConfigProblems(config: Config): string[] {
  const problems: string[] = [];

  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') === 'pg') {
    // The local default's connection is a string (':memory:'), so read the
    // merged value rather than key by key through the layers.
    const connection = database.getOptional('connection');
    if (typeof connection !== 'string') {
      const fields = (connection ?? {}) as Record<string, unknown>;
      for (const key of ['host', 'user', 'password']) {
        if (typeof fields[key] !== 'string' || fields[key] === '') {
          problems.push(
            `backend.database.connection.${key} is missing: PostgreSQL needs it (set POSTGRES_${key.toUpperCase()} in production)`,
          );
        }
      }
    }
  }

  try {
    const settings = readSageMakerStudioConfig(config);
    if (
      settings.endpoint &&
      config.getOptionalString('auth.environment') === 'production'
    ) {
      problems.push(
        'sageMakerStudio.endpoint is set in production: it points AWS calls at the local sandbox; remove it',
      );
    }
  } catch (error) {
    problems.push((error as Error).message.replace(/^Invalid config /, ''));
  }

  return problems;
}
