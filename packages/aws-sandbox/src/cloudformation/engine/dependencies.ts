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

import { Template, TemplateError } from './types';
import { PSEUDO_PARAMETER_NAMES } from './pseudoParameters';

/** Names an expression refers to through `Ref`, `Fn::GetAtt` and `Fn::Sub`. */
export function referencedNames(
  expression: unknown,
  found: Set<string> = new Set(),
): Set<string> {
  if (Array.isArray(expression)) {
    expression.forEach(item => referencedNames(item, found));
  } else if (expression && typeof expression === 'object') {
    for (const [key, value] of Object.entries(expression)) {
      if (key === 'Ref' && typeof value === 'string') {
        found.add(value);
      } else if (
        key === 'Fn::GetAtt' &&
        Array.isArray(value) &&
        typeof value[0] === 'string'
      ) {
        found.add(value[0]);
        referencedNames(value.slice(1), found);
      } else if (key === 'Fn::Sub') {
        collectSubReferences(value, found);
      } else {
        referencedNames(value, found);
      }
    }
  }
  return found;
}

function collectSubReferences(argument: unknown, found: Set<string>): void {
  const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
  const localNames = new Set(
    variables && typeof variables === 'object' ? Object.keys(variables) : [],
  );
  referencedNames(variables, found);
  if (typeof text !== 'string') {
    return;
  }
  for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    const name = match[1].trim();
    if (!localNames.has(name)) {
      found.add(name.includes('.') ? name.slice(0, name.indexOf('.')) : name);
    }
  }
}

function dependsOnList(dependsOn: string | string[] | undefined): string[] {
  if (!dependsOn) {
    return [];
  }
  return Array.isArray(dependsOn) ? dependsOn : [dependsOn];
}

/** For each resource, the resources it must wait for. Unknown names are a template error. */
export function resourceDependencies(
  template: Template,
): Map<string, Set<string>> {
  const resourceIds = new Set(Object.keys(template.Resources));
  const parameterIds = new Set([
    ...Object.keys(template.Parameters ?? {}),
    ...PSEUDO_PARAMETER_NAMES,
  ]);
  const dependencies = new Map<string, Set<string>>();
  const unresolved = new Set<string>();
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const names = referencedNames(resource.Properties ?? {});
    dependsOnList(resource.DependsOn).forEach(name => names.add(name));
    const resourceNames = new Set<string>();
    for (const name of names) {
      if (resourceIds.has(name)) {
        resourceNames.add(name);
      } else if (!parameterIds.has(name)) {
        unresolved.add(name);
      }
    }
    dependencies.set(logicalId, resourceNames);
  }
  for (const output of Object.values(template.Outputs ?? {})) {
    for (const name of referencedNames(output)) {
      if (!resourceIds.has(name) && !parameterIds.has(name)) {
        unresolved.add(name);
      }
    }
  }
  if (unresolved.size > 0) {
    throw new TemplateError(
      `Template format error: Unresolved resource dependencies [${[
        ...unresolved,
      ].join(', ')}] in the Resources block of the template`,
    );
  }
  return dependencies;
}

/** A creation order in which every resource comes after what it depends on. */
export function creationOrder(template: Template): string[] {
  const dependencies = resourceDependencies(template);
  const order: string[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress && placed.size < dependencies.size) {
    progress = false;
    for (const [logicalId, needs] of dependencies) {
      if (
        !placed.has(logicalId) &&
        [...needs].every(need => placed.has(need))
      ) {
        placed.add(logicalId);
        order.push(logicalId);
        progress = true;
      }
    }
  }
  if (placed.size < dependencies.size) {
    const cyclic = [...dependencies.keys()].filter(
      logicalId => !placed.has(logicalId),
    );
    throw new TemplateError(
      `Template format error: Circular dependency between resources: [${cyclic.join(
        ', ',
      )}]`,
    );
  }
  return order;
}
