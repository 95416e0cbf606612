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

import { SageMakerWorkloadKind } from '../types';

/*
 * The API field that holds each setting, per kind, so that reasons name the
 * field a user has to change (SDK spelling; CloudTrail only lower-cases the
 * first letter of each segment).
 */

type Setting =
  | 'vpc'
  | 'volumeKey'
  | 'outputKey'
  | 'isolation'
  | 'interContainer';

const FIELD_NAMES: Partial<
  Record<SageMakerWorkloadKind, Partial<Record<Setting, string>>>
> = {
  TrainingJob: {
    vpc: 'VpcConfig',
    volumeKey: 'ResourceConfig.VolumeKmsKeyId',
    outputKey: 'OutputDataConfig.KmsKeyId',
    isolation: 'EnableNetworkIsolation',
    interContainer: 'EnableInterContainerTrafficEncryption',
  },
  HyperParameterTuningJob: {
    vpc: 'TrainingJobDefinition.VpcConfig',
    volumeKey: 'TrainingJobDefinition.ResourceConfig.VolumeKmsKeyId',
    outputKey: 'TrainingJobDefinition.OutputDataConfig.KmsKeyId',
    isolation: 'TrainingJobDefinition.EnableNetworkIsolation',
    interContainer:
      'TrainingJobDefinition.EnableInterContainerTrafficEncryption',
  },
  ProcessingJob: {
    vpc: 'NetworkConfig.VpcConfig',
    volumeKey: 'ProcessingResources.ClusterConfig.VolumeKmsKeyId',
    outputKey: 'ProcessingOutputConfig.KmsKeyId',
    isolation: 'NetworkConfig.EnableNetworkIsolation',
    interContainer: 'NetworkConfig.EnableInterContainerTrafficEncryption',
  },
  TransformJob: {
    volumeKey: 'TransformResources.VolumeKmsKeyId',
    outputKey: 'TransformOutput.KmsKeyId',
  },
  AutoMLJob: {
    vpc: 'SecurityConfig.VpcConfig',
    volumeKey: 'SecurityConfig.VolumeKmsKeyId',
    outputKey: 'OutputDataConfig.KmsKeyId',
    interContainer: 'SecurityConfig.EnableInterContainerTrafficEncryption',
  },
  Model: { vpc: 'VpcConfig', isolation: 'EnableNetworkIsolation' },
  NotebookInstance: {
    vpc: 'SubnetId/SecurityGroupIds',
    volumeKey: 'KmsKeyId',
  },
  EndpointConfig: {
    volumeKey: 'KmsKeyId',
    outputKey:
      'DataCaptureConfig.KmsKeyId (or AsyncInferenceConfig.OutputConfig.KmsKeyId)',
  },
  Domain: {
    vpc: 'SubnetIds/DefaultUserSettings.SecurityGroups',
    volumeKey: 'KmsKeyId',
  },
  UserProfile: { vpc: 'UserSettings.SecurityGroups' },
};
// Spaces and apps have no network or key settings of their own: they use the domain's.

/** The API field holding `setting` for `kind`. */
export function fieldName(
  kind: SageMakerWorkloadKind,
  setting: Setting,
): string {
  return FIELD_NAMES[kind]?.[setting] ?? setting;
}
