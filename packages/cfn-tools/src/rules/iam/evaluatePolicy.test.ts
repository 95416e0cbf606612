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
import { templateSetFromSources } from '../../template/loadTemplateSet';
import { evaluatePolicy, globMatches } from './evaluatePolicy';
import { policyStatements } from './policyStatements';

const template = templateSetFromSources({ 't.yaml': 'Resources: {}' }).templates[0];
const statements = (...statement: unknown[]) => policyStatements({ Statement: statement }, template);
const training = 'sagemaker:CreateTrainingJob';

describe('evaluatePolicy', () => {
  it('lets an explicit deny win over an allow, and denies implicitly otherwise', () => {
    const policy = statements(
      { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' },
      { Effect: 'Deny', Action: training, Resource: '*' },
    );
    expect(evaluatePolicy(policy, { action: training })).toBe('explicit-deny');
    expect(evaluatePolicy(policy, { action: 'sagemaker:CreateModel' })).toBe('allow');
    expect(evaluatePolicy(policy, { action: 's3:GetObject' })).toBe('implicit-deny');
  });

  it('evaluates Null as a presence test', () => {
    const denyWithoutSubnets = statements({ Effect: 'Deny', Action: training, Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'true' } } });
    expect(evaluatePolicy(denyWithoutSubnets, { action: training, context: {} })).toBe('explicit-deny');
    expect(evaluatePolicy(denyWithoutSubnets, { action: training, context: { 'sagemaker:VpcSubnets': ['subnet-1'] } })).toBe('implicit-deny');
    const inverted = statements({ Effect: 'Deny', Action: training, Resource: '*', Condition: { Null: { 'sagemaker:VpcSubnets': 'false' } } });
    expect(evaluatePolicy(inverted, { action: training, context: {} })).toBe('implicit-deny');
  });

  it('treats an absent key as IAM does for set operators and IfExists', () => {
    const allowForAll = statements({ Effect: 'Allow', Action: training, Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'sagemaker:VpcSubnets': ['subnet-1'] } } });
    expect(evaluatePolicy(allowForAll, { action: training, context: {} })).toBe('allow');
    expect(evaluatePolicy(allowForAll, { action: training, context: { 'sagemaker:VpcSubnets': ['subnet-1', 'subnet-9'] } })).toBe('implicit-deny');

    const denyForAny = statements({ Effect: 'Deny', Action: training, Resource: '*', Condition: { 'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': ['subnet-1'] } } });
    expect(evaluatePolicy(denyForAny, { action: training, context: {} })).toBe('implicit-deny');
    expect(evaluatePolicy(denyForAny, { action: training, context: { 'sagemaker:VpcSubnets': ['subnet-1', 'subnet-9'] } })).toBe('explicit-deny');

    const denyIfExists = statements({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } } });
    expect(evaluatePolicy(denyIfExists, { action: 's3:PutObject', context: {} })).toBe('explicit-deny');
    expect(evaluatePolicy(denyIfExists, { action: 's3:PutObject', context: { 's3:x-amz-server-side-encryption': ['aws:kms'] } })).toBe('implicit-deny');

    const denyNegated = statements({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } });
    expect(evaluatePolicy(denyNegated, { action: 's3:GetObject', context: {} })).toBe('explicit-deny');
    const boolDeny = statements({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(evaluatePolicy(boolDeny, { action: 's3:GetObject', context: {} })).toBe('implicit-deny');
  });

  it('substitutes policy variables from the request context', () => {
    const ownPrefix = statements({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': 'teams/${aws:PrincipalTag/TeamName}/*' } },
    });
    const context = (prefix: string) => ({ 's3:prefix': [prefix], 'aws:PrincipalTag/TeamName': ['alpha'] });
    expect(evaluatePolicy(ownPrefix, { action: 's3:ListBucket', context: context('teams/alpha/x') })).toBe('allow');
    expect(evaluatePolicy(ownPrefix, { action: 's3:ListBucket', context: context('teams/beta/x') })).toBe('implicit-deny');
  });

  it('ignores a Deny that exists only in one branch of Fn::If', () => {
    const policy = statements(
      { Effect: 'Allow', Action: training, Resource: '*' },
      { 'Fn::If': ['Strict', { Effect: 'Deny', Action: training, Resource: '*' }, { Ref: 'AWS::NoValue' }] },
    );
    expect(evaluatePolicy(policy, { action: training })).toBe('allow');
  });

  it('matches actions case-insensitively and NotAction as its complement', () => {
    expect(globMatches('sagemaker:create*', training, true)).toBe(true);
    const notAction = statements({ Effect: 'Deny', NotAction: 'sagemaker:Describe*', Resource: '*' });
    expect(evaluatePolicy(notAction, { action: training })).toBe('explicit-deny');
    expect(evaluatePolicy(notAction, { action: 'sagemaker:DescribeDomain' })).toBe('implicit-deny');
  });
});
