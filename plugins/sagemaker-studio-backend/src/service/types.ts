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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CreateProvisioningRequestBody,
  ListResponse,
  ProvisioningRequest,
  ProvisioningRequestPage,
  ProvisioningRequestPreview,
  ProvisioningRequestStatus,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';

/** An admin's decision on a request. */
export interface ReviewInput {
  decision: 'approve' | 'reject';
  comment?: string;
}

/** Filters and paging of a request listing. */
export interface ListRequestsInput {
  scope: 'mine' | 'all';
  status?: ProvisioningRequestStatus;
  cursor?: string;
  limit?: number;
}

/**
 * What the plugin does for its callers. Every method acts with the caller's
 * credentials; authorization happens here, not in the UI.
 *
 * @public
 */
export interface SageMakerStudioService {
  listDomains(options: {
    credentials: BackstageCredentials;
  }): Promise<ListResponse<StudioDomainSummary>>;

  createRequest(options: {
    credentials: BackstageCredentials;
    body: CreateProvisioningRequestBody;
  }): Promise<{ request: ProvisioningRequest; created: boolean }>;

  previewRequest(options: {
    credentials: BackstageCredentials;
    body: CreateProvisioningRequestBody;
  }): Promise<ProvisioningRequestPreview>;

  listRequests(options: {
    credentials: BackstageCredentials;
    query: ListRequestsInput;
  }): Promise<ProvisioningRequestPage>;

  getRequest(options: {
    credentials: BackstageCredentials;
    id: string;
  }): Promise<ProvisioningRequest>;

  reviewRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    review: ReviewInput;
  }): Promise<ProvisioningRequest>;

  cancelRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    comment?: string;
  }): Promise<ProvisioningRequest>;
}
