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
import { intrinsicName, isPlainObject } from '../../template/intrinsics';
import type { ParsedTemplate } from '../../template/types';
import { renderValue } from '../renderValue';

/**
 * An IAM policy statement with every value rendered to a string
 * (see `renderValue`), so statements can be evaluated and compared.
 *
 * @public
 */
export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  /** Principal values of a resource policy, `*` for anyone. */
  principals?: string[];
  /** operator → condition key → values */
  conditions: Record<string, Record<string, string[]>>;
  /**
   * True when the statement sits in an `Fn::If` branch, so it exists only
   * for some parameter values. Evaluation assumes the worst case: such an
   * Allow may be there, such a Deny may not.
   */
  conditional: boolean;
}

function asList(value: unknown, template: ParsedTemplate): string[] | undefined {
  if (value === undefined) return undefined;
  // Either branch of an Fn::If may be deployed, so both count.
  const items = branches(value).flatMap(({ value: branch }) => (Array.isArray(branch) ? branch : [branch]));
  return items.flatMap(item => branches(item).map(({ value: v }) => renderValue(v, template)));
}

function principalList(value: unknown, template: ParsedTemplate): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return ['*'];
  if (!isPlainObject(value)) return asList(value, template);
  return Object.values(value).flatMap(v => asList(v, template) ?? []);
}

function conditionBlock(
  value: unknown,
  template: ParsedTemplate,
): Record<string, Record<string, string[]>> {
  if (!isPlainObject(value)) return {};
  const result: Record<string, Record<string, string[]>> = {};
  for (const [operator, keys] of Object.entries(value)) {
    if (!isPlainObject(keys)) continue;
    result[operator] = {};
    for (const [key, values] of Object.entries(keys)) {
      result[operator][key] = asList(values, template) ?? [];
    }
  }
  return result;
}

/**
 * The statements of a policy document as written in a template.
 *
 * @public
 */
export function policyStatements(document: unknown, template: ParsedTemplate): PolicyStatement[] {
  if (!isPlainObject(document)) return [];
  const raw = document.Statement;
  const listed = raw === undefined ? [] : ([] as unknown[]).concat(raw);
  const candidates = listed.flatMap(item => branches(item));
  return candidates
    .filter(({ value }) => isPlainObject(value) && (value.Effect === 'Allow' || value.Effect === 'Deny'))
    .map(({ value, conditional }) => toStatement(value as Record<string, unknown>, conditional, template));
}

/** The statement itself, or both branches of an `Fn::If`, marked conditional. */
function branches(item: unknown, conditional = false): Array<{ value: unknown; conditional: boolean }> {
  const fn = intrinsicName(item);
  if (fn === 'Fn::If') {
    const argument = (item as Record<string, unknown>)[fn];
    if (!Array.isArray(argument) || argument.length !== 3) return [];
    return [...branches(argument[1], true), ...branches(argument[2], true)];
  }
  if (fn === 'Ref' && (item as Record<string, unknown>).Ref === 'AWS::NoValue') return [];
  return [{ value: item, conditional }];
}

function toStatement(statement: Record<string, unknown>, conditional: boolean, template: ParsedTemplate): PolicyStatement {
  return {
    sid: typeof statement.Sid === 'string' ? statement.Sid : undefined,
    effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: asList(statement.Action, template),
    notActions: asList(statement.NotAction, template),
    resources: asList(statement.Resource, template),
    notResources: asList(statement.NotResource, template),
    principals: principalList(statement.Principal, template),
    conditions: conditionBlock(statement.Condition, template),
    conditional,
  };
}

/** All condition keys a statement tests, lower-cased. */
export function conditionKeys(statement: PolicyStatement): string[] {
  return Object.values(statement.conditions).flatMap(keys =>
    Object.keys(keys).map(key => key.toLowerCase()),
  );
}

/** The values a statement compares a condition key with under an operator (case-insensitive key). */
export function conditionValues(
  statement: PolicyStatement,
  operator: string,
  key: string,
): string[] | undefined {
  const block = Object.entries(statement.conditions).find(
    ([name]) => name.toLowerCase() === operator.toLowerCase(),
  )?.[1];
  if (!block) return undefined;
  return Object.entries(block).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
}
