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

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ResourceHandlerRegistry } from './ResourceHandlerRegistry';
import { SHAPED_GENERIC_RESOURCE_TYPES } from './resources/generic';
import { ResourceHandler } from './resources/types';
import {
  customNameConflict,
  ReplacementRule,
  replacementFor,
  replacementRuleFor,
} from './replacement';
import replacementRules from './replacementRules.json';

/*
 * `replacementRules.json` is derived from the CloudFormation resource specification in
 * `@aws-cdk/aws-service-spec` (a dependency of `packages/cfn-tools`, read from there). This test
 * fails when the data no longer matches the installed specification; run it with
 * `UPDATE_REPLACEMENT_RULES=1` to rewrite the file, then format it with prettier.
 */

interface SpecType {
  type: string;
  reference?: { $ref: string };
  element?: SpecType;
  types?: SpecType[];
}

interface SpecProperty {
  type: SpecType;
  causesReplacement?: 'yes' | 'maybe';
}

interface SpecResource {
  cloudFormationType: string;
  name: string;
  primaryIdentifier?: string[];
  properties: Record<string, SpecProperty>;
}

interface SpecTypeDefinition {
  $id: string;
  properties: Record<string, SpecProperty>;
}

function loadSpec() {
  const cfnTools = resolve(__dirname, '../../../../cfn-tools');
  const specPackage = require.resolve(
    '@aws-cdk/aws-service-spec/package.json',
    { paths: [cfnTools] },
  );
  const db = JSON.parse(
    gunzipSync(readFileSync(join(dirname(specPackage), 'db.json.gz'))).toString(
      'utf8',
    ),
  );
  const version: string = JSON.parse(readFileSync(specPackage, 'utf8')).version;
  const resources = Object.values(
    db.schema.resource.entities,
  ) as SpecResource[];
  const typeDefinitions = new Map(
    (
      Object.values(db.schema.typeDefinition.entities) as SpecTypeDefinition[]
    ).map(definition => [definition.$id, definition]),
  );
  return { version, resources, typeDefinitions };
}

function referencesOf(type: SpecType | undefined): string[] {
  if (!type) {
    return [];
  }
  return [
    ...(type.reference ? [type.reference.$ref] : []),
    ...referencesOf(type.element),
    ...(type.types ?? []).flatMap(referencesOf),
  ];
}

function ruleOf(
  resource: SpecResource,
  typeDefinitions: Map<string, SpecTypeDefinition>,
): ReplacementRule {
  const rule: ReplacementRule = {
    createOnly: [],
    conditional: [],
    customName: [],
  };
  const walk = (
    properties: Record<string, SpecProperty>,
    prefix: string[],
    seen: Set<string>,
  ) => {
    for (const [name, property] of Object.entries(properties ?? {}).sort(
      ([a], [b]) => a.localeCompare(b),
    )) {
      const path = [...prefix, name].join('/');
      if (property.causesReplacement === 'yes') {
        rule.createOnly.push(path);
        continue;
      }
      if (property.causesReplacement === 'maybe') {
        rule.conditional.push(path);
      }
      for (const reference of referencesOf(property.type)) {
        if (!seen.has(reference) && typeDefinitions.has(reference)) {
          walk(
            typeDefinitions.get(reference)!.properties,
            [...prefix, name],
            new Set([...seen, reference]),
          );
        }
      }
    }
  };
  walk(resource.properties, [], new Set());
  // The name is the primary identifier when that is made of properties (not attributes such as
  // an ARN); otherwise the create-only `<Type>Name` / `Name` property, if there is one.
  const identifier = resource.primaryIdentifier ?? [];
  if (
    identifier.length > 0 &&
    identifier.every(name => resource.properties[name])
  ) {
    rule.customName = identifier;
  } else {
    rule.customName = [`${resource.name}Name`, 'Name']
      .filter(name => rule.createOnly.includes(name))
      .slice(0, 1);
  }
  return rule;
}

/** The types the sandbox provisions for real, and the generic ones it gives a shape. */
function coveredTypes(): string[] {
  return [
    ...ResourceHandlerRegistry.withDefaults().resourceTypes(),
    'AWS::CloudFormation::Stack',
    ...SHAPED_GENERIC_RESOURCE_TYPES,
  ].sort();
}

describe('replacementRules.json', () => {
  it('matches the create-only properties of the installed resource specification', () => {
    const { version, resources, typeDefinitions } = loadSpec();
    const byType = new Map(
      resources.map(resource => [resource.cloudFormationType, resource]),
    );
    const expected = {
      source: `@aws-cdk/aws-service-spec ${version}`,
      resourceTypes: Object.fromEntries(
        coveredTypes()
          .filter(type => byType.has(type))
          .map(type => [type, ruleOf(byType.get(type)!, typeDefinitions)]),
      ),
    };
    if (process.env.UPDATE_REPLACEMENT_RULES) {
      writeFileSync(
        join(__dirname, 'replacementRules.json'),
        `${JSON.stringify(expected, null, 2)}\n`,
      );
      return;
    }
    expect(replacementRules).toEqual(expected);
  });

  it('covers every type the sandbox provisions for real', () => {
    for (const type of ResourceHandlerRegistry.withDefaults().resourceTypes()) {
      expect(Object.keys(replacementRules.resourceTypes)).toContain(type);
    }
  });
});

describe('replacementFor', () => {
  const updatable: ResourceHandler = {
    create: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  };
  const profile = {
    DomainId: 'd-1',
    UserProfileName: 'alice',
    UserSettings: { ExecutionRole: 'arn:aws:iam::1:role/r' },
    Tags: [{ Key: 'Version', Value: 'v1' }],
  };

  it('replaces on a create-only property, tags of a user profile included', () => {
    expect(
      replacementRuleFor('AWS::SageMaker::UserProfile', updatable).createOnly,
    ).toEqual(expect.arrayContaining(['DomainId', 'UserProfileName', 'Tags']));
    const retagged = { ...profile, Tags: [{ Key: 'Version', Value: 'v2' }] };
    expect(
      replacementFor(
        'AWS::SageMaker::UserProfile',
        updatable,
        profile,
        retagged,
        ['Tags'],
      ),
    ).toBe('True');
    expect(
      replacementFor(
        'AWS::SageMaker::UserProfile',
        updatable,
        profile,
        undefined,
        ['Tags'],
      ),
    ).toBe('Conditional');
  });

  it('updates in place otherwise, and follows nested create-only paths', () => {
    const resettled = {
      ...profile,
      UserSettings: { ExecutionRole: 'arn:aws:iam::1:role/other' },
    };
    expect(
      replacementFor(
        'AWS::SageMaker::UserProfile',
        updatable,
        profile,
        resettled,
        ['UserSettings'],
      ),
    ).toBe('False');
    const rstudio = {
      ...profile,
      UserSettings: {
        ...profile.UserSettings,
        RStudioServerProAppSettings: { AccessStatus: 'ENABLED' },
      },
    };
    expect(
      replacementFor(
        'AWS::SageMaker::UserProfile',
        updatable,
        profile,
        rstudio,
        ['UserSettings'],
      ),
    ).toBe('True');
  });

  it('replaces on any change when the handler cannot update', () => {
    const createOnly: ResourceHandler = {
      create: jest.fn(),
      delete: jest.fn(),
    };
    expect(
      replacementFor('AWS::Custom::Thing', createOnly, { A: 1 }, { A: 2 }, [
        'A',
      ]),
    ).toBe('True');
  });

  it('refuses to replace a resource whose custom name stays the same', () => {
    const retagged = { ...profile, Tags: [] };
    expect(
      customNameConflict(
        'AWS::SageMaker::UserProfile',
        updatable,
        'arn:aws:sagemaker:us-east-1:1:user-profile/d-1/alice',
        profile,
        retagged,
      ),
    ).toBe(
      'CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename arn:aws:sagemaker:us-east-1:1:user-profile/d-1/alice and update the stack again.',
    );
    expect(
      customNameConflict(
        'AWS::SageMaker::UserProfile',
        updatable,
        'arn',
        profile,
        { ...retagged, UserProfileName: 'alice2' },
      ),
    ).toBeUndefined();
    // A generated name (no name property in the template) never collides.
    expect(
      customNameConflict(
        'AWS::SSM::Parameter',
        updatable,
        'stack-P-ABC',
        { Type: 'String', Value: 'a' },
        { Type: 'String', Value: 'b' },
      ),
    ).toBeUndefined();
  });
});
