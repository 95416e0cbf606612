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
  ListResponse,
  ProvisioningRequest,
  SageMakerStudioProductKind,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';

/** Input of a new provisioning request. */
export interface CreateRequestInput {
  product: SageMakerStudioProductKind;
  teamName?: string;
  parameters: Record<string, string>;
  /** Same key, same request (e.g. the scaffolder task id and step id). */
  idempotencyKey: string;
}

/** An admin's decision on a request. */
export interface ReviewInput {
  decision: 'approve' | 'reject';
  comment?: string;
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
    input: CreateRequestInput;
  }): Promise<{ request: ProvisioningRequest; created: boolean }>;

  listRequests(options: {
    credentials: BackstageCredentials;
    scope: 'mine' | 'all';
  }): Promise<ProvisioningRequest[]>;

  getRequest(options: {
    credentials: BackstageCredentials;
    id: string;
  }): Promise<ProvisioningRequest>;

  reviewRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    review: ReviewInput;
  }): Promise<ProvisioningRequest>;
}
