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

import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
  SAGEMAKER_STUDIO_REQUEST_RESOURCE_TYPE,
  sageMakerStudioComplianceReadPermission,
  sageMakerStudioAdminPermissions,
  sageMakerStudioPermissions,
} from './permissions';

describe('sageMakerStudioPermissions', () => {
  it('names every permission within the plugin namespace, uniquely', () => {
    const names = sageMakerStudioPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^sagemaker-studio\.[a-z-]+\.[a-z]+$/);
    }
  });

  it('lists every admin permission among all permissions', () => {
    for (const permission of sageMakerStudioAdminPermissions) {
      expect(sageMakerStudioPermissions).toContain(permission);
    }
  });

  it('ties compliance reads to the compliance finding resource type', () => {
    expect(
      isResourcePermission(
        sageMakerStudioComplianceReadPermission,
        SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
      ),
    ).toBe(true);
    expect(sageMakerStudioPermissions).toContain(
      sageMakerStudioComplianceReadPermission,
    );
  });

  it('ties request-scoped permissions to the request resource type', () => {
    const scoped = sageMakerStudioPermissions.filter(
      p =>
        isResourcePermission(p) &&
        p.resourceType !== SAGEMAKER_STUDIO_COMPLIANCE_FINDING_RESOURCE_TYPE,
    );
    expect(scoped.map(p => p.name).sort()).toEqual([
      'sagemaker-studio.request.read',
    ]);
    for (const permission of scoped) {
      expect(
        isResourcePermission(
          permission,
          SAGEMAKER_STUDIO_REQUEST_RESOURCE_TYPE,
        ),
      ).toBe(true);
    }
  });
});
