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

import { AwsError, OperationHandler, RequestContext } from '../../server/types';
import { requireMembers } from '../../server/validation';
import type { StateTable } from '../../state';
import {
  liveRecord,
  liveRecords,
  listPage,
  recordKey,
  requireName,
  requireRoleArn,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  withoutTags,
} from './common';
import type { SageMakerDeps } from './tables';

/** Models and endpoint configurations: synchronous resources without status. */
interface DefinitionKind {
  noun: string;
  label: string;
  nameMember: string;
  arnMember: string;
  arnType: string;
  listMember: string;
  required: string[];
  table(deps: SageMakerDeps): StateTable<SageMakerRecord>;
  defaults?: Record<string, unknown>;
}

export const MODEL: DefinitionKind = {
  noun: 'Model',
  label: 'model',
  nameMember: 'ModelName',
  arnMember: 'ModelArn',
  arnType: 'model',
  listMember: 'Models',
  required: ['ModelName'],
  table: deps => deps.tables.models,
  defaults: { EnableNetworkIsolation: false },
};

export const ENDPOINT_CONFIG: DefinitionKind = {
  noun: 'EndpointConfig',
  label: 'endpoint configuration',
  nameMember: 'EndpointConfigName',
  arnMember: 'EndpointConfigArn',
  arnType: 'endpoint-config',
  listMember: 'EndpointConfigs',
  required: ['EndpointConfigName', 'ProductionVariants'],
  table: deps => deps.tables.endpointConfigs,
};

export function describeDefinition(
  kind: DefinitionKind,
  record: SageMakerRecord,
) {
  return {
    ...kind.defaults,
    ...record.input,
    [kind.arnMember]: record.arn,
    CreationTime: new Date(record.creationTime),
  };
}

function createDefinitionOperations(
  deps: SageMakerDeps,
  kind: DefinitionKind,
): Record<string, OperationHandler> {
  const table = kind.table(deps);
  const now = () => deps.env.clock.now();

  function find(ctx: RequestContext, name: unknown): SageMakerRecord {
    const record =
      typeof name === 'string'
        ? liveRecord(table, recordKey(ctx, name), now())
        : undefined;
    if (!record) {
      // AWS answers a missing model or endpoint configuration with a validation error.
      throw new AwsError(
        'ValidationException',
        `Could not find ${kind.label} "${sageMakerArn(
          ctx,
          kind.arnType,
          String(name),
        )}".`,
      );
    }
    return record;
  }

  return {
    [`Create${kind.noun}`]: (input, ctx) => {
      requireMembers(input, kind.required);
      requireName(input, kind.nameMember);
      requireRoleArn(input, 'ExecutionRoleArn', false);
      requireTags(input.Tags);
      const name: string = input[kind.nameMember];
      const arn = sageMakerArn(ctx, kind.arnType, name);
      if (liveRecord(table, recordKey(ctx, name), now())) {
        throw new AwsError(
          'ValidationException',
          `Cannot create already existing ${kind.label} "${arn}".`,
        );
      }
      const time = now();
      table.set(recordKey(ctx, name), {
        arn,
        name,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Created',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: {},
      });
      return { [kind.arnMember]: arn };
    },

    [`Describe${kind.noun}`]: (input, ctx) => {
      requireMembers(input, [kind.nameMember]);
      return describeDefinition(kind, find(ctx, input[kind.nameMember]));
    },

    [`List${kind.noun}s`]: (input, ctx) => {
      const page = listPage(liveRecords(table, ctx, now()), input);
      return {
        [kind.listMember]: page.items.map(record => ({
          [kind.nameMember]: record.name,
          [kind.arnMember]: record.arn,
          CreationTime: new Date(record.creationTime),
        })),
        NextToken: page.nextToken,
      };
    },

    [`Delete${kind.noun}`]: (input, ctx) => {
      requireMembers(input, [kind.nameMember]);
      find(ctx, input[kind.nameMember]);
      table.delete(recordKey(ctx, input[kind.nameMember]));
      return {};
    },
  };
}

export function createModelOperations(deps: SageMakerDeps) {
  return {
    ...createDefinitionOperations(deps, MODEL),
    ...createDefinitionOperations(deps, ENDPOINT_CONFIG),
  };
}
