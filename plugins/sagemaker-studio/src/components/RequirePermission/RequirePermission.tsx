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
  BasicPermission,
  Permission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import { WarningPanel } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * Renders children only when the caller holds the permission: nothing while
 * loading, a warning naming the permission when denied. The backend check is
 * the real one; this only avoids dead buttons.
 */
export function RequirePermission(props: {
  permission: Permission;
  children: ReactNode;
  /** Render nothing at all instead of a warning when denied (for menus). */
  silent?: boolean;
}) {
  const { loading, allowed } = usePermission(
    isResourcePermission(props.permission)
      ? { permission: props.permission, resourceRef: undefined }
      : { permission: props.permission as BasicPermission },
  );
  if (loading) {
    return null;
  }
  if (!allowed) {
    return props.silent ? null : (
      <WarningPanel
        defaultExpanded
        title="Not allowed"
        message={`You need the ${props.permission.name} permission to see this page.`}
      />
    );
  }
  return <>{props.children}</>;
}
