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
import { fieldName } from './fieldNames';
import { failed, notApplicable, passed } from './results';

/**
 * Jobs, models and notebook instances must run inside the VPC: both subnets
 * and security groups must be given. Transform jobs are not listed because
 * they have no network settings of their own; they run in the model's VPC.
 *
 * @public
 */
export const sageMakerVpcRequiredRule: ComplianceRule = {
  id: 'SAGEMAKER_VPC_REQUIRED',
  title: 'SageMaker workloads must run in a VPC',
  description:
    'Jobs, models and notebook instances must be attached to private subnets and security groups, so their traffic stays inside the VPC and its endpoints.',
  severity: 'CRITICAL',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
    'Model',
    'NotebookInstance',
  ],
  evaluate(workload) {
    const name = fieldName(workload.kind, 'vpc');
    const vpc = workload.vpcConfig;
    if (!vpc) {
      return failed(
        `${name} is missing, so the ${workload.kind} runs outside the VPC.`,
      );
    }
    const missing = [
      vpc.subnets.length === 0 ? 'subnets' : undefined,
      vpc.securityGroupIds.length === 0 ? 'security groups' : undefined,
    ].filter(Boolean);
    if (missing.length > 0) {
      return failed(`${name} has no ${missing.join(' and no ')}.`);
    }
    return passed(
      `${name} attaches subnets ${vpc.subnets.join(
        ', ',
      )} and security groups ${vpc.securityGroupIds.join(', ')}.`,
    );
  },
};

/**
 * When the context lists the team's subnets or security groups, the workload
 * may use no others.
 *
 * @public
 */
export const sageMakerApprovedNetworkRule: ComplianceRule = {
  id: 'SAGEMAKER_APPROVED_NETWORK',
  title:
    'SageMaker workloads must use the approved subnets and security groups',
  description:
    "A workload's subnets and security groups must be among those allowed for its team, so it cannot reach networks that other teams or the internet use.",
  severity: 'HIGH',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
    'Model',
    'NotebookInstance',
    'Domain',
    'UserProfile',
  ],
  evaluate(workload, context) {
    const allowedSubnets = context?.allowedSubnetIds;
    const allowedGroups = context?.allowedSecurityGroupIds;
    if (!allowedSubnets && !allowedGroups) {
      return notApplicable(
        'No allowed subnets or security groups are configured.',
      );
    }
    const vpc = workload.vpcConfig;
    if (
      !vpc ||
      (vpc.subnets.length === 0 && vpc.securityGroupIds.length === 0)
    ) {
      return notApplicable(
        `${fieldName(
          workload.kind,
          'vpc',
        )} is missing; SAGEMAKER_VPC_REQUIRED reports that.`,
      );
    }
    const badSubnets = allowedSubnets
      ? vpc.subnets.filter(s => !allowedSubnets.includes(s))
      : [];
    const badGroups = allowedGroups
      ? vpc.securityGroupIds.filter(g => !allowedGroups.includes(g))
      : [];
    if (badSubnets.length > 0 || badGroups.length > 0) {
      const parts = [
        badSubnets.length ? `subnets ${badSubnets.join(', ')}` : undefined,
        badGroups.length
          ? `security groups ${badGroups.join(', ')}`
          : undefined,
      ].filter(Boolean);
      return failed(
        `${fieldName(workload.kind, 'vpc')} uses ${parts.join(
          ' and ',
        )}, which are not approved for the team.`,
      );
    }
    return passed(
      `${fieldName(
        workload.kind,
        'vpc',
      )} uses only approved subnets and security groups.`,
    );
  },
};

/**
 * Training, processing and tuning jobs and models should block outbound
 * network calls from the container.
 *
 * @public
 */
export const sageMakerNetworkIsolationRule: ComplianceRule = {
  id: 'SAGEMAKER_NETWORK_ISOLATION',
  title: 'SageMaker containers should run with network isolation',
  description:
    'With network isolation the algorithm container cannot make outbound network calls, even inside the VPC, which limits data exfiltration by untrusted code.',
  severity: 'MEDIUM',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'HyperParameterTuningJob',
    'Model',
  ],
  evaluate(workload) {
    const name = fieldName(workload.kind, 'isolation');
    return workload.enableNetworkIsolation === true
      ? passed(`${name} is true.`)
      : failed(
          `${name} is ${
            workload.enableNetworkIsolation === false
              ? 'false'
              : 'not set (defaults to false)'
          }.`,
        );
  },
};

/**
 * Traffic between the instances of a distributed job must be encrypted.
 * Training and processing jobs on one instance have no such traffic; tuning
 * and AutoML jobs are always treated as distributed.
 *
 * @public
 */
export const sageMakerInterContainerEncryptionRule: ComplianceRule = {
  id: 'SAGEMAKER_INTER_CONTAINER_ENCRYPTION',
  title: 'Distributed SageMaker jobs must encrypt inter-container traffic',
  description:
    'Distributed training, tuning, AutoML and multi-instance processing jobs exchange data between instances; that traffic must be encrypted.',
  severity: 'MEDIUM',
  appliesTo: [
    'TrainingJob',
    'ProcessingJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
  ],
  evaluate(workload) {
    const name = fieldName(workload.kind, 'interContainer');
    const alwaysDistributed =
      workload.kind === 'HyperParameterTuningJob' ||
      workload.kind === 'AutoMLJob';
    if (
      !alwaysDistributed &&
      workload.instanceCount !== undefined &&
      workload.instanceCount <= 1
    ) {
      return notApplicable(
        `The job runs on ${workload.instanceCount} instance, so there is no inter-container traffic.`,
      );
    }
    return workload.enableInterContainerTrafficEncryption === true
      ? passed(`${name} is true.`)
      : failed(
          `${name} is ${
            workload.enableInterContainerTrafficEncryption === false
              ? 'false'
              : 'not set (defaults to false)'
          }.`,
        );
  },
};
