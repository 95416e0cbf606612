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
import { failed, passed } from './results';

/**
 * Notebook instances must not give users root access.
 *
 * @public
 */
export const sageMakerNotebookRootAccessRule: ComplianceRule = {
  id: 'SAGEMAKER_NOTEBOOK_ROOT_ACCESS_DISABLED',
  title: 'SageMaker notebook instances must disable root access',
  description:
    'With root access a notebook user can change the instance, install unvetted software and bypass its controls.',
  severity: 'HIGH',
  appliesTo: ['NotebookInstance'],
  evaluate(workload) {
    return workload.rootAccess === 'Disabled'
      ? passed('RootAccess is Disabled.')
      : failed(
          `RootAccess is ${
            workload.rootAccess ?? 'not set (defaults to Enabled)'
          }.`,
        );
  },
};

/**
 * Notebook instances must reach the network only through the VPC.
 *
 * @public
 */
export const sageMakerNotebookDirectInternetRule: ComplianceRule = {
  id: 'SAGEMAKER_NOTEBOOK_DIRECT_INTERNET_DISABLED',
  title: 'SageMaker notebook instances must disable direct internet access',
  description:
    'With direct internet access SageMaker gives the notebook its own route to the internet, around the VPC and its endpoint policies.',
  severity: 'CRITICAL',
  appliesTo: ['NotebookInstance'],
  evaluate(workload) {
    return workload.directInternetAccess === 'Disabled'
      ? passed('DirectInternetAccess is Disabled.')
      : failed(
          `DirectInternetAccess is ${
            workload.directInternetAccess ?? 'not set (defaults to Enabled)'
          }.`,
        );
  },
};

/**
 * Studio domains must send all app traffic through the VPC.
 *
 * @public
 */
export const sageMakerDomainVpcOnlyRule: ComplianceRule = {
  id: 'SAGEMAKER_DOMAIN_VPC_ONLY',
  title: 'SageMaker Studio domains must use VpcOnly network access',
  description:
    'In VpcOnly mode Studio apps reach the network only through the domain VPC; PublicInternetOnly gives every app a SageMaker-managed internet route.',
  severity: 'CRITICAL',
  appliesTo: ['Domain'],
  evaluate(workload) {
    return workload.appNetworkAccessType === 'VpcOnly'
      ? passed('AppNetworkAccessType is VpcOnly.')
      : failed(
          `AppNetworkAccessType is ${
            workload.appNetworkAccessType ??
            'not set (defaults to PublicInternetOnly)'
          }.`,
        );
  },
};
