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

import { ResourceEntity } from '@backstage/catalog-model';
import { StudioDomainSummary } from '@internal/plugin-sagemaker-studio-common';
import {
  SERVICE_CATALOG_PROVISIONED_PRODUCT_ARN_TAG,
  SageMakerStudioEstate,
  SageMakerStudioProvisionedProduct,
} from '@internal/plugin-sagemaker-studio-node';
import {
  domainToResourceEntity,
  isProvisionedProductLive,
  teamEnvironmentToResourceEntity,
  teamOfTeamEnvironment,
  teamOfUserProfile,
  userProfileToResourceEntity,
} from './transformers';

/**
 * The entities of one read, and what was left out and why (for the log):
 * `skipped` is expected (a profile being deleted), `warnings` is something
 * that exists in AWS but cannot be shown (a team environment whose team or
 * environment type cannot be told, a domain without an id).
 *
 * @public
 */
export interface SageMakerStudioEntities {
  entities: ResourceEntity[];
  skipped: string[];
  warnings: string[];
}

function byCreation(
  left: SageMakerStudioProvisionedProduct,
  right: SageMakerStudioProvisionedProduct,
) {
  return (
    (left.createdAt ?? '').localeCompare(right.createdAt ?? '') ||
    left.id.localeCompare(right.id)
  );
}

function environmentKey(teamName: string, envType: string): string {
  return `${teamName}/${envType}`;
}

/**
 * Joins domains, provisioned products and user profiles into Resources:
 * domains as they are; every team environment, one per team and
 * environment type (`<teamName>-<envType>-team-environment`); every Studio
 * user profile, whoever made it, linked to the product that made it (by the
 * `aws:servicecatalog:provisionedProductArn` tag, else by the product's
 * `DomainId` and `UserProfileName` outputs) and to the team environment of
 * its team and environment type.
 *
 * A team environment whose environment type cannot be told is left out
 * with a warning rather than given a name without it, which could collide
 * with another environment of the team. Two live products of the same team
 * and environment type (the template's fixed role names make the second
 * launch fail, so only by hand) yield the oldest.
 *
 * A team environment depends on the domain its profiles live in, or on the
 * only domain when there is one: the team template itself does not name a
 * domain.
 *
 * @public
 */
export function estateToEntities(options: {
  domains: StudioDomainSummary[];
  estate: SageMakerStudioEstate;
  /** Owner of the domains, the admin group. */
  domainOwner: string;
  providerName: string;
  region: string;
  /** The account read, when config names it; ARNs say it otherwise. */
  accountId?: string;
  /**
   * Appended to every name outside the home account and region (see
   * `sageMakerStudioNameSuffix`); references between the entities use it too.
   */
  nameSuffix?: string;
}): SageMakerStudioEntities {
  const { domains, estate, region, accountId, nameSuffix } = options;
  const entities: ResourceEntity[] = [];
  const skipped: string[] = [];
  const warnings: string[] = [];

  for (const domain of domains) {
    const entity = domainToResourceEntity(domain, {
      owner: options.domainOwner,
      providerName: options.providerName,
      nameSuffix,
    });
    if (entity) entities.push(entity);
    else warnings.push(`domain ${domain.domainId || '(no id)'}: no id or ARN`);
  }

  const live = estate.provisionedProducts
    .filter(isProvisionedProductLive)
    .sort(byCreation);

  const profileProducts = live.filter(p => p.kind === 'userProfile');
  const productsByArn = new Map(
    profileProducts.filter(p => p.arn).map(p => [p.arn!, p]),
  );
  const productsByProfile = new Map(
    profileProducts
      .filter(p => p.outputs?.DomainId && p.outputs?.UserProfileName)
      .map(p => [`${p.outputs!.DomainId}/${p.outputs!.UserProfileName}`, p]),
  );
  // Sorted, so the mutation does not change with the order AWS lists them in.
  const profiles = [...estate.userProfiles]
    .sort(
      (left, right) =>
        left.userProfileName.localeCompare(right.userProfileName) ||
        left.domainId.localeCompare(right.domainId),
    )
    .map(profile => {
      const provisionedProduct =
        productsByArn.get(
          profile.tags[SERVICE_CATALOG_PROVISIONED_PRODUCT_ARN_TAG] ?? '',
        ) ??
        productsByProfile.get(`${profile.domainId}/${profile.userProfileName}`);
      const { teamName, envType } = teamOfUserProfile(
        profile,
        provisionedProduct,
      );
      return {
        profile,
        provisionedProduct,
        environment:
          teamName && envType ? environmentKey(teamName, envType) : undefined,
      };
    });

  const domainsOfEnvironment = new Map<string, Set<string>>();
  for (const { profile, environment } of profiles) {
    if (!environment) continue;
    const set = domainsOfEnvironment.get(environment) ?? new Set<string>();
    set.add(profile.domainId);
    domainsOfEnvironment.set(environment, set);
  }
  const onlyDomain = domains.length === 1 ? domains[0].domainId : undefined;

  /** `<team>/<env>` to the product id and entity name of that environment. */
  const teamEnvironments = new Map<string, { id: string; name: string }>();
  for (const product of live.filter(p => p.kind === 'teamEnvironment')) {
    const { teamName, envType } = teamOfTeamEnvironment(product);
    if (!teamName) {
      warnings.push(
        `team environment ${product.id}: no TeamName tag and no team in its outputs`,
      );
      continue;
    }
    if (!envType) {
      warnings.push(
        `team environment ${product.id} of team ${teamName}: no environment type (no EnvType or EnvironmentType tag, no SsmParameterPrefix output)`,
      );
      continue;
    }
    const key = environmentKey(teamName, envType);
    const existing = teamEnvironments.get(key);
    if (existing) {
      warnings.push(
        `team environment ${product.id}: the ${envType} environment of team ${teamName} is already ${existing.id}`,
      );
      continue;
    }
    const environmentDomains = [...(domainsOfEnvironment.get(key) ?? [])];
    const entity = teamEnvironmentToResourceEntity(product, {
      region,
      accountId,
      nameSuffix,
      domainId:
        environmentDomains.length === 1 ? environmentDomains[0] : onlyDomain,
    });
    if (entity) {
      teamEnvironments.set(key, { id: product.id, name: entity.metadata.name });
      entities.push(entity);
    }
  }

  for (const { profile, provisionedProduct, environment } of profiles) {
    const entity = userProfileToResourceEntity(profile, {
      region,
      accountId,
      nameSuffix,
      provisionedProduct,
      teamEnvironmentEntityName: environment
        ? teamEnvironments.get(environment)?.name
        : undefined,
    });
    if (entity) entities.push(entity);
    else
      skipped.push(
        `user profile ${profile.domainId}/${profile.userProfileName}: ${profile.status}`,
      );
  }

  return { entities, skipped, warnings };
}
