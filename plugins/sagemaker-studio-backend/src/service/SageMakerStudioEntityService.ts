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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  OpenStudioResponse,
  StudioEntityStatus,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * What SageMaker Studio holds for a catalog entity, and "Open Studio" for
 * its owner. The entity is read with the caller's credentials, so catalog
 * permissions apply; AWS is read with the backend's own.
 *
 * @public
 */
export interface SageMakerStudioEntityService {
  /**
   * The Studio status of a domain Resource, a team (Group with the team
   * annotation, or the team environment Resource) or a person (User, or the
   * user profile Resource). Failed AWS reads are per-source errors in the
   * answer. NotFoundError when the caller cannot see the entity. Details are
   * for admins, members of the team and a profile's owner; anyone else gets
   * reduced views (`access: 'summary'`).
   */
  getEntityStatus(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
  }): Promise<StudioEntityStatus>;

  /**
   * A presigned Studio URL for the entity's user profile, only for the
   * profile's owner and only while it is InService (NotAllowedError,
   * ConflictError otherwise). The URL is neither cached nor logged.
   */
  openStudio(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
    spaceName?: string;
    landingUri?: string;
  }): Promise<OpenStudioResponse>;
}
