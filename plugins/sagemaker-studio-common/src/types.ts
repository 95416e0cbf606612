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
  region: string;
  createdAt?: string;
}

/**
 * Where a provisioning request stands.
 *
 * @public
 */
export type ProvisioningRequestStatus =
  | 'PENDING_APPROVAL'
  | 'APPROVED'
  | 'REJECTED'
  | 'PROVISIONING'
  | 'SUCCEEDED'
  | 'FAILED';

/**
 * One entry in a request's timeline (who did what, when, and why).
 *
 * @public
 */
export interface ProvisioningRequestEvent {
  at: string;
  actor: string;
  action: string;
  status: ProvisioningRequestStatus;
  comment?: string;
}

/**
 * A templated request to provision one Service Catalog product.
 *
 * @public
 */
export interface ProvisioningRequest {
  id: string;
  product: SageMakerStudioProductKind;
  /** The team the request is for (the `TeamName` tag), where it applies. */
  teamName?: string;
  parameters: Record<string, string>;
  requestedBy: string;
  status: ProvisioningRequestStatus;
  createdAt: string;
  updatedAt: string;
  provisionedProductId?: string;
  recordId?: string;
  events: ProvisioningRequestEvent[];
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
