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

import { RequestContext } from '../../server/types';
import { ProvisionedProductStatus } from './shapes';
import {
  ProvisionedProductRecord,
  ProvisioningRecord,
  RecordType,
} from './types';

const IN_PROGRESS = 'IN_PROGRESS';
const IN_PROGRESS_IN_ERROR = 'IN_PROGRESS_IN_ERROR';

/** What each stack status means for a record of each type. */
const RECORD_STATUS_BY_STACK_STATUS: Record<
  RecordType,
  Record<string, string>
> = {
  PROVISION_PRODUCT: {
    REVIEW_IN_PROGRESS: IN_PROGRESS,
    CREATE_IN_PROGRESS: IN_PROGRESS,
    CREATE_FAILED: 'FAILED',
    ROLLBACK_IN_PROGRESS: IN_PROGRESS_IN_ERROR,
    ROLLBACK_COMPLETE: 'FAILED',
    ROLLBACK_FAILED: 'FAILED',
    CREATE_COMPLETE: 'SUCCEEDED',
  },
  UPDATE_PROVISIONED_PRODUCT: {
    UPDATE_IN_PROGRESS: IN_PROGRESS,
    UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: IN_PROGRESS,
    UPDATE_ROLLBACK_IN_PROGRESS: IN_PROGRESS_IN_ERROR,
    UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: IN_PROGRESS_IN_ERROR,
    UPDATE_ROLLBACK_COMPLETE: 'FAILED',
    UPDATE_ROLLBACK_FAILED: 'FAILED',
    UPDATE_COMPLETE: 'SUCCEEDED',
  },
  TERMINATE_PROVISIONED_PRODUCT: {
    DELETE_IN_PROGRESS: IN_PROGRESS,
    DELETE_FAILED: 'FAILED',
    DELETE_COMPLETE: 'SUCCEEDED',
  },
};

const ERROR_CODE: Record<RecordType, string> = {
  PROVISION_PRODUCT: 'CREATE_FAILED',
  UPDATE_PROVISIONED_PRODUCT: 'UPDATE_FAILED',
  TERMINATE_PROVISIONED_PRODUCT: 'DELETE_FAILED',
};

export function isSettled(record: ProvisioningRecord): boolean {
  return record.status === 'SUCCEEDED' || record.status === 'FAILED';
}

export async function describeStack(
  ctx: RequestContext,
  stackId: string,
): Promise<any> {
  const { Stacks } = await ctx.invoke('cloudformation', 'DescribeStacks', {
    StackName: stackId,
  });
  return Stacks[0];
}

/** The first resource failure of the stack's latest operation, which says more than the stack's summary. */
async function firstResourceFailure(
  ctx: RequestContext,
  stackId: string,
): Promise<string | undefined> {
  const { StackEvents } = await ctx.invoke(
    'cloudformation',
    'DescribeStackEvents',
    { StackName: stackId },
  );
  const events = [...(StackEvents as any[])].reverse();
  const lastStart = events
    .map(event => event.ResourceStatusReason)
    .lastIndexOf('User Initiated');
  const failure = events
    .slice(Math.max(0, lastStart))
    .find(
      event =>
        event.ResourceStatus.endsWith('_FAILED') &&
        event.PhysicalResourceId !== stackId &&
        event.ResourceStatusReason,
    );
  return failure
    ? `${failure.LogicalResourceId}: ${failure.ResourceStatusReason}`
    : undefined;
}

/** Brings a record up to date with its stack; a settled record never changes again. */
export async function settleRecord(
  record: ProvisioningRecord,
  product: ProvisionedProductRecord | undefined,
  ctx: RequestContext,
  now: number,
): Promise<void> {
  if (isSettled(record) || !record.stackId) {
    return;
  }
  const stack = await describeStack(ctx, record.stackId);
  const status =
    RECORD_STATUS_BY_STACK_STATUS[record.type][stack.StackStatus] ??
    record.status;
  if (status === record.status) {
    return;
  }
  record.status = status;
  record.updatedTime = now;
  if (status === 'FAILED') {
    const detail = await firstResourceFailure(ctx, record.stackId);
    const summary = stack.StackStatusReason ?? stack.StackStatus;
    record.errors = [
      {
        Code: ERROR_CODE[record.type],
        Description: detail ? `${summary} ${detail}` : summary,
      },
    ];
  }
  if (status === 'SUCCEEDED' && product) {
    if (record.type === 'TERMINATE_PROVISIONED_PRODUCT') {
      product.terminated = true;
    } else {
      product.lastSuccessfulProvisioningRecordId = record.id;
      product.productId = record.productId;
      product.artifactId = record.artifactId;
      product.pathId = record.pathId;
    }
  }
}

/** A provisioned product's status follows its last record, as in AWS. */
export function provisionedProductStatus(
  product: ProvisionedProductRecord,
  lastRecord: ProvisioningRecord | undefined,
): ProvisionedProductStatus {
  if (!lastRecord) {
    return { status: product.planId ? 'PLAN_IN_PROGRESS' : 'UNDER_CHANGE' };
  }
  switch (lastRecord.status) {
    case 'SUCCEEDED':
      return { status: 'AVAILABLE' };
    case 'FAILED':
      return {
        status:
          lastRecord.type === 'UPDATE_PROVISIONED_PRODUCT'
            ? 'TAINTED'
            : 'ERROR',
        statusMessage: lastRecord.errors[0]?.Description,
      };
    default:
      return { status: 'UNDER_CHANGE' };
  }
}
