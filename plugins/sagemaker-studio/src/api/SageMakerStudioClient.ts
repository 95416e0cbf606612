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
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  COMPLIANCE_FINDINGS_FILTER_KEYS,
  ComplianceFindingsPage,
  ComplianceFindingsQuery,
  EntityComplianceResponse,
  ListResponse,
  OpenStudioResponse,
  ProvisioningRequest,
  ProvisioningRequestPage,
  StudioDomainSummary,
  StudioEntityStatus,
} from '@internal/plugin-sagemaker-studio-common';
import {
  ListProvisioningRequestsOptions,
  OpenStudioOptions,
  ProvisioningRequestReview,
  SageMakerStudioApi,
} from './SageMakerStudioApi';

/** The query parameters of `GET /compliance/findings`, in a stable order. */
const COMPLIANCE_QUERY_KEYS: Array<keyof ComplianceFindingsQuery> = [
  ...COMPLIANCE_FINDINGS_FILTER_KEYS,
  'cursor',
  'limit',
];

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

  listRequests(
    options: ListProvisioningRequestsOptions,
  ): Promise<ProvisioningRequestPage> {
    const query = new URLSearchParams({ scope: options.scope });
    if (options.status) {
      query.set('status', options.status);
    }
    if (options.cursor) {
      query.set('cursor', options.cursor);
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    return this.request(`/requests?${query}`);
  }

  getRequest(id: string): Promise<ProvisioningRequest> {
    return this.request(`/requests/${encodeURIComponent(id)}`);
  }

  reviewRequest(
    id: string,
    review: ProvisioningRequestReview,
  ): Promise<ProvisioningRequest> {
    return this.post(`/requests/${encodeURIComponent(id)}/review`, review);
  }

  cancelRequest(
    id: string,
    options: { comment?: string },
  ): Promise<ProvisioningRequest> {
    return this.post(`/requests/${encodeURIComponent(id)}/cancel`, options);
  }

  getEntityStatus(entityRef: string): Promise<StudioEntityStatus> {
    return this.request(entityPath(entityRef));
  }

  openStudio(
    entityRef: string,
    options: OpenStudioOptions = {},
  ): Promise<OpenStudioResponse> {
    return this.post(`${entityPath(entityRef)}/open-studio`, {
      ...(options.spaceName ? { spaceName: options.spaceName } : {}),
    });
  }

  getEntityCompliance(entityRef: string): Promise<EntityComplianceResponse> {
    return this.request(`${entityPath(entityRef)}/compliance`);
  }

  listComplianceFindings(
    query: ComplianceFindingsQuery,
  ): Promise<ComplianceFindingsPage> {
    const params = new URLSearchParams();
    for (const key of COMPLIANCE_QUERY_KEYS) {
      const value = query[key];
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    return this.request(`/compliance/findings${search ? `?${search}` : ''}`);
  }

  triggerComplianceSweep(): Promise<{ triggered: true }> {
    return this.post('/compliance/sweep', {});
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
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

/** `/entity/:namespace/:kind/:name` of an entity ref, each segment encoded. */
function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entity/${[namespace, kind, name].map(encodeURIComponent).join('/')}`;
}
