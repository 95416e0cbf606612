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

import { conditionEvaluator, evaluate, EvaluationScope } from './intrinsics';
import { parseTemplate } from './parseTemplate';
import { Template, TemplateError } from './types';

const TEMPLATE: Template = parseTemplate(`
Mappings:
  RegionMap:
    us-east-1: {Bucket: assets-use1}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [!Condition IsProd]
  ProdInUsEast: !And [!Condition IsProd, !Equals [!Ref AWS::Region, us-east-1]]
  AnyOf: !Or [!Condition IsProd, !Equals [x, x]]
Resources:
  Role:
    Type: AWS::IAM::Role
`);

function scopeWith(overrides: Partial<EvaluationScope> = {}): EvaluationScope {
  const base: Omit<EvaluationScope, 'isConditionTrue'> = {
    region: 'us-east-1',
    parameters: {
      Env: 'dev',
      Subnets: ['subnet-a', 'subnet-b'],
      'AWS::Region': 'us-east-1',
      'AWS::StackId':
        'arn:aws:cloudformation:us-east-1:123456789012:stack/demo/0c8e6f40-1111-2222-3333-a1b2c3d4e5f6',
    },
    mappings: TEMPLATE.Mappings!,
    declaredResources: new Set(['Role', 'Later']),
    resources: {
      Role: {
        physicalId: 'demo-role',
        attributes: { Arn: 'arn:aws:iam::123456789012:role/demo-role' },
      },
    },
    importValue: name => {
      if (name === 'shared-vpc') {
        return 'vpc-123';
      }
      throw new TemplateError(`No export named ${name} found`);
    },
    ...overrides,
  };
  return {
    ...base,
    isConditionTrue: conditionEvaluator(TEMPLATE, base),
    ...overrides,
  } as EvaluationScope;
}

describe('intrinsic functions', () => {
  const scope = scopeWith();

  it('Ref returns parameters, pseudo parameters and physical ids', () => {
    expect(evaluate({ Ref: 'Env' }, scope)).toBe('dev');
    expect(evaluate({ Ref: 'AWS::Region' }, scope)).toBe('us-east-1');
    expect(evaluate({ Ref: 'Role' }, scope)).toBe('demo-role');
    expect(evaluate({ Ref: 'Subnets' }, scope)).toEqual([
      'subnet-a',
      'subnet-b',
    ]);
  });

  it('Ref AWS::NoValue removes the property or list element', () => {
    expect(
      evaluate(
        { A: { Ref: 'AWS::NoValue' }, B: ['x', { Ref: 'AWS::NoValue' }] },
        scope,
      ),
    ).toEqual({ B: ['x'] });
  });

  it('Ref to a resource not provisioned yet is an unresolved dependency', () => {
    expect(() => evaluate({ Ref: 'Later' }, scope)).toThrow(
      'Unresolved resource dependencies [Later]',
    );
  });

  it('Fn::GetAtt reads attributes and rejects unknown ones', () => {
    expect(evaluate({ 'Fn::GetAtt': ['Role', 'Arn'] }, scope)).toBe(
      'arn:aws:iam::123456789012:role/demo-role',
    );
    expect(() => evaluate({ 'Fn::GetAtt': ['Role', 'Nope'] }, scope)).toThrow(
      'Template error: resource Role does not support attribute type Nope in Fn::GetAtt',
    );
  });

  it('Fn::Sub substitutes parameters, attributes, variables and keeps ${!literals}', () => {
    expect(
      evaluate(
        { 'Fn::Sub': '${Env}-${AWS::Region}-${Role.Arn}-${!Literal}' },
        scope,
      ),
    ).toBe('dev-us-east-1-arn:aws:iam::123456789012:role/demo-role-${Literal}');
    expect(
      evaluate(
        { 'Fn::Sub': ['${Name}.${Env}', { Name: { Ref: 'Role' } }] },
        scope,
      ),
    ).toBe('demo-role.dev');
  });

  it('Fn::Join, Fn::Select and Fn::Split', () => {
    expect(evaluate({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }]] }, scope)).toBe(
      'a-dev',
    );
    expect(evaluate({ 'Fn::Select': ['1', { Ref: 'Subnets' }] }, scope)).toBe(
      'subnet-b',
    );
    expect(evaluate({ 'Fn::Split': ['/', 'a/b/c'] }, scope)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(() => evaluate({ 'Fn::Select': [5, ['a']] }, scope)).toThrow(
      'Fn::Select cannot select nonexistent value at index 5',
    );
  });

  it('slices the stack UUID the way the reference templates do', () => {
    const suffix = {
      'Fn::Select': [
        4,
        {
          'Fn::Split': [
            '-',
            {
              'Fn::Select': [
                2,
                { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] },
              ],
            },
          ],
        },
      ],
    };
    expect(evaluate(suffix, scope)).toBe('a1b2c3d4e5f6');
  });

  it('Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition', () => {
    expect(evaluate({ 'Fn::If': ['IsProd', 'big', 'small'] }, scope)).toBe(
      'small',
    );
    expect(evaluate({ 'Fn::If': ['IsNotProd', 'yes', 'no'] }, scope)).toBe(
      'yes',
    );
    expect(evaluate({ 'Fn::If': ['ProdInUsEast', 'yes', 'no'] }, scope)).toBe(
      'no',
    );
    expect(evaluate({ 'Fn::If': ['AnyOf', 'yes', 'no'] }, scope)).toBe('yes');
    expect(evaluate({ 'Fn::Equals': [1, '1'] }, scope)).toBe(true);
    expect(
      evaluate({ 'Fn::If': ['IsProd', 'x', { Ref: 'AWS::NoValue' }] }, scope),
    ).toBeNull();
    expect(() => evaluate({ 'Fn::If': ['Missing', 'a', 'b'] }, scope)).toThrow(
      'Unresolved condition dependency Missing',
    );
  });

  it('Fn::ImportValue reads exports and fails like AWS on a missing one', () => {
    expect(evaluate({ 'Fn::ImportValue': 'shared-vpc' }, scope)).toBe(
      'vpc-123',
    );
    expect(() => evaluate({ 'Fn::ImportValue': 'nope' }, scope)).toThrow(
      'No export named nope found',
    );
  });

  it('Fn::FindInMap looks up mappings and names a missing key', () => {
    expect(
      evaluate(
        { 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'Bucket'] },
        scope,
      ),
    ).toBe('assets-use1');
    expect(() =>
      evaluate(
        { 'Fn::FindInMap': ['RegionMap', 'eu-west-9', 'Bucket'] },
        scope,
      ),
    ).toThrow('Unable to get mapping for RegionMap::eu-west-9::Bucket');
  });

  it('Fn::GetAZs, Fn::Base64, Fn::Cidr, Fn::Length and Fn::ToJsonString', () => {
    expect(evaluate({ 'Fn::GetAZs': '' }, scope)).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
    expect(evaluate({ 'Fn::Base64': 'hello' }, scope)).toBe('aGVsbG8=');
    expect(evaluate({ 'Fn::Cidr': ['10.2.0.0/16', 3, 8] }, scope)).toEqual([
      '10.2.0.0/24',
      '10.2.1.0/24',
      '10.2.2.0/24',
    ]);
    expect(evaluate({ 'Fn::Length': [1, 2, 3] }, scope)).toBe(3);
    expect(evaluate({ 'Fn::ToJsonString': { a: { Ref: 'Env' } } }, scope)).toBe(
      '{"a":"dev"}',
    );
    expect(() =>
      evaluate({ 'Fn::Cidr': ['10.0.0.0/24', 2, 8] }, scope),
    ).toThrow(/Fn::Cidr/);
  });

  it('detects conditions that refer to each other in a cycle', () => {
    const template = parseTemplate(`
Conditions:
  A: !Condition B
  B: !Not [!Condition A]
Resources:
  R: {Type: AWS::SQS::Queue}
`);
    const base = { ...scopeWith(), mappings: {} };
    const isConditionTrue = conditionEvaluator(template, base);
    expect(() => isConditionTrue('A')).toThrow(
      'Circular dependency between conditions',
    );
  });
});
