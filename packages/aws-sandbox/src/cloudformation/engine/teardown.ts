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

import { creationOrder } from './dependencies';
import {
  CallerContext,
  handlerContext,
  JournalEntry,
  ProvisioningHost,
} from './provisioning';
import { ResourceHandler, ResourceHandlerContext } from './resources/types';
import { recordEvent } from './stackEvents';
import { StackRecord, StackResourceRecord } from './state';
import { Template } from './types';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a resource is being deleted; the policies that keep it depend on it. */
export type DeletionCause = 'delete' | 'rollback' | 'replace';

function isRetained(
  resource: StackResourceRecord,
  cause: DeletionCause,
): boolean {
  if (cause === 'replace') {
    return resource.updateReplacePolicy === 'Retain';
  }
  if (cause === 'rollback') {
    return resource.deletionPolicy === 'Retain';
  }
  return (
    resource.deletionPolicy === 'Retain' ||
    resource.deletionPolicy === 'RetainExceptOnCreate'
  );
}

/** Undoes a failed apply, newest step first; returns the logical ids that could not be undone. */
export async function rollBack(
  host: ProvisioningHost,
  stack: StackRecord,
  journal: JournalEntry[],
  caller: CallerContext,
): Promise<string[]> {
  const failed: string[] = [];
  for (const entry of [...journal].reverse()) {
    const logicalId =
      entry.kind === 'created' ? entry.logicalId : entry.previous.logicalId;
    const current = stack.resources[logicalId];
    const handler = host.registry.handlerFor(current.type);
    const context = handlerContext(
      host,
      stack,
      logicalId,
      current.type,
      caller,
    );
    try {
      if (entry.kind === 'updated') {
        recordEvent(stack, {
          logicalId,
          physicalId: current.physicalId,
          resourceType: current.type,
          status: 'UPDATE_IN_PROGRESS',
        });
        const restored = await handler.update!(
          entry.previous.properties,
          current,
          context,
        );
        stack.resources[logicalId] = {
          ...entry.previous,
          physicalId: restored.physicalId,
          attributes: restored.attributes,
          status: 'UPDATE_COMPLETE',
        };
        recordEvent(stack, {
          logicalId,
          physicalId: restored.physicalId,
          resourceType: current.type,
          status: 'UPDATE_COMPLETE',
        });
      } else {
        await deleteResource(stack, handler, context, current, 'rollback');
        if (entry.kind === 'replaced') {
          stack.resources[logicalId] = {
            ...entry.previous,
            status: 'UPDATE_COMPLETE',
          };
        }
      }
    } catch (error) {
      failed.push(logicalId);
    }
  }
  return failed;
}

/** Deletes one resource, recording the events; throws if the handler fails. */
export async function deleteResource(
  stack: StackRecord,
  handler: ResourceHandler,
  context: ResourceHandlerContext,
  resource: StackResourceRecord,
  cause: DeletionCause = 'delete',
): Promise<void> {
  const { logicalId } = resource;
  if (isRetained(resource, cause)) {
    // The engine forgets the resource, but it stays where it is, as with AWS.
    resource.status = 'DELETE_COMPLETE';
    recordEvent(stack, {
      logicalId,
      physicalId: resource.physicalId,
      resourceType: resource.type,
      status: 'DELETE_SKIPPED',
    });
    return;
  }
  recordEvent(stack, {
    logicalId,
    physicalId: resource.physicalId,
    resourceType: resource.type,
    status: 'DELETE_IN_PROGRESS',
  });
  try {
    if (resource.physicalId) {
      await handler.delete(resource, context);
    }
    resource.status = 'DELETE_COMPLETE';
    resource.statusReason = undefined;
    recordEvent(stack, {
      logicalId,
      physicalId: resource.physicalId,
      resourceType: resource.type,
      status: 'DELETE_COMPLETE',
    });
  } catch (error) {
    resource.status = 'DELETE_FAILED';
    resource.statusReason = errorMessage(error);
    recordEvent(stack, {
      logicalId,
      physicalId: resource.physicalId,
      resourceType: resource.type,
      status: 'DELETE_FAILED',
      statusReason: resource.statusReason,
    });
    throw error;
  }
}

/** Deletes resources (dependents first); returns the logical ids that failed. */
export async function deleteResources(
  host: ProvisioningHost,
  stack: StackRecord,
  resources: StackResourceRecord[],
  caller: CallerContext,
  cause: DeletionCause = 'delete',
): Promise<string[]> {
  const failed: string[] = [];
  for (const resource of resources) {
    if (resource.status === 'DELETE_COMPLETE') {
      continue;
    }
    const context = handlerContext(
      host,
      stack,
      resource.logicalId,
      resource.type,
      caller,
    );
    try {
      await deleteResource(
        stack,
        host.registry.handlerFor(resource.type),
        context,
        resource,
        cause,
      );
    } catch {
      failed.push(resource.logicalId);
    }
  }
  return failed;
}

/** Existing resources, dependents first, following the template they were created from. */
export function deletionOrder(
  stack: StackRecord,
  template: Template | undefined,
): StackResourceRecord[] {
  const existing = Object.values(stack.resources).filter(
    resource => resource.status !== 'DELETE_COMPLETE',
  );
  let order: string[] = [];
  if (template) {
    try {
      order = creationOrder(template);
    } catch {
      order = [];
    }
  }
  const rank = new Map(order.map((logicalId, index) => [logicalId, index]));
  return existing.sort(
    (left, right) =>
      (rank.get(right.logicalId) ?? -1) - (rank.get(left.logicalId) ?? -1),
  );
}
