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
  ParameterDeclaration,
  Template,
  TemplateError,
  TemplateValue,
} from './types';

/** A parameter as a caller passes it (`CreateStack`, `UpdateStack`, `CreateChangeSet`). */
export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean | string;
}

/** A parameter after defaults and constraints, before `AWS::SSM::Parameter::Value` resolution. */
export interface ResolvedParameter {
  key: string;
  type: string;
  /** The value as given or defaulted, always a string like the API reports it. */
  value: string;
  noEcho: boolean;
}

const SSM_VALUE_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;
const LIST_TYPE = /^List<(.+)>$/;
const EC2_ID_TYPE = /^AWS::EC2::[A-Za-z]+::[A-Za-z]+$/;
const PLAIN_TYPES = new Set([
  'String',
  'Number',
  'CommaDelimitedList',
  'AWS::SSM::Parameter::Name',
]);

export function isKnownParameterType(type: string): boolean {
  if (PLAIN_TYPES.has(type) || EC2_ID_TYPE.test(type)) {
    return true;
  }
  const ssm = SSM_VALUE_TYPE.exec(type);
  if (ssm) {
    return isKnownParameterType(ssm[1]);
  }
  const list = LIST_TYPE.exec(type);
  return Boolean(
    list &&
      (list[1] === 'Number' ||
        list[1] === 'String' ||
        EC2_ID_TYPE.test(list[1])),
  );
}

export function isListParameterType(type: string): boolean {
  const ssm = SSM_VALUE_TYPE.exec(type);
  const base = ssm ? ssm[1] : type;
  return base === 'CommaDelimitedList' || LIST_TYPE.test(base);
}

export function isSsmValueParameterType(type: string): boolean {
  return SSM_VALUE_TYPE.test(type);
}

function isTruthy(value: unknown): boolean {
  return value === true || value === 'true' || value === 'True';
}

function asString(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(String).join(',');
  }
  return String(value);
}

/**
 * Applies defaults, previous values and every declared constraint, with the messages
 * CloudFormation uses, so a caller sees the same `ValidationError` text as with AWS.
 */
export function resolveParameters(
  template: Template,
  inputs: ParameterInput[] = [],
  previous: Record<string, string> = {},
): ResolvedParameter[] {
  const declarations = template.Parameters ?? {};
  const unknownKeys = inputs
    .map(input => input.ParameterKey ?? '')
    .filter(key => !(key in declarations));
  if (unknownKeys.length > 0) {
    throw new TemplateError(
      `Parameters: [${unknownKeys.join(', ')}] do not exist in the template`,
    );
  }
  const given = new Map(
    inputs.map(input => [input.ParameterKey as string, input]),
  );
  const missing: string[] = [];
  const resolved: ResolvedParameter[] = [];
  for (const [key, declaration] of Object.entries(declarations)) {
    if (!isKnownParameterType(declaration.Type)) {
      throw new TemplateError(
        `Template format error: Unrecognized parameter type: ${declaration.Type}`,
      );
    }
    const input = given.get(key);
    let value: string | undefined;
    if (input && isTruthy(input.UsePreviousValue)) {
      value = previous[key];
    } else if (input && input.ParameterValue !== undefined) {
      value = input.ParameterValue;
    } else if (
      declaration.Default !== undefined &&
      declaration.Default !== null
    ) {
      value = asString(declaration.Default);
    }
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    checkConstraints(key, declaration, value);
    resolved.push({
      key,
      type: declaration.Type,
      value,
      noEcho: isTruthy(declaration.NoEcho),
    });
  }
  if (missing.length > 0) {
    throw new TemplateError(
      `Parameters: [${missing.join(', ')}] must have values`,
    );
  }
  return resolved;
}

function checkConstraints(
  key: string,
  declaration: ParameterDeclaration,
  value: string,
): void {
  const isList = isListParameterType(declaration.Type);
  const elements = isList ? splitList(value) : [value];
  const numeric =
    declaration.Type === 'Number' || declaration.Type === 'List<Number>';
  for (const element of elements) {
    const failure = findConstraintFailure(key, declaration, element, numeric);
    if (failure) {
      throw new TemplateError(
        declaration.ConstraintDescription &&
        !failure.startsWith(`Parameter '${key}' must be a number`)
          ? `Parameter '${key}' failed to satisfy constraint: ${declaration.ConstraintDescription}`
          : failure,
      );
    }
  }
}

function findConstraintFailure(
  key: string,
  declaration: ParameterDeclaration,
  value: string,
  numeric: boolean,
): string | undefined {
  if (numeric && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    return `Parameter '${key}' must be a number`;
  }
  if (
    declaration.AllowedValues &&
    !declaration.AllowedValues.map(asString).includes(value)
  ) {
    return `Parameter '${key}' must be one of AllowedValues`;
  }
  if (
    declaration.AllowedPattern !== undefined &&
    !new RegExp(`^(?:${declaration.AllowedPattern})$`).test(value)
  ) {
    return `Parameter '${key}' must match pattern ${declaration.AllowedPattern}`;
  }
  if (
    declaration.MinLength !== undefined &&
    value.length < Number(declaration.MinLength)
  ) {
    return `Parameter '${key}' must contain at least ${declaration.MinLength} characters`;
  }
  if (
    declaration.MaxLength !== undefined &&
    value.length > Number(declaration.MaxLength)
  ) {
    return `Parameter '${key}' must contain at most ${declaration.MaxLength} characters`;
  }
  if (
    declaration.MinValue !== undefined &&
    Number(value) < Number(declaration.MinValue)
  ) {
    return `Parameter '${key}' must be a number not less than ${declaration.MinValue}`;
  }
  if (
    declaration.MaxValue !== undefined &&
    Number(value) > Number(declaration.MaxValue)
  ) {
    return `Parameter '${key}' must be a number not greater than ${declaration.MaxValue}`;
  }
  return undefined;
}

export function splitList(value: string): string[] {
  return value === '' ? [] : value.split(',').map(element => element.trim());
}

/**
 * The values `Ref` returns for parameters: lists become arrays, and
 * `AWS::SSM::Parameter::Value<...>` parameters are looked up in SSM, as CloudFormation does.
 */
export async function parameterValuesForRef(
  parameters: ResolvedParameter[],
  readSsmParameter: (name: string) => Promise<string>,
): Promise<Record<string, TemplateValue>> {
  const values: Record<string, TemplateValue> = {};
  for (const parameter of parameters) {
    let raw = parameter.value;
    if (isSsmValueParameterType(parameter.type)) {
      raw = await readSsmParameter(parameter.value);
    }
    values[parameter.key] = isListParameterType(parameter.type)
      ? splitList(raw)
      : raw;
  }
  return values;
}
