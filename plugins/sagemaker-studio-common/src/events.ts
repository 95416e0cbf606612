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

import { SageMakerStudioProductKind } from './products';
import { ProvisioningOperation, ProvisioningRequestStatus } from './types';

/**
 * The events service topic on which the backend announces a provisioning
 * request that ended: `SUCCEEDED` or `FAILED`, terminations and updates
 * included. The catalog module subscribes to it and re-reads AWS at once,
 * so a new entity appears (or a terminated one disappears) without waiting
 * for the schedule. Each event's `eventPayload` is a
 * {@link SageMakerStudioProvisioningEventPayload}.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PROVISIONING_TOPIC =
  'sagemaker-studio.provisioning';

/**
 * The `eventPayload` of an event on
 * {@link SAGEMAKER_STUDIO_PROVISIONING_TOPIC}: which request ended and how.
 *
 * @public
 */
export interface SageMakerStudioProvisioningEventPayload {
  /** The id (a UUID) of the provisioning request. */
  requestId: string;
  /** Which product the request was for. */
  product: SageMakerStudioProductKind;
  /** What the request did: `provision`, `update` or `terminate`. */
  operation: ProvisioningOperation;
  /** How it ended: `SUCCEEDED` or `FAILED`. */
  status: Extract<ProvisioningRequestStatus, 'SUCCEEDED' | 'FAILED'>;
  /**
   * The Service Catalog provisioned product (`pp-...`) it made or acted on;
   * absent when a launch failed before Service Catalog named one.
   */
  provisionedProductId?: string;
}
