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

import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { sageMakerStudioApiRef } from '../api/SageMakerStudioApi';
import { useEntityStudioStatus } from './useEntityStudioStatus';

describe('useEntityStudioStatus', () => {
  it('reads the status of the entity and reads again on retry', async () => {
    const status = {
      entityRef: 'group:default/fraud-detection',
      domains: [],
      teamEnvironments: [],
      userProfiles: [],
      errors: [],
    };
    const getEntityStatus = jest.fn(async () => status);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[sageMakerStudioApiRef, { getEntityStatus }]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(
      () => useEntityStudioStatus('group:default/fraud-detection'),
      { wrapper },
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toEqual(status));
    expect(getEntityStatus).toHaveBeenCalledWith(
      'group:default/fraud-detection',
    );
    result.current.retry();
    await waitFor(() => expect(getEntityStatus).toHaveBeenCalledTimes(2));
  });
});
