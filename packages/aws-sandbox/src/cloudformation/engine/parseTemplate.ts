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
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  parseDocument,
  Document,
} from 'yaml';
import { Template, TemplateError } from './types';

const SHORT_FORM_FUNCTIONS = new Set([
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'And',
  'Or',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'Length',
  'ToJsonString',
]);

/**
 * Parses a template written in JSON or YAML. YAML short forms (`!Ref`, `!Sub`, ...)
 * become their long forms, so the evaluator only knows one notation.
 */
export function parseTemplate(body: string): Template {
  const parsed = body.trimStart().startsWith('{')
    ? parseJson(body)
    : parseYaml(body);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TemplateError('Template format error: unsupported structure.');
  }
  const template = parsed as Template;
  if (!template.Resources || typeof template.Resources !== 'object') {
    throw new TemplateError(
      'Template format error: At least one Resources member must be defined.',
    );
  }
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (
      !resource ||
      typeof resource !== 'object' ||
      typeof resource.Type !== 'string'
    ) {
      throw new TemplateError(
        `Template format error: [/Resources/${logicalId}] Every Resources object must contain a Type member.`,
      );
    }
  }
  return template;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new TemplateError(
      `Template format error: JSON not well-formed. (${
        (error as Error).message
      })`,
    );
  }
}

function parseYaml(body: string): unknown {
  const document = parseDocument(body, { prettyErrors: false });
  if (document.errors.length > 0) {
    throw new TemplateError(
      `Template format error: YAML not well-formed. (${document.errors[0].message})`,
    );
  }
  return toPlainValue(document.contents, document);
}

function toPlainValue(node: unknown, document: Document): unknown {
  if (node === null || node === undefined) {
    return null;
  }
  if (isAlias(node)) {
    return toPlainValue(node.resolve(document), document);
  }
  const tag = (node as Node).tag;
  const value = toUntaggedValue(node, document);
  return tag && tag.startsWith('!')
    ? expandShortForm(tag.slice(1), value)
    : value;
}

function toUntaggedValue(node: unknown, document: Document): unknown {
  if (isScalar(node)) {
    return node.value;
  }
  if (isSeq(node)) {
    return node.items.map(item => toPlainValue(item, document));
  }
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = toPlainValue(pair.key, document);
      result[String(key)] = toPlainValue(pair.value, document);
    }
    return result;
  }
  return node;
}

function expandShortForm(name: string, value: unknown): unknown {
  if (name === 'Ref') {
    return { Ref: value };
  }
  if (name === 'Condition') {
    return { Condition: value };
  }
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return {
      'Fn::GetAtt':
        dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)],
    };
  }
  if (SHORT_FORM_FUNCTIONS.has(name)) {
    return { [`Fn::${name}`]: value };
  }
  throw new TemplateError(
    `Template format error: unsupported YAML tag !${name}.`,
  );
}
