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
import { namePattern, patternsOverlap, patternText } from './namePattern';

const pattern = (value: unknown) => namePattern(value)!;

describe('namePattern', () => {
  it('treats parameters and pseudo parameters in Fn::Sub as wildcards', () => {
    expect(patternText(pattern({ 'Fn::Sub': '${SharedServicesName}-vpc-${AWS::Region}' }))).toBe('*-vpc-*');
    expect(patternText(pattern({ 'Fn::Sub': ['${Prefix}-${Kind}', { Kind: 'subnet' }] }))).toBe('*-subnet');
    expect(patternText(pattern({ 'Fn::Join': ['-', [{ Ref: 'Name' }, 'key', 'arn']] }))).toBe('*-key-arn');
  });

  it('knows names that contain the stack name are unique per stack', () => {
    expect(pattern({ 'Fn::Sub': '${AWS::StackName}-VpcId' }).stackUnique).toBe(true);
    expect(pattern({ 'Fn::Sub': '${Prefix}-VpcId' }).stackUnique).toBe(false);
  });

  it('matches an import against an export when some name fits both', () => {
    const exported = pattern({ 'Fn::Sub': '${SharedServicesName}-subnet-1-id' });
    expect(patternsOverlap(exported, pattern({ 'Fn::Sub': '${Shared}-subnet-1-id' }))).toBe(true);
    expect(patternsOverlap(exported, pattern('ds-shared-subnet-1-id'))).toBe(true);
    expect(patternsOverlap(exported, pattern({ 'Fn::Sub': '${Shared}-subnet-4-id' }))).toBe(false);
    expect(patternsOverlap(pattern({ 'Fn::Sub': 'ds-${Team}-key' }), pattern({ 'Fn::Sub': '${Prefix}-alpha-key' }))).toBe(true);
  });
});
