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
import { parseTemplate, TemplateSyntaxError } from './parseTemplate';

describe('parseTemplate', () => {
  it('turns short-form tags into their long forms', () => {
    const body = parseTemplate(`
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-data'
      Arn: !GetAtt Other.Arn
      Nested: !GetAtt Stack.Outputs.VpcId
      Listed: !GetAtt [Other, Arn]
      Maybe: !If [IsProd, !Ref Prod, !Ref AWS::NoValue]
      Joined: !Join ['-', [a, !Select [0, !Split [',', !ImportValue shared-list]]]]
      Mapped: !FindInMap [RegionMap, !Ref AWS::Region, Ami]
      Zones: !GetAZs ''
      Encoded: !Base64 text
`);
    const properties = body.Resources!.Bucket.Properties!;
    expect(body.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    });
    expect(properties.BucketName).toEqual({ 'Fn::Sub': '${AWS::StackName}-data' });
    expect(properties.Arn).toEqual({ 'Fn::GetAtt': ['Other', 'Arn'] });
    expect(properties.Nested).toEqual({ 'Fn::GetAtt': ['Stack', 'Outputs.VpcId'] });
    expect(properties.Listed).toEqual({ 'Fn::GetAtt': ['Other', 'Arn'] });
    expect(properties.Maybe).toEqual({ 'Fn::If': ['IsProd', { Ref: 'Prod' }, { Ref: 'AWS::NoValue' }] });
    expect(properties.Joined).toEqual({
      'Fn::Join': ['-', ['a', { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-list' }] }] }]],
    });
    expect(properties.Mapped).toEqual({ 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'Ami'] });
    expect(properties.Zones).toEqual({ 'Fn::GetAZs': '' });
    expect(properties.Encoded).toEqual({ 'Fn::Base64': 'text' });
  });

  it('reads JSON templates', () => {
    expect(parseTemplate('{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}}').Resources).toEqual({
      T: { Type: 'AWS::SNS::Topic' },
    });
  });

  it('rejects invalid YAML and duplicate keys', () => {
    expect(() => parseTemplate('Resources: [')).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate('Resources: {}\nResources: {}')).toThrow(/unique/i);
  });

  it('rejects a template that is not a mapping', () => {
    expect(() => parseTemplate('- a\n- b')).toThrow('the template is not a mapping');
  });
});
