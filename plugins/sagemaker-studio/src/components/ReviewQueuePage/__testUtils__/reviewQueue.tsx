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

import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioApi } from '../../../api/SageMakerStudioApi';
import { mockProvisioningRequest } from '../../../__testUtils__/requests';
import { renderWithStudioApi } from '../../../__testUtils__/renderWithStudioApi';
import { ReviewQueuePage } from '../ReviewQueuePage';

/** A team environment waiting for review, with its plan ready. */
export const pending: ProvisioningRequest = mockProvisioningRequest();

/** Renders the review queue with the given API and a permission answer. */
export function renderReviewQueue(
  api: Partial<SageMakerStudioApi>,
  allowed: boolean,
  options: { pollIntervalMs?: number } = {},
) {
  return renderWithStudioApi(
    <ReviewQueuePage pollIntervalMs={options.pollIntervalMs ?? 60_000} />,
    api,
    { allowed },
  );
}
