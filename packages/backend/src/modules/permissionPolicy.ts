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

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { sageMakerStudioAdminPermissions } from '@internal/plugin-sagemaker-studio-common';
import { readSageMakerStudioConfig } from '@internal/plugin-sagemaker-studio-node';

/**
 * The portal's permission policy. Members of the data-science admin group
 * (from `sageMakerStudio.adminGroup`) hold the admin permissions; nobody else
 * does. Everything else in the portal (catalog, templates) is open to
 * signed-in people. This is the one place where our permissions are decided.
 */
export class SageMakerStudioPortalPolicy implements PermissionPolicy {
  constructor(private readonly adminGroup: string) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const adminOnly = sageMakerStudioAdminPermissions.some(p =>
      isPermission(request.permission, p),
    );
    if (adminOnly) {
      const isAdmin =
        user?.info.ownershipEntityRefs.includes(this.adminGroup) ?? false;
      return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const permissionModuleSageMakerStudioPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'sagemaker-studio-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new SageMakerStudioPortalPolicy(
            readSageMakerStudioConfig(config).adminGroup,
          ),
        );
      },
    });
  },
});
