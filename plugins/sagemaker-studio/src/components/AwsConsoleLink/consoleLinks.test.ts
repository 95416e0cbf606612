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

import {
  bucketConsoleUrl,
  domainConsoleUrl,
  kmsKeyConsoleUrl,
  roleConsoleUrl,
  roleName,
} from './consoleLinks';

describe('consoleLinks', () => {
  it('links to the region of the resource', () => {
    expect(domainConsoleUrl('us-east-2', 'd-1')).toBe(
      'https://us-east-2.console.aws.amazon.com/sagemaker/home?region=us-east-2#/studio/d-1',
    );
  });

  it("takes a KMS key's region from its ARN", () => {
    expect(
      kmsKeyConsoleUrl('eu-west-1', 'arn:aws:kms:eu-central-1:1:key/k-1'),
    ).toBe(
      'https://eu-central-1.console.aws.amazon.com/kms/home?region=eu-central-1#/kms/keys/k-1',
    );
  });

  it('names a role by the last segment of its path', () => {
    expect(roleName('arn:aws:iam::1:role/service-role/a/studio')).toBe(
      'studio',
    );
    expect(roleConsoleUrl('eu-west-1', 'arn:aws:iam::1:role/r')).toBe(
      'https://console.aws.amazon.com/iam/home#/roles/details/r',
    );
  });

  it('uses the console of the partition for China and GovCloud regions', () => {
    expect(domainConsoleUrl('cn-north-1', 'd-1')).toMatch(
      /^https:\/\/cn-north-1\.console\.amazonaws\.cn\//,
    );
    expect(
      roleConsoleUrl('us-gov-west-1', 'arn:aws-us-gov:iam::1:role/r'),
    ).toMatch(/^https:\/\/console\.amazonaws-us-gov\.com\//);
    expect(bucketConsoleUrl('cn-north-1', 'b')).toBe(
      'https://console.amazonaws.cn/s3/buckets/b?region=cn-north-1',
    );
  });
});
