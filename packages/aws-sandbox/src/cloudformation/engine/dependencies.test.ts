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

import { creationOrder } from './dependencies';
import { parseTemplate } from './parseTemplate';

describe('creationOrder', () => {
  it('orders resources after what they Ref, GetAtt, Sub or DependsOn', () => {
    const order = creationOrder(
      parseTemplate(`
Resources:
  D:
    Type: AWS::SSM::Parameter
    DependsOn: [C]
    Properties: {Value: x}
  C:
    Type: AWS::SSM::Parameter
    Properties: {Value: !Sub '\${B.Arn}'}
  B:
    Type: AWS::SSM::Parameter
    Properties: {Value: !GetAtt A.Arn}
  A:
    Type: AWS::SSM::Parameter
    Properties: {Value: !Sub ['\${Local}', {Local: literal}]}
`),
    );
    expect(order).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reports a cycle with the resources in it', () => {
    expect(() =>
      creationOrder(
        parseTemplate(`
Resources:
  A: {Type: AWS::SSM::Parameter, Properties: {Value: !Ref B}}
  B: {Type: AWS::SSM::Parameter, Properties: {Value: !GetAtt A.Value}}
  C: {Type: AWS::SSM::Parameter, Properties: {Value: x}}
`),
      ),
    ).toThrow(
      'Template format error: Circular dependency between resources: [A, B]',
    );
  });

  it('reports references to names the template does not declare', () => {
    expect(() =>
      creationOrder(
        parseTemplate(
          'Resources:\n  A: {Type: AWS::SSM::Parameter, DependsOn: Ghost, Properties: {Value: !Ref Phantom}}\n',
        ),
      ),
    ).toThrow(
      'Template format error: Unresolved resource dependencies [Phantom, Ghost] in the Resources block of the template',
    );
  });
});
