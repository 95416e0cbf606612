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
import { Finding, ParsedTemplate, TEMPLATE_LEVEL_ID } from '../template/types';

const TOP_LEVEL_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);

const PARAMETER_TYPES = /^(String|Number|List<Number>|CommaDelimitedList|AWS::[A-Za-z0-9:]+|List<AWS::[A-Za-z0-9:]+>|AWS::SSM::Parameter::Value<.+>)$/;

/**
 * Checks a template's top-level layout: known sections only, at least one
 * resource, every parameter typed and every output with a value.
 *
 * @public
 */
export function checkStructure(template: ParsedTemplate): Finding[] {
  const findings: Finding[] = [];
  const add = (logicalId: string, message: string) =>
    findings.push({ file: template.file, logicalId, check: 'template-structure', message });
  const body = template.body;

  for (const section of Object.keys(body)) {
    if (!TOP_LEVEL_SECTIONS.has(section)) {
      add(TEMPLATE_LEVEL_ID, `unknown top-level section ${section}`);
    }
  }
  if (!isPlainObject(body.Resources) || Object.keys(body.Resources).length === 0) {
    add(TEMPLATE_LEVEL_ID, 'the template declares no Resources');
  }
  for (const [name, parameter] of Object.entries(body.Parameters ?? {})) {
    if (!isPlainObject(parameter) || typeof parameter.Type !== 'string') {
      add(name, 'the parameter has no Type');
    } else if (!PARAMETER_TYPES.test(parameter.Type)) {
      add(name, `unknown parameter type ${parameter.Type}`);
    }
  }
  for (const [name, output] of Object.entries(body.Outputs ?? {})) {
    if (!isPlainObject(output) || output.Value === undefined) {
      add(name, 'the output has no Value');
    }
  }
  return findings;
}
