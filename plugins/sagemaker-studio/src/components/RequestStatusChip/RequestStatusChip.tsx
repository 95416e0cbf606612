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
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { ProvisioningRequestStatus } from '@internal/plugin-sagemaker-studio-common';
import { statusLabel } from '../RequestDetails/labels';

/** A request's status as a coloured status chip with a readable label. */
export function RequestStatusChip(props: {
  status: ProvisioningRequestStatus;
}) {
  const label = statusLabel(props.status);
  switch (props.status) {
    case 'SUCCEEDED':
      return <StatusOK>{label}</StatusOK>;
    case 'FAILED':
    case 'REJECTED':
      return <StatusError>{label}</StatusError>;
    case 'CANCELLED':
      return <StatusAborted>{label}</StatusAborted>;
    case 'PROVISIONING':
      return <StatusRunning>{label}</StatusRunning>;
    default:
      return <StatusPending>{label}</StatusPending>;
  }
}
