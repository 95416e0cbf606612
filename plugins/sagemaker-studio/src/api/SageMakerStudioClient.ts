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

import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ListResponse,
  ProvisioningRequest,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioApi } from './SageMakerStudioApi';

/**
 * Talks to the backend plugin at /api/sagemaker-studio.
 *
 * @public
 */
export class SageMakerStudioClient implements SageMakerStudioApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  listDomains(): Promise<ListResponse<StudioDomainSummary>> {
    return this.request('/domains');
  }

  async listRequests(scope: 'mine' | 'all'): Promise<ProvisioningRequest[]> {
    const body = await this.request<{ items: ProvisioningRequest[] }>(
      `/requests?scope=${encodeURIComponent(scope)}`,
    );
    return body.items;
  }

  reviewRequest(
    id: string,
    review: { decision: 'approve' | 'reject'; comment?: string },
  ): Promise<ProvisioningRequest> {
    return this.request(`/requests/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(review),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'sagemaker-studio',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
