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
  isPlainObject,
  PlainObject,
} from '../template/intrinsics';
import type { Finding, ParsedTemplate } from '../template/types';
import type { ResourceSpec, SpecProperty, SpecPropertyType } from './resourceSpec';
import type { ValidationStats } from './validationStats';

const RESOURCE_ATTRIBUTES = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  'Version',
]);

interface Problem {
  check: 'spec/unknown-property' | 'spec/property-shape' | 'spec/required-property';
  message: string;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (value === null || value === undefined) return 'null';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

class ShapeChecker {
  readonly problems: Problem[] = [];
  valuesChecked = 0;

  constructor(private readonly spec: ResourceSpec) {}

  describeType(type: SpecPropertyType): string {
    switch (type.type) {
      case 'ref':
        return this.spec.typeDefinition(type.reference).name;
      case 'array':
        return `List of ${this.describeType(type.element)}`;
      case 'map':
        return `Map of ${this.describeType(type.element)}`;
      case 'union':
        return type.types.map(t => this.describeType(t)).join(' | ');
      case 'tag':
        return 'Tag (Key/Value)';
      default:
        return type.type;
    }
  }

  checkObject(
    value: PlainObject,
    properties: Record<string, SpecProperty>,
    typeName: string,
    path: string,
  ): void {
    for (const [key, child] of Object.entries(value)) {
      const property = properties[key];
      if (!property) {
        const sameButCase = Object.keys(properties).find(
          name => name.toLowerCase() === key.toLowerCase(),
        );
        this.problems.push({
          check: 'spec/unknown-property',
          message: `${joinPath(path, key)} is not a property of ${typeName}${
            sameButCase ? ` (did you mean ${sameButCase}?)` : ''
          }`,
        });
        continue;
      }
      this.checkValue(child, property.type, joinPath(path, key));
    }
    for (const [name, property] of Object.entries(properties)) {
      if (property.required && !(name in value)) {
        this.problems.push({
          check: 'spec/required-property',
          message: `missing required property ${joinPath(path, name)} of ${typeName}`,
        });
      }
    }
  }

  checkValue(value: unknown, type: SpecPropertyType, path: string): void {
    this.valuesChecked++;
    const fn = intrinsicName(value);
    if (fn) {
      const argument = (value as PlainObject)[fn];
      // Only Fn::If has branches whose literal shapes we can still check;
      // any other function's result is known only at deploy time.
      if (fn === 'Fn::If' && Array.isArray(argument) && argument.length === 3) {
        this.checkValue(argument[1], type, path);
        this.checkValue(argument[2], type, path);
      }
      return;
    }
    if (isPlainObject(value) && value.Ref === 'AWS::NoValue') {
      return;
    }
    const mismatch = () =>
      this.problems.push({
        check: 'spec/property-shape',
        message: `${path} must be ${this.describeType(type)}, got ${describeValue(value)}`,
      });
    switch (type.type) {
      case 'string':
      case 'date-time':
        if (!['string', 'number', 'boolean'].includes(typeof value)) mismatch();
        return;
      case 'number':
      case 'integer': {
        const numeric =
          typeof value === 'number' ||
          (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)));
        if (!numeric || (type.type === 'integer' && !Number.isInteger(Number(value)))) {
          mismatch();
        }
        return;
      }
      case 'boolean':
        if (
          typeof value !== 'boolean' &&
          !(typeof value === 'string' && /^(true|false)$/i.test(value))
        ) {
          mismatch();
        }
        return;
      case 'json':
        if (!isPlainObject(value) && !Array.isArray(value) && typeof value !== 'string') {
          mismatch();
        }
        return;
      case 'null':
        return;
      case 'tag':
        if (!isPlainObject(value)) {
          mismatch();
          return;
        }
        this.checkObject(
          value,
          {
            Key: { type: { type: 'string' }, required: true },
            Value: { type: { type: 'string' }, required: true },
          },
          'Tag',
          path,
        );
        return;
      case 'array':
        if (!Array.isArray(value)) {
          mismatch();
          return;
        }
        value.forEach((item, index) =>
          this.checkValue(item, type.element, `${path}[${index}]`),
        );
        return;
      case 'map':
        if (!isPlainObject(value)) {
          mismatch();
          return;
        }
        for (const [key, item] of Object.entries(value)) {
          this.checkValue(item, type.element, joinPath(path, key));
        }
        return;
      case 'ref': {
        if (!isPlainObject(value)) {
          mismatch();
          return;
        }
        const definition = this.spec.typeDefinition(type.reference);
        this.checkObject(value, definition.properties, definition.name, path);
        return;
      }
      case 'union':
        this.checkUnion(value, type.types, path, mismatch);
        return;
      default:
        return;
    }
  }

  private checkUnion(
    value: unknown,
    alternatives: SpecPropertyType[],
    path: string,
    mismatch: () => void,
  ): void {
    const attempts = alternatives.map(alternative => {
      const checker = new ShapeChecker(this.spec);
      checker.checkValue(value, alternative, path);
      return checker.problems;
    });
    if (attempts.some(problems => problems.length === 0)) {
      return;
    }
    // When only one alternative has the value's broad kind, its detailed
    // problems say more than "must be A | B".
    const sameKind = attempts.filter(problems =>
      problems.every(p => p.check !== 'spec/property-shape' || !p.message.startsWith(`${path} must be`)),
    );
    if (sameKind.length === 1) {
      this.problems.push(...sameKind[0]);
      return;
    }
    mismatch();
  }
}

function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/**
 * Checks every resource of a template against the resource specification:
 * the type exists, each property exists and has the right shape, required
 * properties are present, and only known resource attributes are used.
 *
 * @public
 */
export function checkResourceSpec(
  template: ParsedTemplate,
  spec: ResourceSpec,
  stats?: ValidationStats,
): Finding[] {
  const findings: Finding[] = [];
  const add = (logicalId: string, check: string, message: string) =>
    findings.push({ file: template.file, logicalId, check, message });

  for (const [logicalId, resource] of Object.entries(template.body.Resources ?? {})) {
    if (!isPlainObject(resource)) {
      add(logicalId, 'spec/resource-type', 'a resource must be a mapping');
      continue;
    }
    for (const attribute of Object.keys(resource)) {
      if (!RESOURCE_ATTRIBUTES.has(attribute)) {
        add(logicalId, 'spec/resource-attribute', `unknown resource attribute ${attribute}`);
      }
    }
    const type = resource.Type;
    if (typeof type !== 'string') {
      add(logicalId, 'spec/resource-type', 'the resource has no Type');
      continue;
    }
    const properties = resource.Properties ?? {};
    if (!isPlainObject(properties)) {
      add(logicalId, 'spec/property-shape', 'Properties must be a mapping');
      continue;
    }
    if (isCustomResource(type)) {
      if (!('ServiceToken' in properties)) {
        add(logicalId, 'spec/required-property', `missing required property ServiceToken of ${type}`);
      }
      continue;
    }
    const resourceType = spec.resourceType(type);
    if (!resourceType) {
      add(logicalId, 'spec/resource-type', `unknown resource type ${type}`);
      continue;
    }
    const checker = new ShapeChecker(spec);
    checker.checkObject(properties, resourceType.properties, type, '');
    if (stats) stats.propertyValues += checker.valuesChecked;
    for (const problem of checker.problems) {
      add(logicalId, problem.check, problem.message);
    }
  }
  return findings;
}
