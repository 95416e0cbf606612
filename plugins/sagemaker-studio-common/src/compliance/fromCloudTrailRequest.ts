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
import { field, isRecord, str, tagMap } from './fields';
import { SageMakerWorkload, SageMakerWorkloadKind } from './types';

/**
 * How the rules judge one SageMaker CloudTrail event.
 *
 * @public
 */
export interface SageMakerJudgedEvent {
  /** The kind of resource the call creates or changes. */
  kind: SageMakerWorkloadKind;
  /**
   * `request`: the call's `requestParameters` describe the whole resource
   * (Create* calls), so {@link fromCloudTrailRequest} judges them.
   * `describe`: the call carries only the changed fields (Update* calls), so
   * the resource must be read back with its Describe* call and judged with
   * `fromDescribeOutput`; {@link cloudTrailResourceRef} names it.
   */
  judgeFrom: 'request' | 'describe';
}

/**
 * Every SageMaker CloudTrail event the compliance rules judge. This is the
 * one list: the EventBridge rule in
 * `cloudformation/shared/detective-control.yaml` routes exactly these event
 * names (a test compares them), the sandbox delivers exactly these to the
 * detective control, and the detective control ignores everything else.
 *
 * @public
 */
export const SAGEMAKER_JUDGED_EVENTS: Readonly<
  Record<string, SageMakerJudgedEvent>
> = {
  CreateTrainingJob: { kind: 'TrainingJob', judgeFrom: 'request' },
  CreateProcessingJob: { kind: 'ProcessingJob', judgeFrom: 'request' },
  CreateTransformJob: { kind: 'TransformJob', judgeFrom: 'request' },
  CreateHyperParameterTuningJob: {
    kind: 'HyperParameterTuningJob',
    judgeFrom: 'request',
  },
  CreateAutoMLJob: { kind: 'AutoMLJob', judgeFrom: 'request' },
  CreateAutoMLJobV2: { kind: 'AutoMLJob', judgeFrom: 'request' },
  CreateModel: { kind: 'Model', judgeFrom: 'request' },
  CreateNotebookInstance: { kind: 'NotebookInstance', judgeFrom: 'request' },
  CreateEndpointConfig: { kind: 'EndpointConfig', judgeFrom: 'request' },
  CreateDomain: { kind: 'Domain', judgeFrom: 'request' },
  UpdateDomain: { kind: 'Domain', judgeFrom: 'describe' },
  CreateUserProfile: { kind: 'UserProfile', judgeFrom: 'request' },
  UpdateUserProfile: { kind: 'UserProfile', judgeFrom: 'describe' },
  CreateSpace: { kind: 'Space', judgeFrom: 'request' },
  UpdateSpace: { kind: 'Space', judgeFrom: 'describe' },
  CreateApp: { kind: 'App', judgeFrom: 'request' },
};

/**
 * The names of {@link SAGEMAKER_JUDGED_EVENTS}, sorted: the `eventName` list
 * of the detective control's EventBridge rule.
 *
 * @public
 */
export const SAGEMAKER_JUDGED_EVENT_NAMES: readonly string[] = Object.keys(
  SAGEMAKER_JUDGED_EVENTS,
).sort();

/**
 * The judged events that create a resource, and the kind each one creates
 * (the `request` entries of {@link SAGEMAKER_JUDGED_EVENTS}).
 *
 * @public
 */
export const SAGEMAKER_CREATE_EVENT_KINDS: Readonly<
  Record<string, SageMakerWorkloadKind>
> = Object.fromEntries(
  Object.entries(SAGEMAKER_JUDGED_EVENTS)
    .filter(([, e]) => e.judgeFrom === 'request')
    .map(([name, e]) => [name, e.kind]),
);

/**
 * How the rules judge `eventName`, or undefined when they do not.
 *
 * @public
 */
export function judgedEventFor(
  eventName: string,
): SageMakerJudgedEvent | undefined {
  return Object.prototype.hasOwnProperty.call(
    SAGEMAKER_JUDGED_EVENTS,
    eventName,
  )
    ? SAGEMAKER_JUDGED_EVENTS[eventName]
    : undefined;
}

/**
 * The workload kind a judged CloudTrail event creates or changes, or
 * undefined when the event is not one the rules judge.
 *
 * @public
 */
export function workloadKindForEventName(
  eventName: string,
): SageMakerWorkloadKind | undefined {
  return judgedEventFor(eventName)?.kind;
}

/**
 * The identifiers of the resource a judged call created or changed: what a
 * Describe* call needs to read it back.
 *
 * @public
 */
export interface SageMakerResourceRef {
  kind: SageMakerWorkloadKind;
  /** The resource name (for a domain, its id when the name is unknown). */
  name: string;
  /** Domain id, for domains, user profiles, spaces and apps. */
  domainId?: string;
  /** For an app: the user profile it belongs to. */
  userProfileName?: string;
  /** For an app: the space it runs in. */
  spaceName?: string;
  /** For an app: its `AppType`. */
  appType?: string;
  /** Tags given in the request, if any (Update* calls carry none). */
  tags: Record<string, string>;
}

/**
 * Names the resource of a judged CloudTrail event, for Create* and Update*
 * calls alike (e.g. `UpdateUserProfile` with `{ domainId, userProfileName }`).
 * Returns undefined when the event is not judged or its parameters do not
 * name a resource.
 *
 * @public
 */
export function cloudTrailResourceRef(
  eventName: string,
  requestParameters: unknown,
): SageMakerResourceRef | undefined {
  const kind = workloadKindForEventName(eventName);
  if (!kind || !isRecord(requestParameters)) {
    return undefined;
  }
  const p = requestParameters;
  const domainId = str(field(p, 'DomainId'));
  const name =
    str(field(p, KIND_SPECS[kind].nameField)) ??
    (kind === 'Domain' ? domainId : undefined);
  if (!name) {
    return undefined;
  }
  const ref: SageMakerResourceRef = {
    kind,
    name,
    tags: tagMap(field(p, 'Tags')),
  };
  const optional = {
    domainId,
    userProfileName:
      kind === 'App' ? str(field(p, 'UserProfileName')) : undefined,
    spaceName: kind === 'App' ? str(field(p, 'SpaceName')) : undefined,
    appType: kind === 'App' ? str(field(p, 'AppType')) : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      (ref as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return ref;
}

/**
 * Normalises the `requestParameters` of a judged SageMaker Create* CloudTrail event
 * (lowerCamelCase, e.g. `{ trainingJobName, vpcConfig: { subnets,
 * securityGroupIds }, resourceConfig: { volumeKmsKeyId } }`).
 *
 * @param eventName - CloudTrail `eventName`, e.g. `CreateTrainingJob`.
 * @param requestParameters - CloudTrail `requestParameters`.
 * @param responseElements - CloudTrail `responseElements`; its `…Arn` field, if any, becomes `arn`.
 * @returns the workload, or undefined when the event is not a judged
 *   Create* call or the parameters carry no resource name. Update* calls
 *   give undefined too: their parameters carry only the changed fields, so
 *   judging them as a whole resource would report defaults that were never
 *   requested; read the resource back instead ({@link cloudTrailResourceRef}).
 * @public
 */
export function fromCloudTrailRequest(
  eventName: string,
  requestParameters: unknown,
  responseElements?: unknown,
): SageMakerWorkload | undefined {
  const judged = judgedEventFor(eventName);
  if (
    !judged ||
    judged.judgeFrom !== 'request' ||
    !isRecord(requestParameters)
  ) {
    return undefined;
  }
  const kind = judged.kind;
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
