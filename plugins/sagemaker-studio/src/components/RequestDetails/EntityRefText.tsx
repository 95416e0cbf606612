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

import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

const SYSTEM_ACTOR_PREFIX = 'system:';

/**
 * A person or catalog entity as a link to its catalog page; the plugin's own
 * actor (`system:sagemaker-studio`) and refs that do not parse as plain text.
 */
export function EntityRefText(props: { entityRef: string }) {
  const { entityRef } = props;
  if (entityRef.startsWith(SYSTEM_ACTOR_PREFIX)) {
    return <>{entityRef.slice(SYSTEM_ACTOR_PREFIX.length)}</>;
  }
  try {
    parseEntityRef(entityRef);
  } catch {
    return <>{entityRef}</>;
  }
  return <EntityRefLink entityRef={entityRef} disableTooltip />;
}
