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

/**
 * A SageMaker Studio domain as the backend reports it.
 *
 * @public
 */
export interface StudioDomainSummary {
  domainId: string;
  domainName: string;
  status: string;
  arn: string;
  /** `VpcOnly` or `PublicInternetOnly`. */
  appNetworkAccessType?: string;
  kmsKeyId?: string;
  vpcId?: string;
  subnetIds?: string[];
  url?: string;
  /** The account the domain lives in (from its ARN). */
  accountId?: string;
  region: string;
  createdAt?: string;
}

/**
 * Where a provisioning request stands. The life of a request:
 * `PENDING_APPROVAL` (plan ready or being made) → `APPROVED` → `PROVISIONING`
 * → `SUCCEEDED` | `FAILED`; or `REJECTED` by an admin; or `CANCELLED` by the
 * requester while pending.
 *
 * @public
 */
export type ProvisioningRequestStatus =
  | 'PENDING_APPROVAL'
  | 'APPROVED'
  | 'PROVISIONING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'REJECTED'
  | 'CANCELLED';

/**
 * Every request status, in the order of a request's life.
 *
 * @public
 */
export const PROVISIONING_REQUEST_STATUSES: readonly ProvisioningRequestStatus[] =
  [
    'PENDING_APPROVAL',
    'APPROVED',
    'PROVISIONING',
    'SUCCEEDED',
    'FAILED',
    'REJECTED',
    'CANCELLED',
  ];

/**
 * The statuses a request never leaves.
 *
 * @public
 */
export const FINAL_REQUEST_STATUSES: readonly ProvisioningRequestStatus[] = [
  'SUCCEEDED',
  'FAILED',
  'REJECTED',
  'CANCELLED',
];

/**
 * What a request does to its Service Catalog product: launch a new one
 * (`provision`), move an existing one to another version (`update`, e.g. a
 * user profile from v1 to v2), or remove it (`terminate`, offboarding).
 *
 * @public
 */
export type ProvisioningOperation = 'provision' | 'update' | 'terminate';

/**
 * Every {@link ProvisioningOperation}.
 *
 * @public
 */
export const PROVISIONING_OPERATIONS: readonly ProvisioningOperation[] = [
  'provision',
  'update',
  'terminate',
];

/**
 * One entry in a request's timeline (who did what, when, and why).
 *
 * @public
 */
export interface ProvisioningRequestEvent {
  at: string;
  /** Entity ref of the person, or `system:sagemaker-studio` for the plugin itself. */
  actor: string;
  /** e.g. requested, plan-ready, approved, rejected, cancelled, provisioning, succeeded, failed, retrying. */
  action: string;
  status: ProvisioningRequestStatus;
  comment?: string;
}

/**
 * One resource change of a provisioned-product plan, as the admin sees it
 * before approving.
 *
 * @public
 */
export interface PlannedResourceChange {
  /** `ADD`, `MODIFY` or `REMOVE`. */
  action: string;
  logicalResourceId: string;
  resourceType: string;
  physicalResourceId?: string;
  /** `True`, `False` or `Conditional`: whether the change replaces the resource. */
  replacement?: string;
}

/**
 * The Service Catalog plan made for a request at request time.
 *
 * @public
 */
export interface ProvisioningPlan {
  planId?: string;
  /** `CREATING` until Service Catalog has computed it, then `READY` or `FAILED`. */
  status: 'CREATING' | 'READY' | 'FAILED';
  statusMessage?: string;
  resourceChanges: PlannedResourceChange[];
}

/**
 * An error reported by the Service Catalog record of a failed request.
 *
 * @public
 */
export interface ProvisioningRecordError {
  code: string;
  description: string;
}

/**
 * A templated request to provision, update or terminate one Service Catalog
 * product.
 *
 * @public
 */
export interface ProvisioningRequest {
  /** A UUID; also the Service Catalog idempotency token of every call made for it. */
  id: string;
  product: SageMakerStudioProductKind;
  operation: ProvisioningOperation;
  /** The team the request is for (the `TeamName` tag), where it applies. */
  teamName?: string;
  /** The parameters sent to Service Catalog, platform-controlled ones included. */
  parameters: Record<string, string>;
  /** Entity ref of the person who asked (an admin acting for someone else, or the person themselves). */
  requestedBy: string;
  /** Entity ref of the person the product is for (user profiles), when not the requester. */
  requestedFor?: string;
  status: ProvisioningRequestStatus;
  createdAt: string;
  updatedAt: string;
  /** Service Catalog product and version the request resolved to. */
  productName?: string;
  productVersion?: string;
  /** The name of the provisioned product (new or existing). */
  provisionedProductName?: string;
  plan?: ProvisioningPlan;
  provisionedProductId?: string;
  recordId?: string;
  /** The record's errors once it failed. */
  recordErrors?: ProvisioningRecordError[];
  /** The record's outputs once it succeeded (stack outputs by key). */
  outputs?: Record<string, string>;
  /**
   * The catalog entity the product appears as: known from the start for new
   * team environments and user profiles (the page exists once provisioned),
   * from the outputs for a Studio domain.
   */
  entityRef?: string;
  events: ProvisioningRequestEvent[];
}

/**
 * One page of requests; pass `nextCursor` back as `cursor` for the next.
 *
 * @public
 */
export interface ProvisioningRequestPage {
  items: ProvisioningRequest[];
  nextCursor?: string;
}

/**
 * The body of `POST /api/sagemaker-studio/requests`.
 *
 * @public
 */
export interface CreateProvisioningRequestBody {
  product: SageMakerStudioProductKind;
  /** Default `provision`. */
  operation?: ProvisioningOperation;
  /** The team (required for team environments and user profiles). */
  teamName?: string;
  /** Studio domain id for user profiles; one of the domains the backend lists. */
  domainId?: string;
  /** Parameters the product offers to people (see `SAGEMAKER_STUDIO_PRODUCT_INPUTS`). */
  parameters: Record<string, string>;
  /** For `update` and `terminate`: the provisioned product to act on. */
  provisionedProductId?: string;
  /** Admins only: the person a user profile is for (entity ref). */
  onBehalfOf?: string;
  /** Same key with the same payload: the same request; with another payload: 409. */
  idempotencyKey: string;
  /** Validate and resolve without recording anything; the answer is a {@link ProvisioningRequestPreview}. */
  dryRun?: boolean;
}

/**
 * What a dry run answers: the request as it would be recorded.
 *
 * @public
 */
export interface ProvisioningRequestPreview {
  product: SageMakerStudioProductKind;
  operation: ProvisioningOperation;
  teamName?: string;
  requestedFor?: string;
  productName: string;
  productVersion: string;
  provisionedProductName: string;
  parameters: Record<string, string>;
  requiresApproval: boolean;
}

/**
 * A failure of one source (account, region, domain) in an otherwise
 * successful read: partial failure is data, not an exception.
 *
 * @public
 */
export interface SourceError {
  source: string;
  errorType:
    | 'NOT_FOUND'
    | 'NOT_ALLOWED'
    | 'THROTTLED'
    | 'UNAVAILABLE'
    | 'UNKNOWN';
  message: string;
  /** The AWS account whose read failed, when the source is one account and region. */
  accountId?: string;
  /** The AWS region whose read failed, with `accountId`. */
  region?: string;
}

/**
 * A list answer that may carry per-source errors.
 *
 * @public
 */
export interface ListResponse<T> {
  items: T[];
  errors: SourceError[];
}
