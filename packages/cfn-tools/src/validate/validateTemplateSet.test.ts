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
import { templateSetFromSources } from '../template/loadTemplateSet';
import type { Finding } from '../template/types';
import { loadResourceSpec, ResourceSpec } from './resourceSpec';
import { validateTemplateSet } from './validateTemplateSet';

let spec: ResourceSpec;
beforeAll(async () => {
  spec = await loadResourceSpec();
});

function validate(sources: Record<string, string>): Finding[] {
  return validateTemplateSet(templateSetFromSources(sources), spec).findings;
}

const summary = (findings: Finding[]) => findings.map(f => `${f.file}: ${f.logicalId}: ${f.message} [${f.check}]`);

describe('validateTemplateSet', () => {
  it('accepts a template that uses intrinsics wherever values are expected', () => {
    const findings = validate({
      'a.yaml': `
Parameters:
  Env: { Type: String, AllowedValues: [dev, prod] }
  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Mappings:
  Sizes: { dev: { Retention: 7 }, prod: { Retention: 365 } }
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Condition: IsProd
    Properties:
      RetentionInDays: !FindInMap [Sizes, !Ref Env, Retention]
      LogGroupName: !Sub '/x/\${AWS::StackName}/\${!Literal}'
  Group:
    Type: AWS::EC2::SecurityGroup
    DependsOn: [Logs]
    Properties:
      GroupDescription: !If [IsDev, dev group, !Ref AWS::NoValue]
      VpcId: !ImportValue shared-vpc-id
      SecurityGroupIngress: !If [IsDev, [], [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8 }]]
  Custom:
    Type: Custom::Thing
    Properties:
      ServiceToken: !GetAtt Logs.Arn
      Anything: [1, 2]
Outputs:
  Subnets:
    Value: !Join [',', !Ref Subnets]
  Export:
    Value: !GetAtt Group.GroupId
    Export: { Name: shared-vpc }
`,
      'b.yaml': `
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !ImportValue shared-vpc
Outputs:
  VpcId:
    Value: !Ref Topic
    Export: { Name: shared-vpc-id }
`,
    });
    expect(summary(findings)).toEqual([]);
  });

  it('checks both branches of Fn::If against the property type', () => {
    expect(summary(validate({
      't.yaml': `
Conditions:
  Always: !Equals [a, a]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [Always, 5, later]
`,
    }))).toEqual(['t.yaml: Queue: DelaySeconds must be integer, got a string ("later") [spec/property-shape]']);
  });

  it('reports unknown types, conditions, mappings, DependsOn targets and Sub variables', () => {
    expect(summary(validate({
      't.yaml': `
Resources:
  Thing:
    Type: AWS::Made::Up
  Topic:
    Type: AWS::SNS::Topic
    Condition: Missing
    DependsOn: Ghost
    Properties:
      TopicName: !Sub '\${Nope}-\${Thing.Arn}'
      DisplayName: !FindInMap [NoMap, a, b]
`,
    }))).toEqual([
      't.yaml: Thing: unknown resource type AWS::Made::Up [spec/resource-type]',
      't.yaml: Topic: Fn::Sub variable ${Nope} is not a parameter, resource, pseudo parameter or local variable [sub]',
      't.yaml: Topic: Fn::FindInMap names the mapping NoMap, which does not exist [mapping]',
      't.yaml: Topic: condition "Missing" is not declared in Conditions [condition]',
      't.yaml: Topic: DependsOn "Ghost" is not a resource of this template [depends-on]',
    ]);
  });

  it('checks nested stacks against their templates: outputs, passed and required parameters', () => {
    expect(summary(validate({
      'root.yaml': `
Parameters:
  TemplateBaseUrl: { Type: String }
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub '\${TemplateBaseUrl}/shared/network.yaml'
      Parameters:
        Cidr: 10.0.0.0/16
        Colour: blue
  Missing:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub '\${TemplateBaseUrl}/shared/absent.yaml'
Outputs:
  Vpc:
    Value: !GetAtt Network.Outputs.VpcId
  Subnet:
    Value: !GetAtt Network.Outputs.SubnetId
`,
      'shared/network.yaml': `
Parameters:
  Cidr: { Type: String }
  Name: { Type: String }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref Cidr
      Tags: [{ Key: Name, Value: !Ref Name }]
Outputs:
  VpcId:
    Value: !Ref Vpc
`,
    }))).toEqual([
      'root.yaml: Subnet: Fn::GetAtt Network.Outputs.SubnetId: the nested template shared/network.yaml has no output SubnetId [getatt]',
      'root.yaml: Network: passes parameter Colour, which shared/network.yaml does not declare [nested-stack]',
      'root.yaml: Network: does not pass parameter Name, which shared/network.yaml requires (no Default) [nested-stack]',
      'root.yaml: Missing: TemplateURL {"Fn::Sub":"${TemplateBaseUrl}/shared/absent.yaml"} does not point at a template of the set [nested-stack]',
    ]);
  });

  it('only lets conditions Ref parameters', () => {
    expect(summary(validate({
      't.yaml': `
Conditions:
  Odd: !Equals [!Ref Topic, x]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: Odd
`,
    }))).toEqual(['t.yaml: Odd: a condition may only Ref parameters, not the resource Topic [ref]']);
  });

  it('treats export names with the stack name as unique per stack only', () => {
    const exporting = (name: string) => `
Resources:
  Topic: { Type: AWS::SNS::Topic }
Outputs:
  A:
    Value: !Ref Topic
    Export: { Name: !Sub '${name}' }
  B:
    Value: !Ref Topic
    Export: { Name: !Sub '${name}' }
`;
    expect(summary(validate({ 'x.yaml': exporting('${AWS::StackName}-topic'), 'y.yaml': exporting('${AWS::StackName}-topic').replace(/\n {2}B:[\s\S]*$/, '\n') }))).toEqual([
      "x.yaml: B: export name *-topic is also exported by x.yaml output A [export/duplicate]",
    ]);
  });

  it('checks parameter defaults and literal nested-stack values against the constraints', () => {
    expect(summary(validate({
      'root.yaml': `
Parameters:
  Env: { Type: String, Default: staging, AllowedValues: [dev, prod] }
  Name: { Type: String, Default: Bad_Name, AllowedPattern: '[a-z-]+' }
  Optional: { Type: String, Default: '', AllowedPattern: '[a-z]+' }
  Days: { Type: Number, Default: 5000, MaxValue: 3653 }
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: child.yaml
      Parameters:
        Size: huge
        Tag: !Sub '\${Env}-\${Name}-\${Optional}-\${Days}'
`,
      'child.yaml': `
Parameters:
  Size: { Type: String, AllowedValues: [small, large] }
  Tag: { Type: String }
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '\${Size}-\${Tag}'
`,
    }))).toEqual([
      'root.yaml: Env: Default "staging" is not one of AllowedValues ["dev","prod"] [parameter/value]',
      'root.yaml: Name: Default "Bad_Name" does not match AllowedPattern [a-z-]+ [parameter/value]',
      'root.yaml: Days: Default "5000" breaks MaxValue 3653 [parameter/value]',
      'root.yaml: Child: passes Size "huge" is not one of AllowedValues ["small","large"] in child.yaml [parameter/value]',
    ]);
  });
});
