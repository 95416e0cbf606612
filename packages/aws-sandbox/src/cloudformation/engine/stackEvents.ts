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

import { randomUUID } from 'node:crypto';
import { StackEventRecord, StackRecord } from './state';

export const STACK_RESOURCE_TYPE = 'AWS::CloudFormation::Stack';

/**
 * Appends an event. Its time is set when the operation ends (`stampEvents`), so an
 * operation that ran at once still shows its progress over the configured delay.
 */
export function recordEvent(
  stack: StackRecord,
  event: Omit<StackEventRecord, 'eventId' | 'stackId' | 'stackName' | 'at'>,
): void {
  stack.events.push({
    eventId: randomUUID(),
    stackId: stack.stackId,
    stackName: stack.stackName,
    at: Number.MAX_SAFE_INTEGER,
    ...event,
  });
}

/** Moves the stack to a new status and records the stack-level event AWS emits for it. */
export function setStackStatus(
  stack: StackRecord,
  status: string,
  reason?: string,
): void {
  stack.status = status;
  stack.statusReason = reason;
  recordEvent(stack, {
    logicalId: stack.stackName,
    physicalId: stack.stackId,
    resourceType: STACK_RESOURCE_TYPE,
    status,
    statusReason: reason,
  });
}

/** Spreads the events recorded since `fromIndex` evenly from `start` to `start + durationMs`. */
export function stampEvents(
  stack: StackRecord,
  fromIndex: number,
  start: number,
  durationMs: number,
): void {
  const fresh = stack.events.slice(fromIndex);
  fresh.forEach((event, index) => {
    event.at =
      fresh.length === 1
        ? start
        : start + Math.round((durationMs * index) / (fresh.length - 1));
  });
}

/** The time the stack's latest event shows; a new operation starts no earlier. */
export function lastEventTime(stack: StackRecord): number {
  return stack.events.length === 0
    ? 0
    : stack.events[stack.events.length - 1].at;
}

export function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
}

/** Statuses from which UpdateStack is allowed. */
export const UPDATABLE_STATUSES = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
]);

/** Statuses in which a stack's outputs are exported. */
export const EXPORTING_STATUSES = new Set([
  'CREATE_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_FAILED',
  'DELETE_FAILED',
  'DELETE_IN_PROGRESS',
]);
