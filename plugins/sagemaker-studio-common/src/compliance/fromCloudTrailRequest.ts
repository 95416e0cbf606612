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

import { extractWorkload, KIND_SPECS } from './extractWorkload';
import { field, isRecord, str } from './fields';
import { SageMakerWorkload, SageMakerWorkloadKind } from './types';

/**
 * The SageMaker CloudTrail event names that create a resource the rules can
 * judge, and the kind each one creates. Update* calls are deliberately absent:
 * their request parameters carry only the changed fields, so judging them as
 * a whole resource would report defaults that were never requested; the
 * scheduled sweep covers updates from Describe* outputs instead.
 *
 * @public
 */
export const SAGEMAKER_CREATE_EVENT_KINDS: Readonly<
  Record<string, SageMakerWorkloadKind>
> = {
  CreateTrainingJob: 'TrainingJob',
  CreateProcessingJob: 'ProcessingJob',
  CreateTransformJob: 'TransformJob',
  CreateHyperParameterTuningJob: 'HyperParameterTuningJob',
  CreateAutoMLJob: 'AutoMLJob',
  CreateAutoMLJobV2: 'AutoMLJob',
  CreateModel: 'Model',
  CreateNotebookInstance: 'NotebookInstance',
  CreateEndpointConfig: 'EndpointConfig',
  CreateDomain: 'Domain',
  CreateUserProfile: 'UserProfile',
};

/**
 * The workload kind a CloudTrail event name creates, or undefined when the
 * event is not one the rules judge.
 *
 * @public
 */
export function workloadKindForEventName(
  eventName: string,
): SageMakerWorkloadKind | undefined {
  return Object.prototype.hasOwnProperty.call(
    SAGEMAKER_CREATE_EVENT_KINDS,
    eventName,
  )
    ? SAGEMAKER_CREATE_EVENT_KINDS[eventName]
    : undefined;
}

/**
 * Normalises the `requestParameters` of a SageMaker Create* CloudTrail event
 * (lowerCamelCase, e.g. `{ trainingJobName, vpcConfig: { subnets,
 * securityGroupIds }, resourceConfig: { volumeKmsKeyId } }`).
 *
 * @param eventName - CloudTrail `eventName`, e.g. `CreateTrainingJob`.
 * @param requestParameters - CloudTrail `requestParameters`.
 * @param responseElements - CloudTrail `responseElements`; its `…Arn` field, if any, becomes `arn`.
 * @returns the workload, or undefined when the event is not a supported
 *   Create* call or the parameters carry no resource name.
 * @public
 */
export function fromCloudTrailRequest(
  eventName: string,
  requestParameters: unknown,
  responseElements?: unknown,
): SageMakerWorkload | undefined {
  const kind = workloadKindForEventName(eventName);
  if (!kind || !isRecord(requestParameters)) {
    return undefined;
  }
  const arn = str(field(responseElements, KIND_SPECS[kind].arnField));
  const workload = extractWorkload(kind, requestParameters, 'CloudTrail', {
    arn,
  });
  if (workload && kind === 'Domain' && !workload.domainId && arn) {
    // CreateDomain only returns the ARN; its last segment is the domain id.
    workload.domainId = arn.split('/').pop();
  }
  return workload;
}
