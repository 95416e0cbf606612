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
import {
  intrinsicName,
  parseSubString,
  PSEUDO_PARAMETERS,
  subArguments,
} from '../template/intrinsics';

/**
 * A name that is only partly known before deployment, such as an export
 * name built with `Fn::Sub`: literal text with wildcards where parameters,
 * pseudo parameters or resource values are substituted.
 *
 * @public
 */
export interface NamePattern {
  /** Literal characters and `null` for a wildcard (any text). */
  tokens: Array<string | null>;
  /** True when it contains the stack name or ID, so two stacks never share it. */
  stackUnique: boolean;
}

const STACK_UNIQUE = new Set(['AWS::StackName', 'AWS::StackId']);

function literalTokens(text: string): string[] {
  return [...text];
}

/**
 * The pattern of a literal string, `Fn::Sub`, `Fn::Join` or `Ref`; undefined
 * when the value's shape cannot be known (e.g. `Fn::ImportValue`).
 *
 * @public
 */
export function namePattern(value: unknown): NamePattern | undefined {
  if (typeof value === 'string') {
    return { tokens: literalTokens(value), stackUnique: false };
  }
  const fn = intrinsicName(value);
  const argument = fn ? (value as Record<string, unknown>)[fn] : undefined;
  if (fn === 'Ref') {
    return { tokens: [null], stackUnique: STACK_UNIQUE.has(String(argument)) };
  }
  if (fn === 'Fn::Sub') {
    const sub = subArguments(argument);
    if (!sub) return undefined;
    const tokens: Array<string | null> = [];
    let stackUnique = false;
    for (const part of parseSubString(sub.template)) {
      if (part.kind === 'literal') {
        tokens.push(...literalTokens(part.text));
        continue;
      }
      const local = sub.variables[part.name];
      if (typeof local === 'string') {
        tokens.push(...literalTokens(local));
        continue;
      }
      const inner = local === undefined ? undefined : namePattern(local);
      stackUnique ||= STACK_UNIQUE.has(part.name) || Boolean(inner?.stackUnique);
      tokens.push(null);
    }
    return { tokens, stackUnique };
  }
  if (fn === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
    const tokens: Array<string | null> = [];
    let stackUnique = false;
    argument[1].forEach((element, index) => {
      if (index > 0) tokens.push(...literalTokens(argument[0] as string));
      const inner = namePattern(element);
      stackUnique ||= Boolean(inner?.stackUnique);
      tokens.push(...(inner ? inner.tokens : [null]));
    });
    return { tokens, stackUnique };
  }
  if (fn && PSEUDO_PARAMETERS.has(String(argument))) {
    return { tokens: [null], stackUnique: false };
  }
  return undefined;
}

/** Text form of a pattern, with `*` for each wildcard. */
export function patternText(pattern: NamePattern): string {
  return pattern.tokens
    .map(token => (token === null ? '*' : token))
    .join('')
    .replace(/\*+/g, '*');
}

/** True when the pattern is nothing but wildcards, so it says nothing. */
export function isOpaquePattern(pattern: NamePattern): boolean {
  return pattern.tokens.every(token => token === null);
}

/**
 * Whether some name could match both patterns. Each wildcard may stand for
 * any text, on either side.
 *
 * @public
 */
export function patternsOverlap(a: NamePattern, b: NamePattern): boolean {
  const left = a.tokens;
  const right = b.tokens;
  const memo = new Map<number, boolean>();
  const overlap = (i: number, j: number): boolean => {
    const key = i * (right.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === left.length && j === right.length) {
      result = true;
    } else if (i < left.length && left[i] === null) {
      result = overlap(i + 1, j) || (j < right.length && overlap(i, j + 1));
    } else if (j < right.length && right[j] === null) {
      result = overlap(i, j + 1) || (i < left.length && overlap(i + 1, j));
    } else if (i < left.length && j < right.length) {
      result = left[i] === right[j] && overlap(i + 1, j + 1);
    } else {
      result = false;
    }
    memo.set(key, result);
    return result;
  };
  return overlap(0, 0);
}
