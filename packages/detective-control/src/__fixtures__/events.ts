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

/*
 * EventBridge events for SageMaker API calls recorded by CloudTrail, built
 * from the request fixtures that the compliance rules are tested with.
 */

/* eslint-disable @backstage/no-relative-monorepo-imports -- test fixtures are not part of the common package's public entry points */
import {
  ACCOUNT_ID,
  cloudTrailFixtures,
  REGION,
} from '../../../../plugins/sagemaker-studio-common/src/compliance/__fixtures__/cloudTrailRequests';
import { CloudTrailEventBridgeEvent } from '../types';

export { complianceFixtures } from '../../../../plugins/sagemaker-studio-common/src/compliance/__fixtures__';

export {
  ACCOUNT_ID,
  REGION,
  cloudTrailFixtures,
  scenarioD2ModelInVpc,
  scenarioN10TrainWithVpc,
  scenarioN9TrainWithoutVpc,
} from '../../../../plugins/sagemaker-studio-common/src/compliance/__fixtures__/cloudTrailRequests';

export function cloudTrailEvent(
  eventName: string,
  requestParameters: unknown,
  options: {
    responseElements?: unknown;
    detail?: Record<string, unknown>;
    event?: Partial<CloudTrailEventBridgeEvent>;
  } = {},
): CloudTrailEventBridgeEvent {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.sagemaker',
    account: ACCOUNT_ID,
    time: '2026-11-26T10:00:00Z',
    region: REGION,
    resources: [],
    detail: {
      eventVersion: '1.09',
      userIdentity: {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/ds-notebook-role-fraud-dev-alice/SageMaker`,
      },
      eventTime: '2026-11-26T10:00:00Z',
      eventSource: 'sagemaker.amazonaws.com',
      eventName,
      awsRegion: REGION,
      sourceIPAddress: '10.2.1.17',
      requestParameters,
      responseElements: options.responseElements ?? null,
      eventID: 'a6c9b1f4-0d6e-4a53-9d7a-2c1f0e2b7c11',
      eventType: 'AwsApiCall',
      recipientAccountId: ACCOUNT_ID,
      ...options.detail,
    },
    ...options.event,
  };
}

/** The event for a fixture kind, compliant or not. */
export function fixtureEvent(
  kind: keyof typeof cloudTrailFixtures,
  compliant: boolean,
): CloudTrailEventBridgeEvent {
  const f = cloudTrailFixtures[kind];
  return cloudTrailEvent(
    f.eventName,
    compliant ? f.compliant : f.nonCompliant,
    {
      responseElements: f.responseElements,
    },
  );
}
