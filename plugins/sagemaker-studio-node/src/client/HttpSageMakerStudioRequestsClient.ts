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
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  CreateProvisioningRequestBody,
  ProvisioningRequest,
  ProvisioningRequestPreview,
} from '@internal/plugin-sagemaker-studio-common';
import {
  SageMakerStudioRequestsCallOptions,
  SageMakerStudioRequestsService,
} from './types';

const PLUGIN_ID = 'sagemaker-studio';

/**
 * Calls the SageMaker Studio backend plugin over HTTP, with a plugin request
 * token on behalf of the caller's credentials, so the backend sees the person
 * and not the calling plugin.
 *
 * @public
 */
export class HttpSageMakerStudioRequestsClient
  implements SageMakerStudioRequestsService
{
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }): HttpSageMakerStudioRequestsClient {
    return new HttpSageMakerStudioRequestsClient(options);
  }

  private constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  async createRequest(
    body: Omit<CreateProvisioningRequestBody, 'dryRun'>,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequest> {
    return this.#call<ProvisioningRequest>({
      method: 'POST',
      path: '/requests',
      body,
      credentials: options.credentials,
    });
  }

  async previewRequest(
    body: Omit<CreateProvisioningRequestBody, 'dryRun'>,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequestPreview> {
    return this.#call<ProvisioningRequestPreview>({
      method: 'POST',
      path: '/requests',
      body: { ...body, dryRun: true },
      credentials: options.credentials,
    });
  }

  async getRequest(
    id: string,
    options: SageMakerStudioRequestsCallOptions,
  ): Promise<ProvisioningRequest> {
    return this.#call<ProvisioningRequest>({
      method: 'GET',
      path: `/requests/${encodeURIComponent(id)}`,
      credentials: options.credentials,
    });
  }

  async #call<T>(options: {
    method: 'GET' | 'POST';
    path: string;
    body?: unknown;
    credentials: BackstageCredentials;
  }): Promise<T> {
    const [baseUrl, { token }] = await Promise.all([
      this.#discovery.getBaseUrl(PLUGIN_ID),
      this.#auth.getPluginRequestToken({
        onBehalfOf: options.credentials,
        targetPluginId: PLUGIN_ID,
      }),
    ]);
    const response = await fetch(`${baseUrl}${options.path}`, {
      method: options.method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(options.body !== undefined && {
          'Content-Type': 'application/json',
        }),
      },
      body:
        options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    if (!response.ok) {
      throw await toBackstageError(response);
    }
    return (await response.json()) as T;
  }
}

/**
 * The error type the backend answered with, so that the caller (a scaffolder
 * step, whose log shows only the message) reports the backend's own reason,
 * e.g. which field it refused. The `ResponseError` is not attached as cause:
 * the errors would append its generic text to the message.
 */
async function toBackstageError(response: Response): Promise<Error> {
  const responseError = await ResponseError.fromResponse(response);
  const message =
    responseError.body?.error?.message ||
    `The SageMaker Studio backend answered ${response.status} ${response.statusText}`;
  const status = response.status;
  // 413: the request is too large, which is the caller's input too.
  if (status === 400 || status === 413) return new InputError(message);
  if (status === 401) return new AuthenticationError(message);
  if (status === 403) return new NotAllowedError(message);
  if (status === 404) return new NotFoundError(message);
  if (status === 409) return new ConflictError(message);
  // 429: too many requests from this person for now; like 5xx, try later.
  if (status === 429 || status >= 500) {
    return new ServiceUnavailableError(message);
  }
  return responseError;
}
