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

export function now(): string {
  return new Date().toISOString();
}

/** Appends an event; events are kept newest first, as DescribeStackEvents returns them. */
export function recordEvent(
  stack: StackRecord,
  event: Omit<StackEventRecord, 'eventId' | 'stackId' | 'stackName' | 'timestamp'>,
): void {
  stack.events.unshift({
    eventId: event.logicalId === stack.stackName ? randomUUID() : `${event.logicalId}-${event.status}-${now()}`,
    stackId: stack.stackId,
    stackName: stack.stackName,
    timestamp: now(),
    ...event,
  });
}

/** Moves the stack to a new status and records the stack-level event AWS emits for it. */
export function setStackStatus(stack: StackRecord, status: string, reason?: string): void {
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

export function isTerminalStatus(status: string): boolean {
  return !status.endsWith('_IN_PROGRESS');
}

/** Statuses from which UpdateStack is allowed. */
export const UPDATABLE_STATUSES = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE']);
