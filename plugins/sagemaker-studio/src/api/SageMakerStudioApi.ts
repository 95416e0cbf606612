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
  ListResponse,
  ProvisioningRequest,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * What the frontend asks the SageMaker Studio backend. Never talks to AWS.
 *
 * @public
 */
export interface SageMakerStudioApi {
  listDomains(): Promise<ListResponse<StudioDomainSummary>>;
  listRequests(scope: 'mine' | 'all'): Promise<ProvisioningRequest[]>;
  reviewRequest(
    id: string,
    review: { decision: 'approve' | 'reject'; comment?: string },
  ): Promise<ProvisioningRequest>;
}

/**
 * @public
 */
export const sageMakerStudioApiRef = createApiRef<SageMakerStudioApi>({
  id: 'plugin.sagemaker-studio.service',
});
