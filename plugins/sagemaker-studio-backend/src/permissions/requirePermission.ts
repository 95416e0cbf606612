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
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Authorizes one permission with the caller's credentials and throws
 * NotAllowedError (403) naming it when denied.
 */
export async function requirePermission(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: BasicPermission | ResourcePermission;
  resourceRef?: string;
}): Promise<void> {
  const { permissions, credentials, permission, resourceRef } = options;
  const [decision] = await permissions.authorize(
    [
      permission.type === 'resource'
        ? { permission, resourceRef: resourceRef! }
        : { permission },
    ] as any,
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to do this: permission ${permission.name} was denied`,
    );
  }
}

/** Whether the caller holds a permission, without throwing. */
export async function hasPermission(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: BasicPermission;
}): Promise<boolean> {
  const [decision] = await options.permissions.authorize(
    [{ permission: options.permission }],
    { credentials: options.credentials },
  );
  return decision.result === AuthorizeResult.ALLOW;
}
