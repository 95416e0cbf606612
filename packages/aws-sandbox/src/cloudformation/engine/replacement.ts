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

import { canonicalJson } from './compare';
import { ResourceHandler } from './resources/types';
import { TemplateValue } from './types';
import replacementRules from './replacementRules.json';

/**
 * What the CloudFormation resource schema says about updating one resource type, taken from
 * `@aws-cdk/aws-service-spec` (see `replacementRules.test.ts`, which regenerates the data).
 */
export interface ReplacementRule {
  /** Create-only property paths (`Name`, or `Settings/Nested/Name` for a nested property): a change replaces. */
  createOnly: string[];
  /** Paths whose change may replace, depending on the values (change sets say `Conditional`). */
  conditional: string[];
  /** Properties that name the resource; when all are set and unchanged, a replacement would collide. */
  customName: string[];
}

export type Replacement = 'True' | 'False' | 'Conditional';

const RULES: Record<string, ReplacementRule> = replacementRules.resourceTypes;

/** The rule for a type: the schema's, or the handler's own list for a type the schema data lacks. */
export function replacementRuleFor(
  resourceType: string,
  handler: ResourceHandler,
): ReplacementRule {
  return (
    RULES[resourceType] ?? {
      createOnly: handler.replacementProperties ?? [],
      conditional: [],
      customName: [],
    }
  );
}

/** The value at a property path, through arrays element by element. */
function valueAt(value: unknown, path: string[]): unknown {
  if (path.length === 0) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(item => valueAt(item, path));
  }
  if (value && typeof value === 'object') {
    return valueAt((value as Record<string, unknown>)[path[0]], path.slice(1));
  }
  return undefined;
}

function touches(
  paths: string[],
  before: Record<string, TemplateValue>,
  after: Record<string, TemplateValue> | undefined,
  changed: string[],
): boolean {
  return paths.some(path => {
    const segments = path.split('/');
    if (!changed.includes(segments[0])) {
      return false;
    }
    // Without the new values (they depend on resources not created yet) any path may change.
    return (
      after === undefined ||
      canonicalJson(valueAt(before, segments)) !==
        canonicalJson(valueAt(after, segments))
    );
  });
}

/**
 * Whether changing `changed` (top-level names) from `before` to `after` replaces the resource,
 * as a change set reports it. `after` is undefined when the new values are not known yet.
 * The update itself replaces only on `True`: a `Conditional` path updates in place.
 */
export function replacementFor(
  resourceType: string,
  handler: ResourceHandler,
  before: Record<string, TemplateValue>,
  after: Record<string, TemplateValue> | undefined,
  changed: string[],
): Replacement {
  const rule = replacementRuleFor(resourceType, handler);
  if (!handler.update || touches(rule.createOnly, before, after, changed)) {
    return after === undefined ? 'Conditional' : 'True';
  }
  return touches(rule.conditional, before, after, changed)
    ? 'Conditional'
    : 'False';
}

/**
 * AWS's refusal to replace a resource whose custom name stays the same (the new resource
 * could not be created beside the old one), or undefined when the replacement may go ahead.
 */
export function customNameConflict(
  resourceType: string,
  handler: ResourceHandler,
  physicalId: string,
  before: Record<string, TemplateValue>,
  after: Record<string, TemplateValue>,
): string | undefined {
  const { customName } = replacementRuleFor(resourceType, handler);
  const collides =
    customName.length > 0 &&
    customName.every(
      name =>
        before[name] !== undefined &&
        canonicalJson(before[name]) === canonicalJson(after[name]),
    );
  return collides
    ? `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${physicalId} and update the stack again.`
    : undefined;
}
