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
  userProfileToResourceEntity,
} from './transformers';

/**
 * The entities of one read, and what was left out and why (for the log).
 *
 * @public
 */
export interface SageMakerStudioEntities {
  entities: ResourceEntity[];
  skipped: string[];
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

/**
 * Joins domains, provisioned products and user profiles into Resources:
 * domains as they are; one team environment per team (the oldest product
 * when a team has several, e.g. dev and prod, since the entity name holds
 * only the team); every Studio user profile, whoever made it, linked to the
 * product that made it (by the `aws:servicecatalog:provisionedProductArn`
 * tag, else by the product's `DomainId` and `UserProfileName` outputs).
 *
 * A team environment depends on the domain its team's profiles live in, or
 * on the only domain when there is one: the team template itself does not
 * name a domain.
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
}): SageMakerStudioEntities {
  const { domains, estate, region } = options;
  const entities: ResourceEntity[] = [];
  const skipped: string[] = [];

  for (const domain of domains) {
    const entity = domainToResourceEntity(domain, {
      owner: options.domainOwner,
      providerName: options.providerName,
    });
    if (entity) entities.push(entity);
    else skipped.push(`domain ${domain.domainId || '(no id)'}: no id or ARN`);
  }

  const live = estate.provisionedProducts
    .filter(isProvisionedProductLive)
    .sort(byCreation);

  const domainsOfTeam = new Map<string, Set<string>>();
  for (const profile of estate.userProfiles) {
    const team = profile.tags.TeamName;
    if (!team) continue;
    const set = domainsOfTeam.get(team) ?? new Set<string>();
    set.add(profile.domainId);
    domainsOfTeam.set(team, set);
  }
  const onlyDomain = domains.length === 1 ? domains[0].domainId : undefined;

  /** Team name to the product id and entity name of its environment. */
  const teamEnvironments = new Map<string, { id: string; name: string }>();
  for (const product of live.filter(p => p.kind === 'teamEnvironment')) {
    const { teamName } = teamOfTeamEnvironment(product);
    if (!teamName) {
      skipped.push(
        `team environment ${product.id}: no TeamName tag and no team in its outputs`,
      );
      continue;
    }
    if (teamEnvironments.has(teamName)) {
      skipped.push(
        `team environment ${product.id}: team ${teamName} already has ${
          teamEnvironments.get(teamName)!.id
        }`,
      );
      continue;
    }
    const teamDomains = [...(domainsOfTeam.get(teamName) ?? [])];
    const entity = teamEnvironmentToResourceEntity(product, {
      region,
      domainId: teamDomains.length === 1 ? teamDomains[0] : onlyDomain,
    });
    if (entity) {
      teamEnvironments.set(teamName, {
        id: product.id,
        name: entity.metadata.name,
      });
      entities.push(entity);
    }
  }
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
  const profiles = [...estate.userProfiles].sort(
    (left, right) =>
      left.userProfileName.localeCompare(right.userProfileName) ||
      left.domainId.localeCompare(right.domainId),
  );
  for (const profile of profiles) {
    const provisionedProduct =
      productsByArn.get(
        profile.tags[SERVICE_CATALOG_PROVISIONED_PRODUCT_ARN_TAG] ?? '',
      ) ??
      productsByProfile.get(`${profile.domainId}/${profile.userProfileName}`);
    const team = profile.tags.TeamName;
    const entity = userProfileToResourceEntity(profile, {
      region,
      provisionedProduct,
      teamEnvironmentEntityName: team
        ? teamEnvironments.get(team)?.name
        : undefined,
    });
    if (entity) entities.push(entity);
    else
      skipped.push(
        `user profile ${profile.domainId}/${profile.userProfileName}: ${profile.status}`,
      );
  }

  return { entities, skipped };
}
