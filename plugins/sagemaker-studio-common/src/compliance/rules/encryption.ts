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

import { ComplianceRule, SageMakerWorkload } from '../types';
import { fieldName } from './fieldNames';
import { failed, notApplicable, passed } from './results';

function keyReason(
  workload: SageMakerWorkload,
  setting: 'volumeKey' | 'outputKey',
  key: string | undefined,
) {
  const name = fieldName(workload.kind, setting);
  return key
    ? passed(`${name} is ${key}.`)
    : failed(
        `${name} is not set, so the data is encrypted with an AWS managed key instead of the team's key.`,
      );
}

/**
 * ML storage volumes of jobs and notebook instances must be encrypted with a
 * customer managed KMS key.
 *
 * @public
 */
export const sageMakerVolumeKmsKeyRule: ComplianceRule = {
  id: 'SAGEMAKER_VOLUME_KMS_KEY',
  title: 'SageMaker ML storage volumes must use a customer managed KMS key',
  description:
    "The storage volumes attached to job and notebook instances must be encrypted with the team's KMS key, so access to the data follows the key policy.",
  severity: 'HIGH',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'TransformJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
    'NotebookInstance',
  ],
  evaluate(workload) {
    return keyReason(workload, 'volumeKey', workload.volumeKmsKeyId);
  },
};

/**
 * Endpoint configurations should encrypt the volumes of hosting instances.
 * A separate, lower-severity rule, because instance types with local NVMe
 * storage do not accept a `KmsKeyId` (their storage is always hardware
 * encrypted), so a missing key is not always a mistake.
 *
 * @public
 */
export const sageMakerEndpointConfigKmsKeyRule: ComplianceRule = {
  id: 'SAGEMAKER_ENDPOINT_CONFIG_KMS_KEY',
  title:
    'SageMaker endpoint configurations should use a customer managed KMS key',
  description:
    "Hosting instances' storage volumes should be encrypted with the team's KMS key. Instance types with local NVMe storage cannot take a key and are encrypted by the hardware.",
  severity: 'MEDIUM',
  appliesTo: ['EndpointConfig'],
  evaluate(workload) {
    return keyReason(workload, 'volumeKey', workload.volumeKmsKeyId);
  },
};

/**
 * Output written to S3 should be encrypted with a customer managed KMS key.
 * Medium severity: the team buckets also apply their own default encryption
 * with the team key, so a missing key weakens but does not remove encryption.
 *
 * @public
 */
export const sageMakerOutputKmsKeyRule: ComplianceRule = {
  id: 'SAGEMAKER_OUTPUT_KMS_KEY',
  title: 'SageMaker output should be encrypted with a customer managed KMS key',
  description:
    "Model artifacts, processing output, transform output and captured data written to S3 should be encrypted with the team's KMS key.",
  severity: 'MEDIUM',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'TransformJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
    'EndpointConfig',
  ],
  evaluate(workload) {
    if (workload.producesOutput === false) {
      return notApplicable(
        `${fieldName(workload.kind, 'outputKey')} is not relevant: the ${
          workload.kind
        } writes no output to S3.`,
      );
    }
    return keyReason(workload, 'outputKey', workload.outputKmsKeyId);
  },
};

/**
 * Studio domains must encrypt users' storage with a customer managed key.
 *
 * @public
 */
export const sageMakerDomainKmsKeyRule: ComplianceRule = {
  id: 'SAGEMAKER_DOMAIN_KMS_KEY',
  title: 'SageMaker Studio domains must use a customer managed KMS key',
  description:
    "The domain's KmsKeyId encrypts users' home file system and space storage; it must be a customer managed key.",
  severity: 'HIGH',
  appliesTo: ['Domain'],
  evaluate(workload) {
    return keyReason(workload, 'volumeKey', workload.volumeKmsKeyId);
  },
};
