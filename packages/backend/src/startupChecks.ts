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
import { Config } from '@backstage/config';
import { readSageMakerStudioConfig } from '@internal/plugin-sagemaker-studio-node';

/**
 * Environment variables with which the AWS SDK sends its calls to another
 * endpoint: `AWS_ENDPOINT_URL` and one `AWS_ENDPOINT_URL_<SERVICE>` per
 * service. They would bypass the refusal of `sageMakerStudio.endpoint`.
 */
const AWS_ENDPOINT_VARIABLE = /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/;

/** The shortest static external-access token the backend accepts. */
const MIN_STATIC_TOKEN_LENGTH = 8;

/**
 * Problems with the configuration that would otherwise surface later as a
 * stack trace (or not at all). Each message names the key and what to do.
 * `env` is the backend's environment (for the variables the AWS SDK reads).
 */
export function findConfigProblems(
  config: Config,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const problems: string[] = [];
  const production =
    config.getOptionalString('auth.environment') === 'production';

  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') === 'pg') {
    // The local default's connection is a string (':memory:'), so read the
    // merged value rather than key by key through the layers.
    const connection = database.getOptional('connection');
    if (typeof connection !== 'string') {
      const fields = (connection ?? {}) as Record<string, unknown>;
      for (const key of ['host', 'port', 'user', 'password']) {
        if (
          typeof fields[key] !== 'string' &&
          typeof fields[key] !== 'number'
        ) {
          problems.push(
            `backend.database.connection.${key} is missing: PostgreSQL needs it (set POSTGRES_${key.toUpperCase()} in production)`,
          );
        } else if (String(fields[key]).trim() === '') {
          problems.push(
            `backend.database.connection.${key} is empty: PostgreSQL needs it (set POSTGRES_${key.toUpperCase()} in production)`,
          );
        }
      }
      const port = fields.port;
      if (
        (typeof port === 'string' && port.trim() !== '') ||
        typeof port === 'number'
      ) {
        const number = Number(port);
        if (!Number.isInteger(number) || number < 1 || number > 65535) {
          problems.push(
            `backend.database.connection.port is ${JSON.stringify(
              port,
            )}: it must be a TCP port number, 1 to 65535 (POSTGRES_PORT in production)`,
          );
        }
      }
    }
  }

  try {
    readHttpServerOptions(config.getOptionalConfig('backend'));
  } catch (error) {
    problems.push(
      `backend.listen cannot be read (${
        (error as Error).message
      }): write it as an object, { port, host }, in every config file`,
    );
  }

  if (config.has('backend.auth.keys')) {
    problems.push(
      'backend.auth.keys is deprecated: use backend.auth.externalAccess (type static, with accessRestrictions) instead',
    );
  }
  for (const [index, access] of (
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? []
  ).entries()) {
    if (access.getOptionalString('type') !== 'static') {
      continue;
    }
    const key = `backend.auth.externalAccess[${index}].options.token`;
    const token = access.getOptional('options.token');
    if (typeof token !== 'string' || token === '') {
      problems.push(
        `${key} is missing (set BACKEND_SECRET in production, e.g. to the output of: openssl rand -base64 24)`,
      );
    } else if (token.length < MIN_STATIC_TOKEN_LENGTH || /\s/.test(token)) {
      problems.push(
        `${key} must be at least ${MIN_STATIC_TOKEN_LENGTH} characters without spaces (BACKEND_SECRET in production)`,
      );
    }
  }

  if (production) {
    const endpointVariables = Object.keys(env)
      .filter(name => AWS_ENDPOINT_VARIABLE.test(name) && env[name])
      .sort();
    if (endpointVariables.length > 0) {
      problems.push(
        `${endpointVariables.join(
          ', ',
        )} is set in production: the AWS SDK would send every call there instead of AWS; unset it`,
      );
    }
  }

  if (production) {
    for (const location of config.getOptionalConfigArray('catalog.locations') ??
      []) {
      if (
        /(^|\/)examples\/org\.yaml$/.test(
          location.getOptionalString('target') ?? '',
        )
      ) {
        problems.push(
          `catalog.locations loads ${location.getOptionalString(
            'target',
          )} in production: the example people and admin group are for local use; take the org from your identity provider`,
        );
      }
    }
  }

  try {
    const settings = readSageMakerStudioConfig(config);
    if (settings.endpoint && production) {
      problems.push(
        'sageMakerStudio.endpoint is set in production: it points AWS calls at the local sandbox; remove it',
      );
    }
  } catch (error) {
    problems.push((error as Error).message.replace(/^Invalid config /, ''));
  }

  return problems;
}
