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

import { SageMakerWorkload, SageMakerWorkloadKind } from './types';

const ARN_RESOURCE_TYPE: Record<SageMakerWorkloadKind, string> = {
  TrainingJob: 'training-job',
  ProcessingJob: 'processing-job',
  TransformJob: 'transform-job',
  HyperParameterTuningJob: 'hyper-parameter-tuning-job',
  AutoMLJob: 'automl-job',
  Model: 'model',
  NotebookInstance: 'notebook-instance',
  EndpointConfig: 'endpoint-config',
  Domain: 'domain',
  UserProfile: 'user-profile',
  Space: 'space',
  App: 'app',
};

/**
 * Where a resource lives, for building its ARN.
 *
 * @public
 */
export interface SageMakerArnLocation {
  accountId: string;
  region: string;
  /** Defaults to `aws`. */
  partition?: string;
}

/**
 * The workload's ARN: the one it carries, or one built the way SageMaker
 * builds them (resource names lower-cased; domains by id; user profiles and
 * spaces under their domain id; apps under domain, owner and app type).
 * Returns undefined for a domain, user profile, space or app whose domain id
 * (or, for an app, owner or type) is unknown.
 *
 * @public
 */
export function sageMakerArnFor(
  workload: Pick<
    SageMakerWorkload,
    | 'kind'
    | 'name'
    | 'arn'
    | 'domainId'
    | 'userProfileName'
    | 'spaceName'
    | 'appType'
  >,
  location: SageMakerArnLocation,
): string | undefined {
  if (workload.arn) {
    return workload.arn;
  }
  const prefix = `arn:${location.partition ?? 'aws'}:sagemaker:${
    location.region
  }:${location.accountId}:${ARN_RESOURCE_TYPE[workload.kind]}`;
  switch (workload.kind) {
    case 'Domain':
      return workload.domainId ? `${prefix}/${workload.domainId}` : undefined;
    case 'UserProfile':
    case 'Space':
      return workload.domainId
        ? `${prefix}/${workload.domainId}/${workload.name.toLowerCase()}`
        : undefined;
    case 'App': {
      const owner = workload.spaceName ?? workload.userProfileName;
      return workload.domainId && owner && workload.appType
        ? `${prefix}/${workload.domainId}/${owner}/${workload.appType}/${workload.name}`.toLowerCase()
        : undefined;
    }
    default:
      return `${prefix}/${workload.name.toLowerCase()}`;
  }
}
