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

import { parseTemplate } from './parseTemplate';

describe('parseTemplate', () => {
  it('expands every YAML short form to its long form', () => {
    const template = parseTemplate(`
Resources:
  R:
    Type: AWS::SSM::Parameter
    Properties:
      A: !Ref Param
      B: !GetAtt Res.Arn
      C: !GetAtt Nested.Outputs.VpcId
      D: !Sub 'x-\${AWS::Region}'
      E: !If [Cond, !Join ['-', [a, b]], !Ref AWS::NoValue]
      F: !Select [0, !Split [',', 'a,b']]
      G: !Equals [a, b]
      H: !Not [!Condition Other]
      I: !And [!Condition A, !Or [!Condition B, !Condition C]]
      J: !ImportValue shared-vpc
      K: !FindInMap [Map, Top, Second]
      L: !GetAZs ''
      M: !Base64 text
      N: !Cidr [10.0.0.0/16, 2, 8]
`);
    expect(template.Resources.R.Properties).toEqual({
      A: { Ref: 'Param' },
      B: { 'Fn::GetAtt': ['Res', 'Arn'] },
      C: { 'Fn::GetAtt': ['Nested', 'Outputs.VpcId'] },
      D: { 'Fn::Sub': 'x-${AWS::Region}' },
      E: {
        'Fn::If': [
          'Cond',
          { 'Fn::Join': ['-', ['a', 'b']] },
          { Ref: 'AWS::NoValue' },
        ],
      },
      F: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
      G: { 'Fn::Equals': ['a', 'b'] },
      H: { 'Fn::Not': [{ Condition: 'Other' }] },
      I: {
        'Fn::And': [
          { Condition: 'A' },
          { 'Fn::Or': [{ Condition: 'B' }, { Condition: 'C' }] },
        ],
      },
      J: { 'Fn::ImportValue': 'shared-vpc' },
      K: { 'Fn::FindInMap': ['Map', 'Top', 'Second'] },
      L: { 'Fn::GetAZs': '' },
      M: { 'Fn::Base64': 'text' },
      N: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] },
    });
  });

  it('reads JSON templates', () => {
    const template = parseTemplate(
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
    );
    expect(template.Resources.Q.Type).toBe('AWS::SQS::Queue');
  });

  it('resolves YAML anchors', () => {
    const template = parseTemplate(
      'Resources:\n  A: &queue\n    Type: AWS::SQS::Queue\n  B: *queue\n',
    );
    expect(template.Resources.B).toEqual({ Type: 'AWS::SQS::Queue' });
  });

  it('rejects a template without resources, as CloudFormation does', () => {
    expect(() => parseTemplate('Description: empty')).toThrow(
      'Template format error: At least one Resources member must be defined.',
    );
  });

  it('rejects a resource without a type', () => {
    expect(() =>
      parseTemplate('Resources:\n  A:\n    Properties: {}\n'),
    ).toThrow(
      'Template format error: [/Resources/A] Every Resources object must contain a Type member.',
    );
  });

  it('rejects malformed YAML and JSON', () => {
    expect(() => parseTemplate('Resources: [unclosed')).toThrow(
      /YAML not well-formed/,
    );
    expect(() => parseTemplate('{"Resources": ')).toThrow(
      /JSON not well-formed/,
    );
  });
});
