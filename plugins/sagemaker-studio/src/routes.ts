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

import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's home: domains and the caller's recent requests.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'sagemaker-studio' });

/**
 * The admins' review queue.
 *
 * @public
 */
export const reviewRouteRef = createRouteRef({
  id: 'sagemaker-studio:review',
});

/**
 * Everyone's own requests, with their timelines.
 *
 * @public
 */
export const myRequestsRouteRef = createRouteRef({
  id: 'sagemaker-studio:my-requests',
});

/**
 * The "SageMaker Studio" tab of an entity page.
 *
 * @public
 */
export const entityContentRouteRef = createRouteRef({
  id: 'sagemaker-studio:entity-content',
});

/**
 * The admins' estate compliance page.
 *
 * @public
 */
export const complianceRouteRef = createRouteRef({
  id: 'sagemaker-studio:compliance',
});
