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

import { ComplianceRule } from '../types';
import {
  sageMakerDomainKmsKeyRule,
  sageMakerEndpointConfigKmsKeyRule,
  sageMakerOutputKmsKeyRule,
  sageMakerVolumeKmsKeyRule,
} from './encryption';
import {
  sageMakerApprovedNetworkRule,
  sageMakerInterContainerEncryptionRule,
  sageMakerNetworkIsolationRule,
  sageMakerVpcRequiredRule,
} from './network';
import {
  sageMakerDomainVpcOnlyRule,
  sageMakerNotebookDirectInternetRule,
  sageMakerNotebookRootAccessRule,
} from './notebookAndDomain';
import {
  sageMakerApprovedExecutionRoleRule,
  sageMakerApprovedImageRule,
  sageMakerSpaceSharingRule,
} from './studio';

export {
  sageMakerDomainKmsKeyRule,
  sageMakerEndpointConfigKmsKeyRule,
  sageMakerOutputKmsKeyRule,
  sageMakerVolumeKmsKeyRule,
  sageMakerApprovedNetworkRule,
  sageMakerInterContainerEncryptionRule,
  sageMakerNetworkIsolationRule,
  sageMakerVpcRequiredRule,
  sageMakerDomainVpcOnlyRule,
  sageMakerNotebookDirectInternetRule,
  sageMakerNotebookRootAccessRule,
  sageMakerApprovedImageRule,
  sageMakerApprovedExecutionRoleRule,
  sageMakerSpaceSharingRule,
};

/**
 * Every rule, in the order findings are reported. Used by both the detective
 * control and the scheduled sweep unless they pass their own list.
 *
 * @public
 */
export const defaultComplianceRules: readonly ComplianceRule[] = [
  sageMakerVpcRequiredRule,
  sageMakerApprovedNetworkRule,
  sageMakerVolumeKmsKeyRule,
  sageMakerOutputKmsKeyRule,
  sageMakerEndpointConfigKmsKeyRule,
  sageMakerNetworkIsolationRule,
  sageMakerInterContainerEncryptionRule,
  sageMakerNotebookRootAccessRule,
  sageMakerNotebookDirectInternetRule,
  sageMakerDomainVpcOnlyRule,
  sageMakerDomainKmsKeyRule,
  sageMakerApprovedImageRule,
  sageMakerApprovedExecutionRoleRule,
  sageMakerSpaceSharingRule,
];

/**
 * Finds a default rule by id.
 *
 * @public
 */
export function getComplianceRule(id: string): ComplianceRule | undefined {
  return defaultComplianceRules.find(rule => rule.id === id);
}
