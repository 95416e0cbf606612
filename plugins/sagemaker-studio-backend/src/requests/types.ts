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
  ProvisioningRequest,
  ProvisioningRequestStatus,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';

/** What is needed to record a new request. */
export interface NewProvisioningRequest {
  product: SageMakerStudioProductKind;
  teamName?: string;
  parameters: Record<string, string>;
  requestedBy: string;
  /** Same key, same request: retries of a template step never create a second one. */
  idempotencyKey: string;
  status: ProvisioningRequestStatus;
}

/** A change of status, with who made it and why. */
export interface RequestTransition {
  id: string;
  from: ProvisioningRequestStatus[];
  to: ProvisioningRequestStatus;
  actor: string;
  action: string;
  comment?: string;
  provisionedProductId?: string;
  recordId?: string;
}

/** Filters for listing requests. */
export interface RequestQuery {
  requestedBy?: string;
  status?: ProvisioningRequestStatus;
  limit?: number;
}

/** Durable store of provisioning requests and their audit trail. */
export interface RequestStore {
  /** Creates the request, or returns the existing one with the same idempotency key. */
  create(request: NewProvisioningRequest): Promise<{
    request: ProvisioningRequest;
    created: boolean;
  }>;
  get(id: string): Promise<ProvisioningRequest | undefined>;
  list(query: RequestQuery): Promise<ProvisioningRequest[]>;
  /**
   * Moves a request from one of the `from` states to `to` atomically; returns
   * undefined when the request is not in one of the `from` states (someone
   * else got there first), so two replicas cannot both act on it.
   */
  transition(t: RequestTransition): Promise<ProvisioningRequest | undefined>;
}
