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
  getAttArguments,
  intrinsicName,
  isPlainObject,
  parseSubString,
  subArguments,
} from '../template/intrinsics';
import type { ParsedTemplate } from '../template/types';
import { namePattern, patternText } from '../validate/namePattern';

/**
 * Renders a value to the string it will have at deploy time, as far as the
 * template alone decides it. Unknown parts become `${Name}` placeholders that
 * compare equal wherever the same thing is referred to, so `!GetAtt B.Arn`,
 * `!Sub '${B.Arn}'` and `!Sub 'arn:${AWS::Partition}:s3:::${B}'` all render
 * as `arn:aws:s3:::${B}` for a bucket B.
 *
 * @public
 */
export function renderValue(value: unknown, template: ParsedTemplate): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const fn = intrinsicName(value);
  if (!fn) return JSON.stringify(value);
  const argument = (value as Record<string, unknown>)[fn];
  switch (fn) {
    case 'Ref':
      return renderName(String(argument));
    case 'Fn::GetAtt': {
      const parsed = getAttArguments(argument);
      return parsed ? renderAttribute(parsed.resource, parsed.attribute ?? '?', template) : '${?}';
    }
    case 'Fn::Sub': {
      const sub = subArguments(argument);
      if (!sub) return '${?}';
      return parseSubString(sub.template)
        .map(part => {
          if (part.kind === 'literal') return part.text;
          if (part.name in sub.variables) return renderValue(sub.variables[part.name], template);
          const dot = part.name.indexOf('.');
          return dot < 0
            ? renderName(part.name)
            : renderAttribute(part.name.slice(0, dot), part.name.slice(dot + 1), template);
        })
        .join('');
    }
    case 'Fn::Join':
      if (Array.isArray(argument) && Array.isArray(argument[1])) {
        return argument[1].map(v => renderValue(v, template)).join(String(argument[0]));
      }
      return '${?}';
    case 'Fn::ImportValue': {
      const pattern = namePattern(argument);
      return `\${Import:${pattern ? patternText(pattern) : '?'}}`;
    }
    default:
      return `\${${fn}:${JSON.stringify(argument)}}`;
  }
}

function renderName(name: string): string {
  return name === 'AWS::Partition' ? 'aws' : `\${${name}}`;
}

function renderAttribute(resourceId: string, attribute: string, template: ParsedTemplate): string {
  const resource = template.body.Resources?.[resourceId];
  if (isPlainObject(resource) && resource.Type === 'AWS::S3::Bucket' && attribute === 'Arn') {
    return `arn:aws:s3:::\${${resourceId}}`;
  }
  return `\${${resourceId}.${attribute}}`;
}
