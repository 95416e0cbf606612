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
import path from 'node:path';
import { intrinsicName, isPlainObject, parseSubString, subArguments } from './intrinsics';
import type { ParsedTemplate, TemplateSet } from './types';

export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * The literal path at the end of a template URL: the whole value when it is
 * a plain string, or the text after the last substitution of an `Fn::Sub` /
 * the last literal element of an `Fn::Join`.
 */
export function literalUrlTail(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  const fn = intrinsicName(value);
  if (!fn) {
    return undefined;
  }
  const argument = (value as Record<string, unknown>)[fn];
  if (fn === 'Fn::Sub') {
    const sub = subArguments(argument);
    const last = sub ? parseSubString(sub.template).at(-1) : undefined;
    return last?.kind === 'literal' ? last.text : undefined;
  }
  if (fn === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
    const last = argument[1].at(-1);
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}

function isRelativeLocalPath(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/');
}

/**
 * Finds the template of the set that a nested stack's `TemplateURL` (or a
 * product's `LoadTemplateFromURL`) points at. A relative path is resolved
 * from the referring template's directory; a URL or `Fn::Sub` is matched by
 * its trailing path segments.
 */
export function resolveTemplateReference(
  urlValue: unknown,
  referrer: ParsedTemplate,
  set: TemplateSet,
): ParsedTemplate | undefined {
  const tail = literalUrlTail(urlValue)?.split('?')[0];
  if (!tail) {
    return undefined;
  }
  if (typeof urlValue === 'string' && isRelativeLocalPath(tail)) {
    const wanted = path.posix.normalize(
      path.posix.join(path.posix.dirname(referrer.file), tail),
    );
    return set.templates.find(t => t.file === wanted);
  }
  const segments = tail.split('/').filter(Boolean);
  if (segments.length === 0) {
    return undefined;
  }
  const candidates = set.templates.filter(t => {
    const fileSegments = t.file.split('/');
    return (
      fileSegments.length >= segments.length &&
      segments.every((segment, i) => fileSegments[fileSegments.length - segments.length + i] === segment)
    );
  });
  // The full tail may contain staging-prefix segments that the set does not
  // have; fall back to the longest suffix that is unique.
  if (candidates.length === 1) {
    return candidates[0];
  }
  for (let start = 1; start < segments.length; start++) {
    const suffix = segments.slice(start);
    const matches = set.templates.filter(t => t.file === suffix.join('/'));
    if (matches.length === 1) {
      return matches[0];
    }
  }
  return undefined;
}

/** The `TemplateURL` of every nested stack resource of a template. */
export function nestedStacks(
  template: ParsedTemplate,
): Array<{ logicalId: string; templateUrl: unknown; parameters: Record<string, unknown> }> {
  return Object.entries(template.body.Resources ?? {})
    .filter(([, resource]) => isPlainObject(resource) && resource.Type === NESTED_STACK_TYPE)
    .map(([logicalId, resource]) => ({
      logicalId,
      templateUrl: resource.Properties?.TemplateURL,
      parameters: isPlainObject(resource.Properties?.Parameters)
        ? (resource.Properties?.Parameters as Record<string, unknown>)
        : {},
    }));
}
