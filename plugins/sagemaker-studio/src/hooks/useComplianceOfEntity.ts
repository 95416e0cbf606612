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

import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sageMakerStudioApiRef } from '../api/SageMakerStudioApi';

/**
 * The compliance of one team (Group or team environment Resource) or user:
 * score, open findings, the detective control's latest actions, history.
 *
 * @public
 */
export function useComplianceOfEntity(entityRef: string) {
  const api = useApi(sageMakerStudioApiRef);
  return useAsyncRetry(
    async () => api.getEntityCompliance(entityRef),
    [api, entityRef],
  );
}
