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
  cloudTrailResourceRef,
  fromCloudTrailRequest,
  judgedEventFor,
  SageMakerResourceRef,
  SageMakerWorkload,
} from '@internal/plugin-sagemaker-studio-common';
import { CloudTrailEventBridgeEvent } from './types';

/**
 * The result of reading an event: a workload to judge from the request, a
 * resource to read back before judging it (Update* calls, and apps created
 * without naming an image), or why the event is ignored.
 */
export type ParsedEvent =
  | { eventName: string; workload: SageMakerWorkload }
  | { eventName: string; describe: SageMakerResourceRef }
  | { eventName: string; ignored: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that the event is a successful SageMaker call the rules judge
 * (`SAGEMAKER_JUDGED_EVENTS` of `-common`) in the watched account and region,
 * and either normalises its request parameters (Create* calls) or names the
 * resource to read back (Update* calls, apps created without an image).
 */
export function parseEvent(
  event: unknown,
  expected: { accountId: string; region: string },
): ParsedEvent {
  if (!isObject(event) || !isObject(event.detail)) {
    return { eventName: '', ignored: 'not an EventBridge event with a detail' };
  }
  const { detail } = event as unknown as CloudTrailEventBridgeEvent & {
    detail: NonNullable<CloudTrailEventBridgeEvent['detail']>;
  };
  const eventName =
    typeof detail.eventName === 'string' ? detail.eventName : '';
  const detailType = event['detail-type'];
  if (
    detailType !== undefined &&
    detailType !== 'AWS API Call via CloudTrail'
  ) {
    return {
      eventName,
      ignored: `detail-type ${String(detailType)} is not a CloudTrail API call`,
    };
  }
  if (event.source !== undefined && event.source !== 'aws.sagemaker') {
    return {
      eventName,
      ignored: `source ${String(event.source)} is not aws.sagemaker`,
    };
  }
  if (detail.eventSource !== 'sagemaker.amazonaws.com') {
    return {
      eventName,
      ignored: `eventSource ${String(
        detail.eventSource,
      )} is not sagemaker.amazonaws.com`,
    };
  }
  const judged = judgedEventFor(eventName);
  if (!judged) {
    return {
      eventName,
      ignored: `${
        eventName || 'the event'
      } is not a SageMaker call the rules judge`,
    };
  }
  if (detail.errorCode) {
    return {
      eventName,
      ignored: `the call failed with ${String(
        detail.errorCode,
      )}, so nothing was created or changed`,
    };
  }
  const account = detail.recipientAccountId ?? event.account;
  if (typeof account === 'string' && account !== expected.accountId) {
    return {
      eventName,
      ignored: `the event is from account ${account}, not ${expected.accountId}`,
    };
  }
  const region = detail.awsRegion ?? event.region;
  if (typeof region === 'string' && region !== expected.region) {
    return {
      eventName,
      ignored: `the event is from region ${region}, not ${expected.region}`,
    };
  }
  if (judged.judgeFrom === 'describe') {
    const ref = cloudTrailResourceRef(eventName, detail.requestParameters);
    return ref
      ? { eventName, describe: ref }
      : {
          eventName,
          ignored: 'requestParameters are missing or name no resource',
        };
  }
  const workload = fromCloudTrailRequest(
    eventName,
    detail.requestParameters,
    detail.responseElements,
  );
  if (!workload) {
    return {
      eventName,
      ignored: 'requestParameters are missing or name no resource',
    };
  }
  if (workload.kind === 'App' && !workload.imageArns) {
    // The request names no image; DescribeApp says which one the app runs.
    const ref = cloudTrailResourceRef(eventName, detail.requestParameters);
    if (ref) {
      return { eventName, describe: ref };
    }
  }
  return { eventName, workload };
}
