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
import {
  requireEnum,
  requireMembers,
  requireRange,
} from '../../server/validation';
import { scheduleStatuses } from '../../state';
import {
  liveRecord,
  liveRecords,
  listPage,
  lowerCaseId,
  recordKey,
  REMOVED,
  requireName,
  requireRoleArn,
  requireTags,
  SageMakerRecord,
  sageMakerArn,
  times,
  withoutTags,
} from './common';
import type { SageMakerDeps } from './tables';

const ENABLED_DISABLED = ['Enabled', 'Disabled'] as const;

export function describeNotebookInstance(record: SageMakerRecord) {
  const { SecurityGroupIds, ...input } = record.input;
  return {
    ...input,
    NotebookInstanceArn: record.arn,
    NotebookInstanceStatus: record.status,
    Url: record.extra.Url,
    SecurityGroups: SecurityGroupIds,
    NetworkInterfaceId: input.SubnetId
      ? record.extra.NetworkInterfaceId
      : undefined,
    DirectInternetAccess: input.DirectInternetAccess ?? 'Enabled',
    RootAccess: input.RootAccess ?? 'Enabled',
    VolumeSizeInGB: input.VolumeSizeInGB ?? 5,
    PlatformIdentifier: input.PlatformIdentifier ?? 'notebook-al2-v3',
    ...times(record),
  };
}

export function createNotebookInstanceOperations(
  deps: SageMakerDeps,
): Record<string, OperationHandler> {
  const { env, tables } = deps;
  const table = tables.notebookInstances;
  const now = () => env.clock.now();

  function find(ctx: RequestContext, name: unknown): SageMakerRecord {
    const record =
      typeof name === 'string'
        ? liveRecord(table, recordKey(ctx, name), now())
        : undefined;
    if (!record) {
      // AWS answers a missing notebook instance with a validation error, not ResourceNotFound.
      throw new AwsError('ValidationException', 'RecordNotFound');
    }
    return record;
  }

  function requireStatus(
    record: SageMakerRecord,
    allowed: string[],
    target: string,
  ) {
    if (!allowed.includes(record.status)) {
      throw new AwsError(
        'ValidationException',
        `Status (${record.status}) not in ([${allowed.join(
          ', ',
        )}]). Unable to transition to (${target}) for Notebook Instance (${
          record.arn
        }).`,
      );
    }
  }

  return {
    CreateNotebookInstance: (input, ctx) => {
      requireMembers(input, [
        'NotebookInstanceName',
        'InstanceType',
        'RoleArn',
      ]);
      requireName(input, 'NotebookInstanceName');
      requireRoleArn(input, 'RoleArn');
      requireEnum(input, 'DirectInternetAccess', ENABLED_DISABLED);
      requireEnum(input, 'RootAccess', ENABLED_DISABLED);
      requireRange(input, 'VolumeSizeInGB', 5, 16384);
      requireTags(input.Tags);
      if (input.DirectInternetAccess === 'Disabled' && !input.SubnetId) {
        throw new AwsError(
          'ValidationException',
          'A subnet is required when direct internet access is disabled.',
        );
      }
      const name: string = input.NotebookInstanceName;
      const arn = sageMakerArn(ctx, 'notebook-instance', name);
      if (liveRecord(table, recordKey(ctx, name), now())) {
        throw new AwsError(
          'ValidationException',
          `Cannot create a duplicate Notebook Instance (${arn})`,
        );
      }
      const time = now();
      const record: SageMakerRecord = {
        arn,
        name,
        account: ctx.accountId,
        region: ctx.region,
        status: 'Pending',
        creationTime: time,
        lastModifiedTime: time,
        input: withoutTags(input),
        tags: input.Tags ?? [],
        extra: {
          Url: `${name.toLowerCase()}-${lowerCaseId(8)}.notebook.${
            ctx.region
          }.sagemaker.aws`,
          NetworkInterfaceId: `eni-${lowerCaseId(17)}`,
        },
      };
      scheduleStatuses(record, time, [['InService', env.settings.delayMs]]);
      table.set(recordKey(ctx, name), record);
      return { NotebookInstanceArn: arn };
    },

    DescribeNotebookInstance: (input, ctx) => {
      requireMembers(input, ['NotebookInstanceName']);
      return describeNotebookInstance(find(ctx, input.NotebookInstanceName));
    },

    ListNotebookInstances: (input, ctx) => {
      const page = listPage(liveRecords(table, ctx, now()), input);
      return {
        NotebookInstances: page.items.map(record => ({
          NotebookInstanceName: record.name,
          NotebookInstanceArn: record.arn,
          NotebookInstanceStatus: record.status,
          Url: record.extra.Url,
          InstanceType: record.input.InstanceType,
          ...times(record),
        })),
        NextToken: page.nextToken,
      };
    },

    StopNotebookInstance: (input, ctx) => {
      requireMembers(input, ['NotebookInstanceName']);
      const record = find(ctx, input.NotebookInstanceName);
      requireStatus(record, ['InService'], 'Stopping');
      scheduleStatuses(record, now(), [
        ['Stopping', 0],
        ['Stopped', env.settings.delayMs],
      ]);
      return {};
    },

    StartNotebookInstance: (input, ctx) => {
      requireMembers(input, ['NotebookInstanceName']);
      const record = find(ctx, input.NotebookInstanceName);
      requireStatus(record, ['Stopped', 'Failed'], 'Pending');
      scheduleStatuses(record, now(), [
        ['Pending', 0],
        ['InService', env.settings.delayMs],
      ]);
      return {};
    },

    DeleteNotebookInstance: (input, ctx) => {
      requireMembers(input, ['NotebookInstanceName']);
      const record = find(ctx, input.NotebookInstanceName);
      requireStatus(record, ['Stopped', 'Failed'], 'Deleting');
      scheduleStatuses(record, now(), [
        ['Deleting', 0],
        [REMOVED, env.settings.delayMs],
      ]);
      return {};
    },
  };
}
