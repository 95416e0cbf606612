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

import { Entity } from '@backstage/catalog-model';
import {
  isSageMakerStudioDomainAvailable,
  isSageMakerStudioTeamAvailable,
  isSageMakerStudioUserProfileAvailable,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * The `spec.type` of the Resources the catalog module emits.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_RESOURCE_TYPES = {
  domain: 'sagemaker-studio-domain',
  teamEnvironment: 'sagemaker-studio-team-environment',
  userProfile: 'sagemaker-studio-user-profile',
} as const;

function isKind(entity: Entity, kind: string): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === kind;
}

function isResourceOfType(entity: Entity, type: string): boolean {
  return isKind(entity, 'resource') && entity.spec?.type === type;
}

/**
 * Whether the Studio domain card applies: a `sagemaker-studio-domain`
 * Resource carrying the domain id annotation.
 *
 * @public
 */
export function isStudioDomainCardAvailable(entity: Entity): boolean {
  return (
    isResourceOfType(entity, SAGEMAKER_STUDIO_RESOURCE_TYPES.domain) &&
    isSageMakerStudioDomainAvailable(entity)
  );
}

/**
 * Whether the team environment card applies: a Group, or a
 * `sagemaker-studio-team-environment` Resource, carrying the team
 * annotation.
 *
 * @public
 */
export function isTeamEnvironmentCardAvailable(entity: Entity): boolean {
  return (
    (isKind(entity, 'group') ||
      isResourceOfType(
        entity,
        SAGEMAKER_STUDIO_RESOURCE_TYPES.teamEnvironment,
      )) &&
    isSageMakerStudioTeamAvailable(entity)
  );
}

/**
 * Whether the user profile card applies: a User, or a
 * `sagemaker-studio-user-profile` Resource, carrying the user profile and
 * domain id annotations.
 *
 * @public
 */
export function isUserProfileCardAvailable(entity: Entity): boolean {
  return (
    (isKind(entity, 'user') ||
      isResourceOfType(entity, SAGEMAKER_STUDIO_RESOURCE_TYPES.userProfile)) &&
    isSageMakerStudioUserProfileAvailable(entity)
  );
}

/**
 * Whether the compliance card applies: a Group, a
 * `sagemaker-studio-team-environment` Resource or a User, carrying the team
 * annotation (the team whose findings it shows).
 *
 * @public
 */
export function isEntityComplianceCardAvailable(entity: Entity): boolean {
  return (
    (isKind(entity, 'group') ||
      isKind(entity, 'user') ||
      isResourceOfType(
        entity,
        SAGEMAKER_STUDIO_RESOURCE_TYPES.teamEnvironment,
      )) &&
    isSageMakerStudioTeamAvailable(entity)
  );
}

/**
 * Whether the "SageMaker Studio" entity tab applies: any of the cards does.
 *
 * @public
 */
export function isSageMakerStudioContentAvailable(entity: Entity): boolean {
  return (
    isStudioDomainCardAvailable(entity) ||
    isTeamEnvironmentCardAvailable(entity) ||
    isUserProfileCardAvailable(entity) ||
    isEntityComplianceCardAvailable(entity)
  );
}
