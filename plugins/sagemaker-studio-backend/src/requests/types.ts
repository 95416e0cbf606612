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
  ProvisioningPlan,
  ProvisioningRecordError,
  ProvisioningRequest,
  ProvisioningRequestStatus,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';

/** What is needed to record a new request. */
export interface NewProvisioningRequest {
  product: SageMakerStudioProductKind;
  operation: ProvisioningOperation;
  teamName?: string;
  parameters: Record<string, string>;
  requestedBy: string;
  requestedFor?: string;
  /** Same key, same request: retries of a template step never create a second one. */
  idempotencyKey: string;
  /** Fingerprint of the payload; the same key with another payload is a conflict. */
  payloadHash: string;
  status: ProvisioningRequestStatus;
  productName: string;
  productVersion: string;
  provisionedProductName: string;
  /** For update and terminate: the product acted on. */
  provisionedProductId?: string;
  plan?: ProvisioningPlan;
  /** The catalog entity the product will appear as, where its name is known up front. */
  entityRef?: string;
  /** Whether the scheduler has work to do on it right away. */
  due: boolean;
  /** The first timeline entry's comment (e.g. why no approval is needed). */
  comment?: string;
}

/** Fields the scheduler fills in as a request moves on. */
export interface RequestChanges {
  plan?: ProvisioningPlan;
  provisionedProductId?: string;
  recordId?: string;
  recordErrors?: ProvisioningRecordError[];
  outputs?: Record<string, string>;
  entityRef?: string;
  attempts?: number;
  /** When the scheduler should look at it next; null when it has nothing to do. */
  nextAttemptAt?: Date | null;
  lastError?: string | null;
}

/** A change of a request, atomic and conditional on its current status. */
export interface RequestTransition {
  id: string;
  /** Applied only while the request is in one of these states. */
  from: ProvisioningRequestStatus[];
  /** The new status; absent to keep the current one. */
  to?: ProvisioningRequestStatus;
  /** The timeline entry; required when the status changes. */
  event?: { actor: string; action: string; comment?: string };
  changes?: RequestChanges;
}

/** Filters and paging for listing requests. */
export interface RequestQuery {
  /** Requests asked by or for this person. */
  involving?: string;
  /** Requests asked by this person. */
  requestedBy?: string;
  status?: ProvisioningRequestStatus;
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/** A request with the scheduler's bookkeeping. */
export interface StoredRequest extends ProvisioningRequest {
  attempts: number;
  lastError?: string;
}

/** Durable store of provisioning requests and their audit trail. */
export interface RequestStore {
  /**
   * Creates the request, or returns the existing one with the same idempotency
   * key; throws ConflictError when that one was made from another payload.
   */
  create(request: NewProvisioningRequest): Promise<{
    request: StoredRequest;
    created: boolean;
  }>;
  /** The request made with this key; ConflictError when it was made from another payload. */
  findByIdempotencyKey(
    request: Pick<NewProvisioningRequest, 'idempotencyKey' | 'payloadHash'>,
  ): Promise<StoredRequest | undefined>;
  get(id: string): Promise<StoredRequest | undefined>;
  list(
    query: RequestQuery,
  ): Promise<{ items: StoredRequest[]; nextCursor?: string }>;
  /** Requests the scheduler should act on now, oldest first. */
  listDue(options: { now: Date; limit: number }): Promise<StoredRequest[]>;
  /** Requests not yet final that act on, or would create, this provisioned product. */
  listActiveFor(options: {
    provisionedProductName?: string;
    provisionedProductId?: string;
  }): Promise<StoredRequest[]>;
  /** The newest successful request that launched this provisioned product. */
  findLaunch(provisionedProductId: string): Promise<StoredRequest | undefined>;
  /**
   * Applies a transition atomically; returns undefined when the request is
   * not in one of the `from` states (someone else got there first), so two
   * replicas cannot both act on it.
   */
  transition(t: RequestTransition): Promise<StoredRequest | undefined>;
}
