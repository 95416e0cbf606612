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
import { nestedStacks, resolveTemplateReference } from '../template/nestedStacks';
import type { Finding, ParameterDeclaration, ParsedTemplate, TemplateSet } from '../template/types';

/**
 * Why a literal value breaks a parameter's constraints, or undefined when it
 * fits (CloudFormation matches `AllowedPattern` against the whole value).
 */
export function parameterValueProblem(declaration: ParameterDeclaration, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (Array.isArray(declaration.AllowedValues) && !declaration.AllowedValues.map(String).includes(text)) {
    return `${JSON.stringify(text)} is not one of AllowedValues ${JSON.stringify(declaration.AllowedValues)}`;
  }
  if (typeof declaration.AllowedPattern === 'string' && declaration.Type === 'String') {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(`^(?:${declaration.AllowedPattern})$`, 'u');
    } catch {
      pattern = undefined; // a Java-only construct; CloudFormation will judge it
    }
    if (pattern && !pattern.test(text)) return `${JSON.stringify(text)} does not match AllowedPattern ${declaration.AllowedPattern}`;
  }
  const bounds: Array<[string, (limit: number) => boolean]> = [
    ['MinLength', limit => text.length >= limit],
    ['MaxLength', limit => text.length <= limit],
    ['MinValue', limit => Number(text) >= limit],
    ['MaxValue', limit => Number(text) <= limit],
  ];
  for (const [name, holds] of bounds) {
    const limit = declaration[name];
    if (limit !== undefined && !holds(Number(limit))) return `${JSON.stringify(text)} breaks ${name} ${String(limit)}`;
  }
  return undefined;
}

/**
 * Checks that parameter defaults, and literal values a nested stack passes
 * to its template, satisfy the parameters' constraints.
 *
 * @public
 */
export function checkParameterValues(template: ParsedTemplate, set: TemplateSet): Finding[] {
  const findings: Finding[] = [];
  for (const [name, declaration] of Object.entries(template.body.Parameters ?? {})) {
    if (!isPlainObject(declaration) || declaration.Default === undefined) continue;
    // An empty default commonly means "not set" and is tested by a condition.
    if (declaration.Default === '' && !Array.isArray(declaration.AllowedValues)) continue;
    const problem = parameterValueProblem(declaration, declaration.Default);
    if (problem) findings.push({ file: template.file, logicalId: name, check: 'parameter/value', message: `Default ${problem}` });
  }
  for (const stack of nestedStacks(template)) {
    const child = resolveTemplateReference(stack.templateUrl, template, set);
    for (const [name, value] of Object.entries(stack.parameters)) {
      const declaration = child?.body.Parameters?.[name];
      const problem = isPlainObject(declaration) ? parameterValueProblem(declaration, value) : undefined;
      if (problem) {
        findings.push({ file: template.file, logicalId: stack.logicalId, check: 'parameter/value', message: `passes ${name} ${problem} in ${child?.file}` });
      }
    }
  }
  return findings;
}
