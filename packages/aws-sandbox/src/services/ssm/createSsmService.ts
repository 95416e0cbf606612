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

import { paginate } from '../../server/pagination';
import {
  AwsError,
  RequestContext,
  SandboxEnvironment,
  ServiceDefinition,
} from '../../server/types';
import {
  requireEnum,
  requireMembers,
  validationError,
} from '../../server/validation';

interface ParameterRecord {
  account: string;
  region: string;
  name: string;
  type: string;
  value: string;
  version: number;
  lastModifiedDate: number;
  description?: string;
  dataType: string;
  tier: string;
  keyId?: string;
  tags: Array<{ Key: string; Value: string }>;
}

const PARAMETER_TYPES = ['String', 'StringList', 'SecureString'] as const;
const NAME_PATTERN = /^(\/[\w.-]+)+$|^[\w.-]+$/;

function validateName(name: unknown) {
  if (
    typeof name !== 'string' ||
    name.length > 2048 ||
    !NAME_PATTERN.test(name) ||
    /^\/?aws|^\/?ssm/i.test(name)
  ) {
    throw validationError(
      'Name',
      name,
      'Parameter name must be a fully qualified name or a simple name of letters, numbers and .-_ without an aws or ssm prefix',
    );
  }
}

function parameterArn(ctx: RequestContext, name: string) {
  return `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter${
    name.startsWith('/') ? '' : '/'
  }${name}`;
}

/** SSM Parameter Store over JSON 1.1, enough for stacks and the product's settings. */
export function createSsmService(env: SandboxEnvironment): ServiceDefinition {
  const parameters = env.state.table<ParameterRecord>('ssm', 'parameters');
  // Parameters belong to an account and a region, as in AWS.
  const keyOf = (ctx: RequestContext, name: string) =>
    `${ctx.accountId}:${ctx.region}:${name}`;
  const lookup = (ctx: RequestContext, name: string) =>
    parameters.get(keyOf(ctx, name));

  function visibleValue(record: ParameterRecord, withDecryption: unknown) {
    // Without decryption AWS returns the ciphertext; a recognisable stand-in keeps the secret out.
    return record.type === 'SecureString' && withDecryption !== true
      ? Buffer.from(`sandbox-encrypted:${record.name}`).toString('base64')
      : record.value;
  }

  function describe(
    record: ParameterRecord,
    ctx: RequestContext,
    withDecryption: unknown,
  ) {
    return {
      Name: record.name,
      Type: record.type,
      Value: visibleValue(record, withDecryption),
      Version: record.version,
      LastModifiedDate: new Date(record.lastModifiedDate),
      ARN: parameterArn(ctx, record.name),
      DataType: record.dataType,
    };
  }

  function find(ctx: RequestContext, name: string): ParameterRecord {
    const record = lookup(ctx, name);
    if (!record) {
      throw new AwsError('ParameterNotFound', `Parameter ${name} not found.`);
    }
    return record;
  }

  return {
    name: 'ssm',
    signingName: 'ssm',
    protocol: 'json',
    jsonTargetPrefix: 'AmazonSSM',
    operations: {
      PutParameter: (input, ctx) => {
        requireMembers(input, ['Name', 'Value']);
        validateName(input.Name);
        requireEnum(input, 'Type', PARAMETER_TYPES);
        const existing = lookup(ctx, input.Name);
        if (existing && input.Overwrite !== true) {
          throw new AwsError(
            'ParameterAlreadyExists',
            'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
          );
        }
        if (existing && input.Tags?.length) {
          throw new AwsError(
            'ValidationException',
            "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
          );
        }
        if (!existing && !input.Type) {
          throw new AwsError(
            'ValidationException',
            'A parameter type is required when you create a parameter.',
          );
        }
        if (typeof input.Value !== 'string' || input.Value.length > 8192) {
          throw validationError(
            'Value',
            '***',
            'Member must have length less than or equal to 8192',
          );
        }
        const record: ParameterRecord = {
          account: ctx.accountId,
          region: ctx.region,
          name: input.Name,
          type: input.Type ?? existing!.type,
          value: input.Value,
          version: (existing?.version ?? 0) + 1,
          lastModifiedDate: env.clock.now(),
          description: input.Description ?? existing?.description,
          dataType: input.DataType ?? existing?.dataType ?? 'text',
          tier: input.Tier === 'Advanced' ? 'Advanced' : 'Standard',
          keyId: input.KeyId ?? existing?.keyId,
          tags: existing?.tags ?? input.Tags ?? [],
        };
        parameters.set(keyOf(ctx, record.name), record);
        return { Version: record.version, Tier: record.tier };
      },

      GetParameter: (input, ctx) => {
        requireMembers(input, ['Name']);
        return {
          Parameter: describe(find(ctx, input.Name), ctx, input.WithDecryption),
        };
      },

      GetParameters: (input, ctx) => {
        requireMembers(input, ['Names']);
        if (
          !Array.isArray(input.Names) ||
          input.Names.length < 1 ||
          input.Names.length > 10
        ) {
          throw validationError(
            'Names',
            input.Names,
            'Member must have length less than or equal to 10',
          );
        }
        const names = input.Names as string[];
        return {
          Parameters: names
            .filter(name => lookup(ctx, name))
            .map(name =>
              describe(lookup(ctx, name)!, ctx, input.WithDecryption),
            ),
          InvalidParameters: names.filter(name => !lookup(ctx, name)),
        };
      },

      GetParametersByPath: (input, ctx) => {
        requireMembers(input, ['Path']);
        const path: string = input.Path;
        if (!path.startsWith('/')) {
          throw new AwsError(
            'ValidationException',
            'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/".',
          );
        }
        const prefix = path.endsWith('/') ? path : `${path}/`;
        const matching = parameters
          .values()
          .filter(
            record =>
              record.account === ctx.accountId &&
              record.region === ctx.region &&
              record.name.startsWith(prefix),
          )
          .filter(
            record =>
              input.Recursive === true ||
              !record.name.slice(prefix.length).includes('/'),
          )
          .sort((a, b) => a.name.localeCompare(b.name));
        const page = paginate(matching, {
          nextToken: input.NextToken,
          maxResults: input.MaxResults,
          defaultPageSize: 10,
          maxPageSize: 10,
        });
        return {
          Parameters: page.items.map(record =>
            describe(record, ctx, input.WithDecryption),
          ),
          NextToken: page.nextToken,
        };
      },

      DeleteParameter: (input, ctx) => {
        requireMembers(input, ['Name']);
        find(ctx, input.Name);
        parameters.delete(keyOf(ctx, input.Name));
        return {};
      },

      DeleteParameters: (input, ctx) => {
        requireMembers(input, ['Names']);
        const names = input.Names as string[];
        const deleted = names.filter(name =>
          parameters.delete(keyOf(ctx, name)),
        );
        return {
          DeletedParameters: deleted,
          InvalidParameters: names.filter(name => !deleted.includes(name)),
        };
      },
    },
  };
}
