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
import path from 'node:path';
import { runSecurityRules } from './rules';
import { loadTemplateSet } from './template/loadTemplateSet';
import type { Finding } from './template/types';
import { loadResourceSpec, ResourceSpec } from './validate/resourceSpec';
import { validateTemplateSet } from './validate/validateTemplateSet';

const fixtures = path.resolve(__dirname, '__fixtures__');
let spec: ResourceSpec;
beforeAll(async () => {
  spec = await loadResourceSpec();
});

async function findingsFor(dir: string, rules?: string[]): Promise<Finding[]> {
  const { set, parseFindings } = await loadTemplateSet(path.join(fixtures, dir));
  return [...parseFindings, ...validateTemplateSet(set, spec).findings, ...runSecurityRules({ set, spec }, rules)];
}

type Expected = Omit<Finding, 'message'> & { message: unknown };

const negativeCases: Array<{ fixture: string; rules?: string[]; expected: Expected[] }> = [
  {
    fixture: 'unknown-property',
    expected: [{ file: 'template.yaml', logicalId: 'AlertsTopic', check: 'spec/unknown-property', message: 'DisplayNme is not a property of AWS::SNS::Topic' }],
  },
  {
    fixture: 'dangling-ref',
    expected: [{ file: 'template.yaml', logicalId: 'AlertsTopic', check: 'ref', message: 'Ref to AlertsTopicName, which is not a parameter, resource or pseudo parameter' }],
  },
  {
    fixture: 'missing-export',
    expected: [{ file: 'importer.yaml', logicalId: 'Subscription', check: 'import/not-exported', message: 'Fn::ImportValue *-topic-arn matches no export of any other template in the set' }],
  },
  {
    fixture: 'bucket-without-tls-deny',
    expected: [{ file: 'shared/logs.yaml', logicalId: 'LogsBucket', check: 'S3_TLS_ONLY', message: expect.stringMatching(/^the bucket policy does not deny requests without TLS \(aws:SecureTransport=false\) for s3:ListBucket, .*s3:GetObject/) }],
  },
  {
    fixture: 'wrong-property-shape',
    expected: [
      { file: 'template.yaml', logicalId: 'WorkQueue', check: 'spec/property-shape', message: 'DelaySeconds must be integer, got a string ("soon")' },
      { file: 'template.yaml', logicalId: 'WorkQueue', check: 'spec/property-shape', message: 'Tags must be List of Tag (Key/Value), got a mapping' },
    ],
  },
  {
    fixture: 'missing-required-property',
    expected: [{ file: 'template.yaml', logicalId: 'AlertsSubscription', check: 'spec/required-property', message: 'missing required property Protocol of AWS::SNS::Subscription' }],
  },
  {
    fixture: 'unknown-getatt-attribute',
    expected: [{ file: 'template.yaml', logicalId: 'WorkQueueUrl', check: 'getatt', message: 'Fn::GetAtt WorkQueue.Url: AWS::SQS::Queue has no attribute Url (it has: Arn, QueueName, QueueUrl)' }],
  },
  {
    fixture: 'duplicate-export',
    expected: [{ file: 'second.yaml', logicalId: 'AlertsTopicArn', check: 'export/duplicate', message: 'export name shared-alerts-topic-arn is also exported by first.yaml output AlertsTopicArn' }],
  },
  {
    fixture: 'unused-parameter',
    expected: [{ file: 'template.yaml', logicalId: 'RetentionDays', check: 'parameter/unused', message: 'parameter RetentionDays is declared but never used' }],
  },
  {
    fixture: 'profile-v2-deny-not-enforcing',
    rules: ['PROFILE_DENIES_NO_VPC'],
    expected: [
      {
        file: 'products/user-profile-v2.yaml',
        logicalId: 'ExecutionRole',
        check: 'PROFILE_DENIES_NO_VPC',
        message: 'CreateTrainingJob, CreateProcessingJob, CreateHyperParameterTuningJob, CreateAutoMLJob, CreateAutoMLJobV2, CreateModel without sagemaker:VpcSubnets is not explicitly denied',
      },
      {
        file: 'products/user-profile-v2.yaml',
        logicalId: 'ExecutionRole',
        check: 'PROFILE_DENIES_NO_VPC',
        message: 'CreateTrainingJob, CreateProcessingJob, CreateHyperParameterTuningJob, CreateAutoMLJob, CreateAutoMLJobV2, CreateModel without sagemaker:VpcSecurityGroupIds is not explicitly denied',
      },
    ],
  },
];

describe('negative fixtures', () => {
  it.each(negativeCases)('$fixture fails with the file, logical ID and reason', async ({ fixture, rules, expected }) => {
    const findings = await findingsFor(`negative/${fixture}`, rules);
    expect(findings).toEqual(expected);
  });
});

describe('positive fixtures', () => {
  it('accepts a v2 profile whose Null denies really catch jobs without VPC keys', async () => {
    expect(await findingsFor('positive/profile-v2-enforcing', ['PROFILE_DENIES_NO_VPC'])).toEqual([]);
  });

  it('accepts the packaging fixture', async () => {
    expect(await findingsFor('package', [])).toEqual([]);
  });
});
