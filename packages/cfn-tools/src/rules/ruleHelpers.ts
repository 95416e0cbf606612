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
import { isPlainObject } from '../template/intrinsics';
import type { Finding, ParsedTemplate, TemplateSet } from '../template/types';

export const TEAM_ENVIRONMENT_FILE = /(^|\/)products\/team-environment\.ya?ml$/;
export const USER_PROFILE_V1_FILE = /(^|\/)products\/user-profile-v1\.ya?ml$/;
export const USER_PROFILE_V2_FILE = /(^|\/)products\/user-profile-v2\.ya?ml$/;
export const USER_PROFILE_FILE = /(^|\/)products\/user-profile-v\d+\.ya?ml$/;
export const STUDIO_DOMAIN_FILE = /(^|\/)products\/studio-domain\.ya?ml$/;
export const NETWORK_FILE = /(^|\/)shared\/network\.ya?ml$/;
export const DATA_LAKE_FILE = /(^|\/)shared\/data-lake\.ya?ml$/;

export function templatesMatching(set: TemplateSet, file: RegExp): ParsedTemplate[] {
  return set.templates.filter(template => file.test(template.file));
}

/** Collects violations of one rule with the rule's name as their check. */
export class Violations {
  readonly findings: Finding[] = [];

  constructor(private readonly rule: string) {}

  add(template: ParsedTemplate | string, logicalId: string, message: string): void {
    this.findings.push({
      file: typeof template === 'string' ? template : template.file,
      logicalId,
      check: this.rule,
      message,
    });
  }
}

export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** The value at a dotted path of plain mappings, e.g. `DefaultUserSettings.StudioWebPortal`. */
export function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>(
    (current, key) => (isPlainObject(current) ? current[key] : undefined),
    value,
  );
}

/** Every key of a value's nested mappings, at any depth. */
export function* nestedKeys(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nestedKeys(item);
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      yield key;
      yield* nestedKeys(child);
    }
  }
}

/** Tag keys of a resource's `Tags`, whether a Key/Value list or a map. */
export function tagKeys(tags: unknown): string[] {
  if (Array.isArray(tags)) {
    return tags.filter(isPlainObject).map(tag => String(tag.Key));
  }
  return isPlainObject(tags) ? Object.keys(tags) : [];
}
