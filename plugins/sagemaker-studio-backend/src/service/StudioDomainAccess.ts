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
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getSageMakerStudioAnnotation,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  sageMakerStudioEstateReadPermission,
} from '@internal/plugin-sagemaker-studio-common';
import { hasPermission } from '../permissions/requirePermission';
import {
  annotatedTarget,
  sameStudioLocation,
  StudioLocation,
} from './studioTargets';

/** The catalog module's Resource type of user profiles (see its transformers). */
export const USER_PROFILE_TYPE = 'sagemaker-studio-user-profile';
/** Catalog pages read to find a person's Studio resources; enough for any team. */
const PAGE_SIZE = 500;
const MAX_PAGES = 4;

/** The fields of a Studio Resource the membership check needs. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
];

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

function locationOf(entity: Entity): StudioLocation | undefined {
  const domainId = getSageMakerStudioAnnotation(
    entity,
    SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  );
  return domainId ? { domainId, ...annotatedTarget(entity) } : undefined;
}

/**
 * Who may see a Studio domain's details (network, key, roles) and find it
 * in the domain list: admins (`sagemaker-studio.estate.read`), and people
 * who work in it, that is who has a profile there (the domain annotation of
 * their User, or a user profile Resource they own) or belongs to a team
 * with a Studio Resource (profile or environment) annotated with the
 * domain. Everything is read with the caller's credentials, so catalog
 * permissions apply.
 */
export class StudioDomainAccess {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  isAdmin(credentials: BackstageCredentials): Promise<boolean> {
    return hasPermission({
      permissions: this.deps.permissions,
      credentials,
      permission: sageMakerStudioEstateReadPermission,
    });
  }

  /** Whether the caller is an admin or works in the domain. */
  async maySeeDomain(
    credentials: BackstageCredentials,
    domain: StudioLocation,
  ): Promise<boolean> {
    if (await this.isAdmin(credentials)) return true;
    const mine = await this.workplaces(credentials);
    return mine.some(location => sameStudioLocation(location, domain));
  }

  /** The domains the caller works in (see the class comment); none for a non-user. */
  async workplaces(
    credentials: BackstageCredentials,
  ): Promise<StudioLocation[]> {
    const { catalog } = this.deps;
    const userRef = userRefOf(credentials);
    if (!userRef) return [];
    const person = await catalog.getEntityByRef(userRef, { credentials });
    if (!person) return [];
    const locations: StudioLocation[] = [];
    const own = locationOf(person);
    if (own) locations.push(own);

    const groupRefs = (person.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef);
    const teams: string[] = [];
    if (groupRefs.length > 0) {
      const { items: groups } = await catalog.getEntitiesByRefs(
        { entityRefs: groupRefs, fields: FIELDS },
        { credentials },
      );
      for (const group of groups) {
        const team = group
          ? getSageMakerStudioAnnotation(
              group,
              SAGEMAKER_STUDIO_TEAM_ANNOTATION,
            )
          : undefined;
        if (team) teams.push(team);
      }
    }
    const filters: Array<Record<string, string | string[]>> = [
      {
        kind: 'Resource',
        'spec.type': USER_PROFILE_TYPE,
        'spec.owner': userRef,
      },
    ];
    if (teams.length > 0) {
      filters.push({
        kind: 'Resource',
        [`metadata.annotations.${SAGEMAKER_STUDIO_TEAM_ANNOTATION}`]: teams,
      });
    }
    for (const filter of filters) {
      for (const entity of await this.query(credentials, filter)) {
        const location = locationOf(entity);
        if (location) locations.push(location);
      }
    }
    return locations;
  }

  private async query(
    credentials: BackstageCredentials,
    filter: Record<string, string | string[]>,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields: FIELDS }
          : { filter, limit: PAGE_SIZE, fields: FIELDS },
        { credentials },
      );
      entities.push(...answer.items);
      cursor = answer.pageInfo?.nextCursor;
      if (!cursor) break;
    }
    return entities;
  }
}
