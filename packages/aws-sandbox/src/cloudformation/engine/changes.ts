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

import { changedProperties } from './compare';
import { resolveDynamicReferences } from './dynamicReferences';
import { replacementFor } from './replacement';
import { Invoke } from './templateSource';
import { evaluate } from './intrinsics';
import {
  activeResourceOrder,
  ProvisioningHost,
  scopeFor,
} from './provisioning';
import { ResourceChangeRecord, StackRecord } from './state';
import { Template, TemplateValue } from './types';

/**
 * What applying `template` to `stack` would do, resource by resource, as a change set
 * (and a Service Catalog plan) reports it. Nothing is provisioned.
 */
export async function computeChanges(
  host: ProvisioningHost,
  stack: StackRecord,
  template: Template,
  parameterValues: Record<string, TemplateValue>,
  invoke: Invoke,
): Promise<ResourceChangeRecord[]> {
  const scope = scopeFor(stack, template, parameterValues, host);
  const order = activeResourceOrder(template, scope);
  const existing = Object.fromEntries(
    Object.values(stack.resources)
      .filter(
        resource =>
          resource.status !== 'DELETE_COMPLETE' &&
          !resource.status.endsWith('_FAILED'),
      )
      .map(resource => [resource.logicalId, resource]),
  );
  const changes: ResourceChangeRecord[] = [];
  for (const logicalId of order) {
    const declaration = template.Resources[logicalId];
    const current = existing[logicalId];
    if (!current) {
      changes.push({
        action: 'Add',
        logicalId,
        resourceType: declaration.Type,
        scope: [],
        changedProperties: [],
      });
      continue;
    }
    if (current.type !== declaration.Type) {
      changes.push({
        action: 'Modify',
        logicalId,
        physicalId: current.physicalId,
        resourceType: declaration.Type,
        replacement: 'True',
        scope: ['Properties'],
        changedProperties: [],
      });
      continue;
    }
    const handler = host.registry.handlerFor(declaration.Type);
    let changed: string[];
    let properties: Record<string, TemplateValue> | undefined;
    try {
      properties = (await resolveDynamicReferences(
        evaluate(declaration.Properties ?? {}, scope),
        invoke,
      )) as Record<string, TemplateValue>;
      changed = changedProperties(current.properties, properties);
    } catch {
      // The new value depends on a resource that does not exist yet, so it is only known at execution.
      changed = Object.keys(declaration.Properties ?? {});
    }
    if (changed.length === 0) {
      continue;
    }
    changes.push({
      action: 'Modify',
      logicalId,
      physicalId: current.physicalId,
      resourceType: declaration.Type,
      replacement: replacementFor(
        declaration.Type,
        handler,
        current.properties,
        properties,
        changed,
      ),
      scope: ['Properties'],
      changedProperties: changed,
    });
  }
  const active = new Set(order);
  for (const current of Object.values(existing)) {
    if (!active.has(current.logicalId)) {
      changes.push({
        action: 'Remove',
        logicalId: current.logicalId,
        physicalId: current.physicalId,
        resourceType: current.type,
        scope: [],
        changedProperties: [],
      });
    }
  }
  return changes;
}
