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
  Template,
  TemplateError,
  TemplateValue,
  ProvisionedResourceView,
} from './types';
import { cidrSubnets } from './cidr';

/** `Ref: AWS::NoValue`: the property or list element it stands in is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Everything an intrinsic function may look at while a template is evaluated. */
export interface EvaluationScope {
  region: string;
  /** Parameter values for `Ref`, including pseudo parameters. */
  parameters: Record<string, TemplateValue>;
  mappings: NonNullable<Template['Mappings']>;
  /** Every resource the template declares, provisioned or not. */
  declaredResources: ReadonlySet<string>;
  /** Resources provisioned so far. */
  resources: Record<string, ProvisionedResourceView>;
  isConditionTrue(name: string): boolean;
  importValue(exportName: string): string;
}

type Intrinsic = (argument: unknown, scope: EvaluationScope) => unknown;

const INTRINSICS: Record<string, Intrinsic> = {
  Ref: ref,
  Condition: (argument, scope) =>
    scope.isConditionTrue(evaluateString(argument, scope, 'Condition')),
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::If': fnIf,
  'Fn::Equals': equals,
  'Fn::Not': (argument, scope) =>
    !conditionValue(argumentsOf(argument, 1, 'Fn::Not')[0], scope),
  'Fn::And': (argument, scope) =>
    argumentsOf(argument, 2, 'Fn::And').every(item =>
      conditionValue(item, scope),
    ),
  'Fn::Or': (argument, scope) =>
    argumentsOf(argument, 2, 'Fn::Or').some(item =>
      conditionValue(item, scope),
    ),
  'Fn::ImportValue': (argument, scope) =>
    scope.importValue(evaluateString(argument, scope, 'Fn::ImportValue')),
  'Fn::FindInMap': findInMap,
  'Fn::GetAZs': getAzs,
  'Fn::Base64': (argument, scope) =>
    Buffer.from(evaluateString(argument, scope, 'Fn::Base64'), 'utf8').toString(
      'base64',
    ),
  'Fn::Cidr': cidr,
  'Fn::Length': (argument, scope) =>
    evaluateList(argument, scope, 'Fn::Length').length,
  'Fn::ToJsonString': (argument, scope) =>
    JSON.stringify(evaluateRaw(argument, scope)),
  'Fn::Transform': () => {
    throw new TemplateError(
      'Template format error: Fn::Transform (macros) is not supported by the sandbox',
    );
  },
};

/** Evaluates an expression and returns plain data with `AWS::NoValue` removed. */
export function evaluate(
  expression: unknown,
  scope: EvaluationScope,
): TemplateValue {
  const value = evaluateRaw(expression, scope);
  return (value === NO_VALUE ? null : value) as TemplateValue;
}

function evaluateRaw(expression: unknown, scope: EvaluationScope): unknown {
  if (Array.isArray(expression)) {
    return expression
      .map(item => evaluateRaw(item, scope))
      .filter(item => item !== NO_VALUE);
  }
  if (expression && typeof expression === 'object') {
    const keys = Object.keys(expression);
    if (keys.length === 1 && INTRINSICS[keys[0]]) {
      return INTRINSICS[keys[0]](
        (expression as Record<string, unknown>)[keys[0]],
        scope,
      );
    }
    const result: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(expression)) {
      const value = evaluateRaw(member, scope);
      if (value !== NO_VALUE) {
        result[key] = value;
      }
    }
    return result;
  }
  return expression;
}

function evaluateString(
  expression: unknown,
  scope: EvaluationScope,
  functionName: string,
): string {
  const value = evaluateRaw(expression, scope);
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new TemplateError(
      `Template error: every ${functionName} object requires a string parameter`,
    );
  }
  return value;
}

function evaluateList(
  expression: unknown,
  scope: EvaluationScope,
  functionName: string,
): unknown[] {
  const value = evaluateRaw(expression, scope);
  if (!Array.isArray(value)) {
    throw new TemplateError(
      `Template error: ${functionName} requires a list argument`,
    );
  }
  return value;
}

function argumentsOf(
  argument: unknown,
  count: number,
  functionName: string,
): unknown[] {
  if (!Array.isArray(argument) || argument.length < count) {
    throw new TemplateError(
      `Template error: ${functionName} requires a list of ${count} arguments`,
    );
  }
  return argument;
}

function ref(argument: unknown, scope: EvaluationScope): unknown {
  const name = evaluateString(argument, scope, 'Ref');
  if (name === 'AWS::NoValue') {
    return NO_VALUE;
  }
  if (name in scope.parameters) {
    return scope.parameters[name];
  }
  const resource = scope.resources[name];
  if (resource) {
    return resource.physicalId;
  }
  if (scope.declaredResources.has(name)) {
    throw new TemplateError(
      `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
    );
  }
  throw new TemplateError(
    `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
  );
}

function getAtt(argument: unknown, scope: EvaluationScope): unknown {
  const [logicalId, attributeExpression] = argumentsOf(
    argument,
    2,
    'Fn::GetAtt',
  );
  const attribute = evaluateString(attributeExpression, scope, 'Fn::GetAtt');
  return readAttribute(String(logicalId), attribute, scope);
}

function readAttribute(
  logicalId: string,
  attribute: string,
  scope: EvaluationScope,
): unknown {
  const resource = scope.resources[logicalId];
  if (!resource) {
    throw new TemplateError(
      `Template format error: Unresolved resource dependencies [${logicalId}] in the Resources block of the template`,
    );
  }
  if (!(attribute in resource.attributes)) {
    if (resource.lenientAttributes) {
      return `${resource.physicalId}.${attribute}`;
    }
    throw new TemplateError(
      `Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`,
    );
  }
  return resource.attributes[attribute];
}

function sub(argument: unknown, scope: EvaluationScope): unknown {
  const [template, variableExpressions] = Array.isArray(argument)
    ? argument
    : [argument, {}];
  if (typeof template !== 'string') {
    throw new TemplateError(
      'Template error: Fn::Sub requires a string as its first argument',
    );
  }
  const variables = (evaluateRaw(variableExpressions ?? {}, scope) ??
    {}) as Record<string, unknown>;
  return template.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) {
      return `\${${name.slice(1)}}`;
    }
    const trimmed = name.trim();
    let value: unknown;
    if (trimmed in variables) {
      value = variables[trimmed];
    } else if (trimmed.includes('.') && !(trimmed in scope.parameters)) {
      const dot = trimmed.indexOf('.');
      value = readAttribute(
        trimmed.slice(0, dot),
        trimmed.slice(dot + 1),
        scope,
      );
    } else {
      value = ref(trimmed, scope);
    }
    return Array.isArray(value) ? value.join(',') : String(value);
  });
}

function join(argument: unknown, scope: EvaluationScope): unknown {
  const [delimiter, list] = argumentsOf(argument, 2, 'Fn::Join');
  return evaluateList(list, scope, 'Fn::Join')
    .map(item => {
      if (typeof item === 'object' && item !== null) {
        throw new TemplateError(
          'Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.',
        );
      }
      return String(item);
    })
    .join(String(delimiter));
}

function select(argument: unknown, scope: EvaluationScope): unknown {
  const [indexExpression, list] = argumentsOf(argument, 2, 'Fn::Select');
  const index = Number(evaluateRaw(indexExpression, scope));
  const items = evaluateList(list, scope, 'Fn::Select');
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new TemplateError(
      `Template error: Fn::Select cannot select nonexistent value at index ${index}`,
    );
  }
  return items[index];
}

function split(argument: unknown, scope: EvaluationScope): unknown {
  const [delimiter, source] = argumentsOf(argument, 2, 'Fn::Split');
  return evaluateString(source, scope, 'Fn::Split').split(String(delimiter));
}

function conditionValue(expression: unknown, scope: EvaluationScope): boolean {
  const value = evaluateRaw(expression, scope);
  if (typeof value !== 'boolean') {
    throw new TemplateError(
      'Template error: Fn::And, Fn::Or and Fn::Not take conditions as arguments',
    );
  }
  return value;
}

function fnIf(argument: unknown, scope: EvaluationScope): unknown {
  const [conditionName, whenTrue, whenFalse] = argumentsOf(
    argument,
    3,
    'Fn::If',
  );
  return scope.isConditionTrue(String(conditionName))
    ? evaluateRaw(whenTrue, scope)
    : evaluateRaw(whenFalse, scope);
}

function equals(argument: unknown, scope: EvaluationScope): unknown {
  const [left, right] = argumentsOf(argument, 2, 'Fn::Equals').map(item =>
    evaluateRaw(item, scope),
  );
  return (
    JSON.stringify(normaliseForComparison(left)) ===
    JSON.stringify(normaliseForComparison(right))
  );
}

function normaliseForComparison(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return Array.isArray(value) ? value.map(normaliseForComparison) : value;
}

function findInMap(argument: unknown, scope: EvaluationScope): unknown {
  const [mapName, topKey, secondKey] = argumentsOf(
    argument,
    3,
    'Fn::FindInMap',
  ).map(item => evaluateString(item, scope, 'Fn::FindInMap'));
  const value = scope.mappings[mapName]?.[topKey]?.[secondKey];
  if (value === undefined) {
    throw new TemplateError(
      `Template error: Unable to get mapping for ${mapName}::${topKey}::${secondKey}`,
    );
  }
  return value;
}

function getAzs(argument: unknown, scope: EvaluationScope): unknown {
  const region =
    evaluateString(argument ?? '', scope, 'Fn::GetAZs') || scope.region;
  return ['a', 'b', 'c'].map(suffix => `${region}${suffix}`);
}

function cidr(argument: unknown, scope: EvaluationScope): unknown {
  const [block, count, bits] = argumentsOf(argument, 3, 'Fn::Cidr').map(item =>
    evaluateRaw(item, scope),
  );
  return cidrSubnets(String(block), Number(count), Number(bits));
}

/** Creates the `isConditionTrue` lookup for a template; conditions may refer to each other. */
export function conditionEvaluator(
  template: Template,
  scopeWithoutConditions: Omit<EvaluationScope, 'isConditionTrue'>,
): (name: string) => boolean {
  const declared = template.Conditions ?? {};
  const known = new Map<string, boolean>();
  const evaluating = new Set<string>();
  const isConditionTrue = (name: string): boolean => {
    const cached = known.get(name);
    if (cached !== undefined) {
      return cached;
    }
    if (!(name in declared)) {
      throw new TemplateError(
        `Template format error: Unresolved condition dependency ${name} in Fn::If`,
      );
    }
    if (evaluating.has(name)) {
      throw new TemplateError(
        `Template format error: Circular dependency between conditions: [${[
          ...evaluating,
        ].join(', ')}]`,
      );
    }
    evaluating.add(name);
    const value = conditionValue(declared[name], {
      ...scopeWithoutConditions,
      isConditionTrue,
    });
    evaluating.delete(name);
    known.set(name, value);
    return value;
  };
  return isConditionTrue;
}
