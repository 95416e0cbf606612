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
 * Who is asking, and what they may see, each asked of the catalog and the
 * permission framework at most once per answer and only when needed.
 */
export interface StudioViewer {
  /** Entity ref of the signed-in person; undefined for a non-user. */
  readonly userRef?: string;
  /** Whether they hold `sagemaker-studio.estate.read` (admins). */
  isAdmin(): Promise<boolean>;
  /** Their teams: of each Group they belong to, its team annotation, else its name. */
  teams(): Promise<Set<string>>;
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}

function sameRef(a: string | undefined, b: string | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US')
  );
}

/** The team a Group stands for: its team annotation, else its name. */
function teamOfGroup(group: Entity): string {
  return (
    getSageMakerStudioAnnotation(group, SAGEMAKER_STUDIO_TEAM_ANNOTATION) ??
    group.metadata.name
  );
}

/**
 * Who may see the details of Studio things, rather than a reduced view:
 *
 * - a domain's network, key and roles, and finding it in the domain list:
 *   admins (`sagemaker-studio.estate.read`), and people who work in it, that
 *   is who has a profile there (the domain annotation of their User, or a
 *   user profile Resource they own) or belongs to a team with a Studio
 *   Resource (profile or environment) annotated with the domain;
 * - a team environment's outputs, stack and members: admins and members of
 *   the team (a Group they belong to has the team's name as its team
 *   annotation, else as its name);
 * - a user profile's execution role, security groups, spaces and apps: its
 *   owner, admins, and members of its team (its team annotation; without
 *   one, the teams of its owner).
 *
 * Everything is read with the caller's credentials, so catalog permissions
 * apply.
 */
export class StudioDomainAccess {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  /** The caller, whose admin-ness and teams are read on first use only. */
  viewer(credentials: BackstageCredentials): StudioViewer {
    return {
      userRef: userRefOf(credentials),
      isAdmin: once(() => this.isAdmin(credentials)),
      teams: once(() => this.teamsOf(credentials)),
    };
  }

  /** Whether the viewer is a member of the team or an admin. */
  async maySeeTeam(viewer: StudioViewer, teamName: string): Promise<boolean> {
    if (teamName && (await viewer.teams()).has(teamName)) return true;
    return viewer.isAdmin();
  }

  /**
   * Whether the viewer owns the profile, is a member of one of its teams
   * (`teams`: the profile's team, else its owner's) or is an admin.
   */
  async maySeeProfile(
    viewer: StudioViewer,
    profile: { owner?: string; teams: () => Promise<Iterable<string>> },
  ): Promise<boolean> {
    if (sameRef(profile.owner, viewer.userRef)) return true;
    const mine = await viewer.teams();
    if (mine.size > 0) {
      for (const team of await profile.teams()) {
        if (mine.has(team)) return true;
      }
    }
    return viewer.isAdmin();
  }

  /** The caller's teams (see {@link StudioViewer.teams}); none for a non-user. */
  async teamsOf(credentials: BackstageCredentials): Promise<Set<string>> {
    const userRef = userRefOf(credentials);
    if (!userRef) return new Set();
    const person = await this.deps.catalog.getEntityByRef(userRef, {
      credentials,
    });
    return person ? this.teamsOfPerson(credentials, person) : new Set();
  }

  /** A person's teams: of each Group they belong to, its team annotation, else its name. */
  async teamsOfPerson(
    credentials: BackstageCredentials,
    person: Entity,
  ): Promise<Set<string>> {
    const teams = new Set<string>();
    for (const group of await this.groupsOf(credentials, person)) {
      teams.add(teamOfGroup(group));
    }
    return teams;
  }

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

    const teams: string[] = [];
    for (const group of await this.groupsOf(credentials, person)) {
      const team = getSageMakerStudioAnnotation(
        group,
        SAGEMAKER_STUDIO_TEAM_ANNOTATION,
      );
      if (team) teams.push(team);
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

  /** The Groups a person belongs to (their memberOf relations) that the caller may see. */
  private async groupsOf(
    credentials: BackstageCredentials,
    person: Entity,
  ): Promise<Entity[]> {
    const groupRefs = (person.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef);
    if (groupRefs.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: groupRefs, fields: FIELDS },
      { credentials },
    );
    return items.filter((group): group is Entity => Boolean(group));
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
