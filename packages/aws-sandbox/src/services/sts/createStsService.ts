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
  AwsError,
  SandboxEnvironment,
  ServiceDefinition,
} from '../../server/types';
import { requireMembers } from '../../server/validation';

const ROLE_ARN_PATTERN =
  /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;

/**
 * STS over the query protocol. Assumed-role credentials use the role's
 * account id as access key, so later calls made with them count as that
 * account's (the sandbox reads the account from 12-digit access keys).
 */
export function createStsService(env: SandboxEnvironment): ServiceDefinition {
  return {
    name: 'sts',
    signingName: 'sts',
    protocol: 'query',
    queryVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    throttlingErrorCode: 'Throttling',
    operations: {
      GetCallerIdentity: (_input, ctx) => ({
        UserId: `AIDA${ctx.accessKeyId
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .padEnd(17, 'X')
          .slice(0, 17)}`,
        Account: ctx.accountId,
        Arn: `arn:aws:iam::${ctx.accountId}:user/sandbox`,
      }),

      AssumeRole: input => {
        requireMembers(
          input,
          ['RoleArn', 'RoleSessionName'],
          'ValidationError',
        );
        const role = ROLE_ARN_PATTERN.exec(input.RoleArn);
        if (!role) {
          throw new AwsError('ValidationError', `${input.RoleArn} is invalid`);
        }
        if (!SESSION_NAME_PATTERN.test(input.RoleSessionName)) {
          throw new AwsError(
            'ValidationError',
            `1 validation error detected: Value '${input.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
          );
        }
        const [, account, roleName] = role;
        const durationSeconds = Number(input.DurationSeconds ?? 3600);
        return {
          Credentials: {
            AccessKeyId: account,
            SecretAccessKey: 'sandbox',
            SessionToken: `sandbox-session-${input.RoleSessionName}`,
            Expiration: new Date(env.clock.now() + durationSeconds * 1000),
          },
          AssumedRoleUser: {
            AssumedRoleId: `AROA${account}:${input.RoleSessionName}`,
            Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${input.RoleSessionName}`,
          },
        };
      },
    },
  };
}
