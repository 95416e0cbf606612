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

import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  sageMakerStudioEstateReadPermission,
  sageMakerStudioOpenPermission,
  sageMakerStudioRequestReviewPermission,
} from '@internal/plugin-sagemaker-studio-common';
import { SageMakerStudioPortalPolicy } from './permissionPolicy';

const ADMINS = 'group:default/data-science-admins';
const policy = new SageMakerStudioPortalPolicy(ADMINS);

function user(ref: string, groups: string[]) {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  };
}

const ada = user('user:default/ada-admin', [ADMINS]);
const dana = user('user:default/dana-scientist', ['group:default/fraud-detection']);

describe('SageMakerStudioPortalPolicy', () => {
  it.each([
    sageMakerStudioRequestReviewPermission,
    sageMakerStudioEstateReadPermission,
  ])('allows $name to admins only', async permission => {
    expect(await policy.handle({ permission }, ada)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await policy.handle({ permission }, dana)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await policy.handle({ permission })).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets every signed-in person open their own Studio and use the catalog', async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    for (const permission of [sageMakerStudioOpenPermission, catalogRead]) {
      expect(await policy.handle({ permission }, dana)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });
});
