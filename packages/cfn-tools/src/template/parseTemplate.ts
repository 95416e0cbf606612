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
import { parseDocument, isCollection } from 'yaml';
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';
import type { TemplateBody } from './types';

const FUNCTIONS_WITH_FN_PREFIX = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
];

function longFormName(shortName: string): string {
  return shortName === 'Ref' || shortName === 'Condition'
    ? shortName
    : `Fn::${shortName}`;
}

/** `!GetAtt Res.Attr` splits at the first dot only: `Nested.Outputs.X` keeps its tail. */
function getAttFromScalar(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

function tagsFor(shortName: string): Array<ScalarTag | CollectionTag> {
  const name = longFormName(shortName);
  const tag = `!${shortName}`;
  const scalar: ScalarTag = {
    tag,
    identify: () => false,
    resolve: (value: string) => ({
      [name]: shortName === 'GetAtt' ? getAttFromScalar(value) : value,
    }),
  };
  const collection = (kind: 'seq' | 'map'): CollectionTag => ({
    tag,
    collection: kind,
    identify: () => false,
    resolve: (node: YAMLSeq.Parsed | YAMLMap.Parsed) => ({
      [name]: node.toJSON(),
    }),
  });
  return [scalar, collection('seq'), collection('map')];
}

const CLOUDFORMATION_TAGS = [
  ...FUNCTIONS_WITH_FN_PREFIX,
  'Ref',
  'Condition',
].flatMap(tagsFor);

/**
 * Thrown when a template is not valid YAML or JSON, or not a mapping.
 *
 * @public
 */
export class TemplateSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/**
 * Parses a YAML or JSON CloudFormation template, turning short-form tags into
 * their long forms.
 *
 * @public
 */
export function parseTemplate(source: string): TemplateBody {
  const document = parseDocument(source, {
    customTags: CLOUDFORMATION_TAGS,
    // CloudFormation reads YAML 1.1 scalars as strings (e.g. `on`, `0755`),
    // the core schema keeps them as written rather than guessing booleans.
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: true,
  });
  if (document.errors.length > 0) {
    throw new TemplateSyntaxError(document.errors[0].message);
  }
  if (!isCollection(document.contents) || Array.isArray(document.toJS())) {
    throw new TemplateSyntaxError('the template is not a mapping');
  }
  return document.toJS({ maxAliasCount: 1000 }) as TemplateBody;
}
