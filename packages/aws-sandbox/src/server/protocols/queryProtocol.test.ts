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

import { decodeQueryParameters } from './queryProtocol';

describe('decodeQueryParameters', () => {
  it('builds lists, maps and nested members from flat names', () => {
    expect(
      decodeQueryParameters([
        ['StackName', 'team-env'],
        ['Parameters.member.2.ParameterKey', 'B'],
        ['Parameters.member.1.ParameterKey', 'A'],
        ['Parameters.member.1.ParameterValue', '1'],
        ['Tags.member.1.Key', 'team'],
        ['Tags.member.1.Value', 'fraud'],
        ['Capabilities.member.1', 'CAPABILITY_IAM'],
        ['Attributes.entry.1.key', 'k'],
        ['Attributes.entry.1.value', 'v'],
        ['RollbackConfiguration.MonitoringTimeInMinutes', '5'],
      ]),
    ).toEqual({
      StackName: 'team-env',
      Parameters: [
        { ParameterKey: 'A', ParameterValue: '1' },
        { ParameterKey: 'B' },
      ],
      Tags: [{ Key: 'team', Value: 'fraud' }],
      Capabilities: ['CAPABILITY_IAM'],
      Attributes: { k: 'v' },
      RollbackConfiguration: { MonitoringTimeInMinutes: '5' },
    });
  });

  it('rejects malformed names with MalformedQueryString', () => {
    expect(() => decodeQueryParameters([['A..B', 'x']])).toThrow(
      expect.objectContaining({ code: 'MalformedQueryString' }),
    );
    expect(() =>
      decodeQueryParameters([
        ['A', 'x'],
        ['A.B', 'y'],
      ]),
    ).toThrow(expect.objectContaining({ code: 'MalformedQueryString' }));
    expect(() => decodeQueryParameters([['L.member.0', 'x']])).toThrow(
      expect.objectContaining({ code: 'MalformedQueryString' }),
    );
  });
});
