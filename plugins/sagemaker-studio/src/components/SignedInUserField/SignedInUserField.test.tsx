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

import { identityApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { SignedInUserField } from './SignedInUserField';

describe('SignedInUserField', () => {
  it('shows the signed-in user, read-only, and puts it in the form', async () => {
    const onChange = jest.fn();
    const identityApi = {
      getBackstageIdentity: async () => ({
        type: 'user' as const,
        userEntityRef: 'user:default/dana-scientist',
        ownershipEntityRefs: [],
      }),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[identityApiRef, identityApi]]}>
        <SignedInUserField
          {...({
            onChange,
            schema: { title: 'For', description: 'You' },
            uiSchema: {},
            idSchema: { $id: 'root_requestedFor' },
            required: false,
            rawErrors: [],
            formData: undefined,
          } as any)}
        />
      </TestApiProvider>,
    );
    const input = (await screen.findByLabelText('For')) as HTMLInputElement;
    await waitFor(() =>
      expect(input.value).toBe('user:default/dana-scientist'),
    );
    expect(input).toBeDisabled();
    expect(input.readOnly).toBe(true);
    expect(onChange).toHaveBeenCalledWith('user:default/dana-scientist');
  });
});
