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

import { parameterValuesForRef, resolveParameters } from './parameters';
import { parseTemplate } from './parseTemplate';

const TEMPLATE = parseTemplate(`
Parameters:
  TeamName:
    Type: String
    AllowedPattern: '[a-z][a-z0-9-]*'
  EnvType:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Owner:
    Type: String
    MinLength: 3
    MaxLength: 8
  Size:
    Type: Number
    Default: 10
    MinValue: 1
    MaxValue: 100
  Ports:
    Type: List<Number>
    Default: '80,443'
  Subnets:
    Type: CommaDelimitedList
    Default: 'subnet-a, subnet-b'
  Vpc:
    Type: AWS::EC2::VPC::Id
    Default: vpc-123
  ImageId:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /images/latest
  Secret:
    Type: String
    Default: hush
    NoEcho: true
  Described:
    Type: String
    Default: ok
    AllowedPattern: '^ok$'
    ConstraintDescription: must be ok
Resources:
  R: {Type: AWS::SQS::Queue}
`);

const required = [
  { ParameterKey: 'TeamName', ParameterValue: 'fraud-detection' },
  { ParameterKey: 'Owner', ParameterValue: 'alice' },
];

function valueOf(
  key: string,
  parameters = resolveParameters(TEMPLATE, required),
) {
  return parameters.find(parameter => parameter.key === key);
}

describe('resolveParameters', () => {
  it('applies defaults and keeps given values', () => {
    expect(valueOf('EnvType')?.value).toBe('dev');
    expect(valueOf('TeamName')?.value).toBe('fraud-detection');
    expect(valueOf('Secret')?.noEcho).toBe(true);
  });

  it('reports every missing parameter at once', () => {
    expect(() => resolveParameters(TEMPLATE, [])).toThrow(
      'Parameters: [TeamName, Owner] must have values',
    );
  });

  it('rejects parameters the template does not declare', () => {
    expect(() =>
      resolveParameters(TEMPLATE, [
        ...required,
        { ParameterKey: 'Nope', ParameterValue: 'x' },
      ]),
    ).toThrow('Parameters: [Nope] do not exist in the template');
  });

  it.each([
    [
      { ParameterKey: 'EnvType', ParameterValue: 'test' },
      "Parameter 'EnvType' must be one of AllowedValues",
    ],
    [
      { ParameterKey: 'TeamName', ParameterValue: 'Fraud' },
      "Parameter 'TeamName' must match pattern [a-z][a-z0-9-]*",
    ],
    [
      { ParameterKey: 'Owner', ParameterValue: 'al' },
      "Parameter 'Owner' must contain at least 3 characters",
    ],
    [
      { ParameterKey: 'Owner', ParameterValue: 'alexandria' },
      "Parameter 'Owner' must contain at most 8 characters",
    ],
    [
      { ParameterKey: 'Size', ParameterValue: '0' },
      "Parameter 'Size' must be a number not less than 1",
    ],
    [
      { ParameterKey: 'Size', ParameterValue: '101' },
      "Parameter 'Size' must be a number not greater than 100",
    ],
    [
      { ParameterKey: 'Size', ParameterValue: 'ten' },
      "Parameter 'Size' must be a number",
    ],
    [
      { ParameterKey: 'Ports', ParameterValue: '80,http' },
      "Parameter 'Ports' must be a number",
    ],
    [
      { ParameterKey: 'Described', ParameterValue: 'no' },
      "Parameter 'Described' failed to satisfy constraint: must be ok",
    ],
  ])('rejects %o', (input, message) => {
    const inputs = [
      ...required.filter(
        parameter => parameter.ParameterKey !== input.ParameterKey,
      ),
      input,
    ];
    expect(() => resolveParameters(TEMPLATE, inputs)).toThrow(message);
  });

  it('takes the previous value when asked to', () => {
    const parameters = resolveParameters(
      TEMPLATE,
      [...required, { ParameterKey: 'EnvType', UsePreviousValue: true }],
      { EnvType: 'prod' },
    );
    expect(valueOf('EnvType', parameters)?.value).toBe('prod');
  });

  it('gives lists as arrays to Ref and resolves SSM parameter types', async () => {
    const values = await parameterValuesForRef(
      resolveParameters(TEMPLATE, required),
      async name =>
        name === '/images/latest'
          ? 'ami-42'
          : Promise.reject(new Error('missing')),
    );
    expect(values.Ports).toEqual(['80', '443']);
    expect(values.Subnets).toEqual(['subnet-a', 'subnet-b']);
    expect(values.Vpc).toBe('vpc-123');
    expect(values.ImageId).toBe('ami-42');
  });

  it('rejects an unknown parameter type', () => {
    const template = parseTemplate(
      'Parameters:\n  X: {Type: Strin}\nResources:\n  R: {Type: AWS::SQS::Queue}\n',
    );
    expect(() => resolveParameters(template, [])).toThrow(
      'Unrecognized parameter type: Strin',
    );
  });
});
