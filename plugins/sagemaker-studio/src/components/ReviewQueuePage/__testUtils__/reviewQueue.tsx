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

import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import {
  SageMakerStudioApi,
  sageMakerStudioApiRef,
} from '../../../api/SageMakerStudioApi';
import { ReviewQueuePage } from '../ReviewQueuePage';

/** A team environment waiting for review, as the backend reports it. */
export const pending: ProvisioningRequest = {
  id: 'req-1',
  product: 'teamEnvironment',
  teamName: 'fraud-detection',
  parameters: { TeamName: 'fraud-detection', EnvType: 'dev' },
  requestedBy: 'user:default/sam-lead',
  status: 'PENDING_APPROVAL',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  events: [
    {
      at: '2026-11-26T10:00:00.000Z',
      actor: 'user:default/sam-lead',
      action: 'requested',
      status: 'PENDING_APPROVAL',
    },
  ],
};

/** Renders the page with the given API and a permission answer. */
export function renderReviewQueue(
  api: Partial<SageMakerStudioApi>,
  allowed: boolean,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [sageMakerStudioApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <ReviewQueuePage />
    </TestApiProvider>,
  );
}
