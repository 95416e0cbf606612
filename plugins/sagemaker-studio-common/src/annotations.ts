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

/**
 * The SageMaker domain id (`d-xxxxxxxxxxxx`) an entity belongs to.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION =
  'sagemaker-studio.aws/domain-id';

/**
 * The team name (the `TeamName` tag on AWS resources) an entity belongs to.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_TEAM_ANNOTATION = 'sagemaker-studio.aws/team';

/**
 * The environment type (the `EnvironmentType` tag: dev, test, prod).
 *
 * @public
 */
export const SAGEMAKER_STUDIO_ENVIRONMENT_ANNOTATION =
  'sagemaker-studio.aws/environment-type';

/**
 * The Studio user profile name of a person (on User entities).
 *
 * @public
 */
export const SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION =
  'sagemaker-studio.aws/user-profile';

/**
 * The ARN of the AWS resource an entity stands for.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_ARN_ANNOTATION = 'sagemaker-studio.aws/arn';

/**
 * The Service Catalog provisioned product id an entity was created by.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION =
  'sagemaker-studio.aws/provisioned-product-id';

/**
 * The AWS account (12 digits) an entity's resource lives in, taken from its
 * ARN. Entities without it are read in the home account.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_ACCOUNT_ID_ANNOTATION =
  'sagemaker-studio.aws/account-id';

/**
 * The AWS region (e.g. `us-east-1`) an entity's resource lives in, taken
 * from its ARN. Entities without it are read in the home region.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_REGION_ANNOTATION = 'sagemaker-studio.aws/region';

/**
 * A label (`metadata.labels`), set to `'true'` on the entities the catalog
 * module reads in the home account and region (`sageMakerStudio.accountId`
 * and `region`), where the Service Catalog products are launched: the only
 * domains a profile can be requested in and the only profiles and team
 * environments the portal can upgrade or offboard. The software templates'
 * pickers filter on it; entities of the other accounts and regions do not
 * carry it.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_HOME_LABEL = 'sagemaker-studio.aws/home';

function annotation(entity: Entity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key]?.trim();
  return value ? value : undefined;
}

/**
 * Whether the entity carries enough to show a Studio domain card.
 *
 * @public
 */
export function isSageMakerStudioDomainAvailable(entity: Entity): boolean {
  return Boolean(annotation(entity, SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION));
}

/**
 * Whether the entity carries enough to show a team environment card.
 *
 * @public
 */
export function isSageMakerStudioTeamAvailable(entity: Entity): boolean {
  return Boolean(annotation(entity, SAGEMAKER_STUDIO_TEAM_ANNOTATION));
}

/**
 * Whether the entity carries enough to show a user profile card: the profile
 * name. The domain id is optional; without it the backend finds the profile
 * through the user profile Resources the person owns in the catalog.
 *
 * @public
 */
export function isSageMakerStudioUserProfileAvailable(entity: Entity): boolean {
  return Boolean(annotation(entity, SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION));
}

/**
 * Reads one of our annotations, trimmed; undefined when absent or blank.
 *
 * @public
 */
export function getSageMakerStudioAnnotation(
  entity: Entity,
  key: string,
): string | undefined {
  return annotation(entity, key);
}
