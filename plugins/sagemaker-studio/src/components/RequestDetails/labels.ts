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
  ProvisioningOperation,
  ProvisioningRequestStatus,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';

const PRODUCT_LABELS: Record<SageMakerStudioProductKind, string> = {
  studioDomain: 'Studio domain',
  teamEnvironment: 'Team environment',
  userProfile: 'User profile',
};

const OPERATION_LABELS: Record<ProvisioningOperation, string> = {
  provision: 'Provision',
  update: 'Update',
  terminate: 'Terminate',
};

const STATUS_LABELS: Record<ProvisioningRequestStatus, string> = {
  PENDING_APPROVAL: 'Pending approval',
  APPROVED: 'Approved',
  PROVISIONING: 'Provisioning',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
};

/** "Team environment" for `teamEnvironment`; unknown kinds as they are. */
export function productLabel(product: string): string {
  return PRODUCT_LABELS[product as SageMakerStudioProductKind] ?? product;
}

/** "Provision", "Update" or "Terminate". */
export function operationLabel(operation: string | undefined): string {
  return (
    OPERATION_LABELS[(operation ?? 'provision') as ProvisioningOperation] ??
    String(operation)
  );
}

/** "Pending approval" for `PENDING_APPROVAL`, and so on. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ProvisioningRequestStatus] ?? status;
}
