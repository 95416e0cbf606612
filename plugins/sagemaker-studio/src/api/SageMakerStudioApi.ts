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

import { createApiRef } from '@backstage/core-plugin-api';
import {
  ComplianceFindingsPage,
  ComplianceFindingsQuery,
  EntityComplianceResponse,
  ListResponse,
  OpenStudioResponse,
  ProvisioningRequest,
  ProvisioningRequestPage,
  ProvisioningRequestStatus,
  StudioDomainSummary,
  StudioEntityStatus,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * Which requests to list, and which page of them.
 *
 * @public
 */
export interface ListProvisioningRequestsOptions {
  /** `mine`: the caller's own requests; `all`: every request (admins only). */
  scope: 'mine' | 'all';
  /** Only requests in this status; every status when left out. */
  status?: ProvisioningRequestStatus;
  /** The `nextCursor` of the previous page; the first page when left out. */
  cursor?: string;
  /** Page size, 1 to 100; the backend's default when left out. */
  limit?: number;
}

/**
 * An admin's decision on a pending request.
 *
 * @public
 */
export interface ProvisioningRequestReview {
  decision: 'approve' | 'reject';
  /** Optional when approving, required when rejecting. */
  comment?: string;
}

/**
 * Where to land when opening Studio.
 *
 * @public
 */
export interface OpenStudioOptions {
  /** Opens this space of the profile instead of Studio's home page. */
  spaceName?: string;
}

/**
 * What the frontend asks the SageMaker Studio backend. Never talks to AWS.
 *
 * @public
 */
export interface SageMakerStudioApi {
  /** The Studio domains, with per-source errors. */
  listDomains(): Promise<ListResponse<StudioDomainSummary>>;
  /** One page of requests; pass `nextCursor` back as `cursor` for the next. */
  listRequests(
    options: ListProvisioningRequestsOptions,
  ): Promise<ProvisioningRequestPage>;
  /** One request, for its requester, the person it is for, and admins. */
  getRequest(id: string): Promise<ProvisioningRequest>;
  /** Approves or rejects a pending request (admins, never their own). */
  reviewRequest(
    id: string,
    review: ProvisioningRequestReview,
  ): Promise<ProvisioningRequest>;
  /** Withdraws the caller's own request while it is pending approval. */
  cancelRequest(
    id: string,
    options: { comment?: string },
  ): Promise<ProvisioningRequest>;
  /**
   * What SageMaker Studio holds for a catalog entity (domain, team, user or
   * their Resources), with per-source errors. Rejects with a
   * `ResponseError` of 403 when the caller may not see the entity, 404 when
   * the catalog does not know it.
   */
  getEntityStatus(entityRef: string): Promise<StudioEntityStatus>;
  /**
   * A short-lived presigned Studio URL for a user profile (or a User with
   * one), for the profile's owner only. Rejects with a `ResponseError` of
   * 403 for anyone else, 409 when the profile is not InService, 429 when
   * over the limit.
   */
  openStudio(
    entityRef: string,
    options?: OpenStudioOptions,
  ): Promise<OpenStudioResponse>;
  /**
   * The compliance of a team (a Group or team environment Resource) or of a
   * user: score, open findings, the detective control's latest actions and
   * the daily history. Rejects with a `ResponseError` of 403 when the caller
   * may not see that team, 404 when the catalog does not know the entity.
   */
  getEntityCompliance(entityRef: string): Promise<EntityComplianceResponse>;
  /**
   * One page of the estate's findings with the filters applied, their
   * summary, history and the values each filter can take (admins only;
   * rejects with a `ResponseError` of 403 for anyone else).
   */
  listComplianceFindings(
    query: ComplianceFindingsQuery,
  ): Promise<ComplianceFindingsPage>;
  /**
   * Asks the backend to run the compliance sweep now (admins only), without
   * waiting for it. Rejects with a `ResponseError` of 403 for anyone else,
   * 409 while a sweep is running, 404 when the sweep is turned off.
   */
  triggerComplianceSweep(): Promise<{ triggered: true }>;
}

/**
 * The reference to the {@link SageMakerStudioApi}.
 *
 * @public
 */
export const sageMakerStudioApiRef = createApiRef<SageMakerStudioApi>({
  id: 'plugin.sagemaker-studio.service',
});
