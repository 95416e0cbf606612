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

import { randomUUID } from 'node:crypto';
import type { SandboxEvent } from './types';

/** CloudTrail writes request and response members in lowerCamelCase. */
export function toLowerCamelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toLowerCamelCaseKeys);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [
          lowerFirst(key),
          toLowerCamelCaseKeys(member),
        ]),
    );
  }
  return value;
}

function lowerFirst(key: string): string {
  return key.length === 0 ? key : key[0].toLowerCase() + key.slice(1);
}

export interface ApiCallDetails {
  /** Service principal prefix, e.g. `sagemaker`. */
  service: string;
  eventName: string;
  account: string;
  region: string;
  accessKeyId: string;
  requestId: string;
  time: Date;
  requestParameters: unknown;
  responseElements: unknown;
  resources?: string[];
}

/** Builds the event EventBridge delivers for an API call recorded by CloudTrail. */
export function createCloudTrailEvent(call: ApiCallDetails): SandboxEvent {
  const time = call.time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${call.service}`,
    account: call.account,
    time,
    region: call.region,
    resources: call.resources ?? [],
    detail: {
      eventVersion: '1.09',
      userIdentity: {
        type: 'IAMUser',
        principalId: call.accessKeyId,
        arn: `arn:aws:iam::${call.account}:user/sandbox`,
        accountId: call.account,
        accessKeyId: call.accessKeyId,
        userName: 'sandbox',
      },
      eventTime: time,
      eventSource: `${call.service}.amazonaws.com`,
      eventName: call.eventName,
      awsRegion: call.region,
      sourceIPAddress: '127.0.0.1',
      userAgent: 'aws-sandbox',
      requestParameters: toLowerCamelCaseKeys(call.requestParameters),
      responseElements: toLowerCamelCaseKeys(call.responseElements),
      requestID: call.requestId,
      eventID: randomUUID(),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: call.account,
      eventCategory: 'Management',
    },
  };
}
