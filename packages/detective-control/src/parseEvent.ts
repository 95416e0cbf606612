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
  fromCloudTrailRequest,
  SageMakerWorkload,
  workloadKindForEventName,
} from '@internal/plugin-sagemaker-studio-common';
import { CloudTrailEventBridgeEvent } from './types';

/** The result of reading an event: a workload to judge, or why not. */
export type ParsedEvent =
  | { eventName: string; workload: SageMakerWorkload }
  | { eventName: string; ignored: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that the event is a successful SageMaker Create* call in the
 * watched account and region, and normalises its request parameters.
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
  if (!workloadKindForEventName(eventName)) {
    return {
      eventName,
      ignored: `${
        eventName || 'the event'
      } is not a SageMaker create call the rules judge`,
    };
  }
  if (detail.errorCode) {
    return {
      eventName,
      ignored: `the call failed with ${String(
        detail.errorCode,
      )}, so nothing was created`,
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
  return { eventName, workload };
}
