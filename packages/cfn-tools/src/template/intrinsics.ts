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
/**
 * Pseudo parameters that `Ref` and `Fn::Sub` may name in any template.
 *
 * @public
 */
export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** @public */
export type PlainObject = Record<string, unknown>;

/** @public */
export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The function name of an intrinsic function call (`Ref`, `Fn::Sub`, ...),
 * or undefined when the value is plain data.
 *
 * @public
 */
export function intrinsicName(value: unknown): string | undefined {
  if (!isPlainObject(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return undefined;
  }
  const [key] = keys;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

/** @public */
export type SubPart =
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; name: string };

/**
 * Splits an `Fn::Sub` string into literal text and `${Name}` variables;
 * `${!Text}` is CloudFormation's escape for a literal `${Text}`.
 *
 * @public
 */
export function parseSubString(template: string): SubPart[] {
  const parts: SubPart[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) {
      parts.push({ kind: 'literal', text: template.slice(last, index) });
    }
    const inner = match[1];
    if (inner.startsWith('!')) {
      parts.push({ kind: 'literal', text: `\${${inner.slice(1)}}` });
    } else {
      parts.push({ kind: 'variable', name: inner.trim() });
    }
    last = index + match[0].length;
  }
  if (last < template.length) {
    parts.push({ kind: 'literal', text: template.slice(last) });
  }
  return parts;
}

/**
 * The string and variable map of an `Fn::Sub` argument, in either of its two
 * forms; undefined when the argument is malformed.
 *
 * @public
 */
export function subArguments(
  argument: unknown,
): { template: string; variables: PlainObject } | undefined {
  if (typeof argument === 'string') {
    return { template: argument, variables: {} };
  }
  if (
    Array.isArray(argument) &&
    argument.length === 2 &&
    typeof argument[0] === 'string' &&
    isPlainObject(argument[1])
  ) {
    return { template: argument[0], variables: argument[1] };
  }
  return undefined;
}

/**
 * The resource and attribute of an `Fn::GetAtt` argument; the attribute may
 * itself be an intrinsic, in which case it is returned undefined.
 *
 * @public
 */
export function getAttArguments(
  argument: unknown,
): { resource: string; attribute: string | undefined } | undefined {
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    if (dot < 0) {
      return undefined;
    }
    return {
      resource: argument.slice(0, dot),
      attribute: argument.slice(dot + 1),
    };
  }
  if (
    Array.isArray(argument) &&
    argument.length === 2 &&
    typeof argument[0] === 'string'
  ) {
    return {
      resource: argument[0],
      attribute: typeof argument[1] === 'string' ? argument[1] : undefined,
    };
  }
  return undefined;
}

/** @public */
export interface VisitContext {
  /** Property path from the section root, e.g. `Properties.Tags[0].Value`. */
  path: string;
}

/**
 * Calls the visitor for every intrinsic function call inside the value,
 * outermost first, including calls nested in other calls' arguments.
 *
 * @public
 */
export function visitIntrinsics(
  value: unknown,
  visitor: (name: string, argument: unknown, context: VisitContext) => void,
  path = '',
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      visitIntrinsics(item, visitor, `${path}[${index}]`),
    );
    return;
  }
  if (!isPlainObject(value)) {
    return;
  }
  const name = intrinsicName(value);
  if (name) {
    visitor(name, value[name], { path });
  }
  for (const [key, child] of Object.entries(value)) {
    visitIntrinsics(child, visitor, path ? `${path}.${key}` : key);
  }
}
