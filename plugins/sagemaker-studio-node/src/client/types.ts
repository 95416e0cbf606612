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
  ProvisioningRequest,
  ProvisioningRequestPreview,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * Options of every call: whose request it is.
 *
 * @public
 */
export interface SageMakerStudioRequestsCallOptions {
  /**
   * The credentials of the person the call is made for (in an action, the
   * task initiator's). The backend applies its permission checks to them.
   */
  credentials: BackstageCredentials;
}

/**
 * The provisioning request API of the SageMaker Studio backend plugin, as
 * other backend plugins and modules (the scaffolder actions) call it. Errors
 * come back as `@backstage/errors` types carrying the backend's message.
 *
 * @public
 */
export interface SageMakerStudioRequestsService {
  /**
   * Records a request (`POST /requests`). The same `idempotencyKey` with the
   * same payload answers the request recorded first.
   */
  createRequest(
    body: Omit<CreateProvisioningRequestBody, 'dryRun'>,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequest>;

  /**
   * Validates and resolves a request without recording anything
   * (`POST /requests` with `dryRun: true`).
   */
  previewRequest(
    body: Omit<CreateProvisioningRequestBody, 'dryRun'>,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequestPreview>;

  /** Reads one request (`GET /requests/:id`). */
  getRequest(
    id: string,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequest>;
}
