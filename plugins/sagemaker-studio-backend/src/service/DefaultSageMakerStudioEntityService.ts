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
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  CacheService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getSageMakerStudioAnnotation,
  OpenStudioResponse,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  sageMakerStudioEstateReadPermission,
  StudioDomainStatus,
  StudioEntityStatus,
  StudioTeamEnvironmentStatus,
} from '@internal/plugin-sagemaker-studio-common';
import {
  createPresignedDomainUrl,
  SageMakerStudioAwsClients,
  SageMakerStudioConfig,
  StudioAwsReadError,
  StudioDomainStatusReader,
  StudioUserProfileAwsStatus,
  StudioUserProfileStatusReader,
  TeamEnvironmentStatusReader,
  toHttpError,
  toStudioSourceError,
} from '@internal/plugin-sagemaker-studio-node';
import { hasPermission } from '../permissions/requirePermission';
import { SageMakerStudioEntityService } from './SageMakerStudioEntityService';

/** The catalog module's Resource types (see its transformers). */
const DOMAIN_TYPE = 'sagemaker-studio-domain';
const TEAM_ENVIRONMENT_TYPE = 'sagemaker-studio-team-environment';
const USER_PROFILE_TYPE = 'sagemaker-studio-user-profile';
/** Bumped when the shape of a cached value changes. */
const CACHE_PREFIX = 'entity-status:v1';

type Member = StudioTeamEnvironmentStatus['members'][number];
type TeamEnvironment = Omit<StudioTeamEnvironmentStatus, 'members'>;

/** A Studio user profile an entity stands for, and who owns it. */
interface ProfileTarget {
  domainId: string;
  userProfileName: string;
  /** Entity ref of the owner, when the catalog says. */
  owner?: string;
  teamName?: string;
}

/** The domain fields only admins and members of teams in the domain see. */
const DOMAIN_DETAILS = [
  'authMode',
  'appNetworkAccessType',
  'kmsKeyId',
  'vpcId',
  'subnetIds',
  'securityGroupIds',
  'defaultExecutionRoleArn',
  'url',
] as const;

function sameRef(a: string | undefined, b: string | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US')
  );
}

function ownerOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as Partial<BackstageUserPrincipal>;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * Reads the entity with the caller's credentials and AWS with the
 * backend's, caching each AWS read per resource (never per caller) for
 * `sageMakerStudio.cache.ttlSeconds`. Who asks only shapes the answer after
 * the read: the domain's network, encryption and role details are left out
 * for people who are neither admins nor members of a team in that domain
 * (a reduced view rather than a 403, so the domain card still shows status
 * and counts), and `canOpen` is true for the profile's owner only.
 *
 * @public
 */
export class DefaultSageMakerStudioEntityService
  implements SageMakerStudioEntityService
{
  private readonly domainReader: StudioDomainStatusReader;
  private readonly profileReader: StudioUserProfileStatusReader;
  private readonly teamReader: TeamEnvironmentStatusReader;

  static create(deps: {
    config: SageMakerStudioConfig;
    clients: SageMakerStudioAwsClients;
    catalog: CatalogService;
    permissions: PermissionsService;
    cache: CacheService;
    auditor: AuditorService;
    logger: LoggerService;
  }): DefaultSageMakerStudioEntityService {
    return new DefaultSageMakerStudioEntityService(deps);
  }

  constructor(
    private readonly deps: {
      config: SageMakerStudioConfig;
      clients: SageMakerStudioAwsClients;
      catalog: CatalogService;
      permissions: PermissionsService;
      cache: CacheService;
      auditor: AuditorService;
      logger: LoggerService;
    },
  ) {
    const { clients, config, logger } = deps;
    this.domainReader = new StudioDomainStatusReader({ clients, logger });
    this.profileReader = new StudioUserProfileStatusReader({ clients, logger });
    this.teamReader = new TeamEnvironmentStatusReader({
      clients,
      config,
      logger,
    });
  }

  async getEntityStatus(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
  }): Promise<StudioEntityStatus> {
    const { credentials } = options;
    const entity = await this.entity(credentials, options.entityRef);
    const status: StudioEntityStatus = {
      entityRef: stringifyEntityRef(entity),
      domains: [],
      teamEnvironments: [],
      userProfiles: [],
      errors: [],
    };
    const collect = async <T>(
      read: () => Promise<T>,
    ): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        if (error instanceof StudioAwsReadError) {
          status.errors.push(toStudioSourceError(error));
          return undefined;
        }
        throw error;
      }
    };
    const annotation = (key: string) =>
      getSageMakerStudioAnnotation(entity, key);
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const type = (entity.spec as { type?: unknown } | undefined)?.type;

    const profiles = await this.profileTargets(credentials, entity);
    if (profiles.length > 0) {
      const caller = userRefOf(credentials);
      for (const target of profiles) {
        const read = await collect(() => this.readProfile(target));
        if (read) {
          status.userProfiles.push({
            ...read,
            ...(target.teamName ? { teamName: target.teamName } : {}),
            ...(target.owner ? { owner: target.owner } : {}),
            canOpen:
              sameRef(target.owner, caller) && read.status === 'InService',
          });
        }
      }
      return status;
    }

    const teamName = annotation(SAGEMAKER_STUDIO_TEAM_ANNOTATION);
    const provisionedProductId = annotation(
      SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION,
    );
    if (
      kind === 'resource' &&
      provisionedProductId &&
      (type === TEAM_ENVIRONMENT_TYPE || teamName)
    ) {
      const environment = await collect(() =>
        this.readTeamEnvironment(provisionedProductId),
      );
      if (environment) {
        const members = await collect(() =>
          this.readTeamMembers(environment.teamName || teamName!),
        );
        status.teamEnvironments.push({
          ...environment,
          members: members ?? [],
        });
      }
      return status;
    }
    if (kind === 'group' && teamName) {
      const [environments, members] = await Promise.all([
        collect(() => this.readTeamEnvironments(teamName)),
        collect(() => this.readTeamMembers(teamName)),
      ]);
      for (const environment of environments ?? []) {
        status.teamEnvironments.push({
          ...environment,
          members: members ?? [],
        });
      }
      return status;
    }
    const domainId = annotation(SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION);
    if (kind === 'resource' && domainId && (type === DOMAIN_TYPE || !type)) {
      const domain = await collect(() => this.readDomain(domainId));
      if (domain) {
        status.domains.push(
          (await this.maySeeDomainDetails(credentials, domainId))
            ? domain
            : withoutDetails(domain),
        );
      }
    }
    return status;
  }

  async openStudio(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
    spaceName?: string;
    landingUri?: string;
  }): Promise<OpenStudioResponse> {
    const { credentials } = options;
    const caller = userRefOf(credentials);
    const auditEvent = await this.deps.auditor.createEvent({
      eventId: 'open-studio',
      severityLevel: 'medium',
      meta: {
        actor: caller,
        entityRef: stringifyEntityRef(options.entityRef),
        ...(options.spaceName ? { spaceName: options.spaceName } : {}),
      },
    });
    try {
      if (!caller) {
        throw new NotAllowedError('Only signed-in people can open Studio');
      }
      const entity = await this.entity(credentials, options.entityRef);
      const target = this.ownProfileTarget(entity);
      if (!target) {
        throw new NotFoundError(
          `${stringifyEntityRef(entity)} has no SageMaker Studio user profile`,
        );
      }
      if (!sameRef(target.owner, caller)) {
        throw new NotAllowedError(
          `Only the owner of user profile ${target.userProfileName} may open Studio as it`,
        );
      }
      // Read now, not from the cache: the profile may have changed since.
      const profileStatus = await this.profileReader.readStatus(target);
      if (profileStatus !== 'InService') {
        throw new ConflictError(
          `User profile ${target.userProfileName} is ${profileStatus}, not InService; try again when it is`,
        );
      }
      if (options.spaceName) {
        const { spaces } = await this.readProfile(target);
        if (!spaces.some(s => s.spaceName === options.spaceName)) {
          throw new InputError(
            `spaceName: ${options.spaceName} is not a space of user profile ${target.userProfileName}`,
          );
        }
      }
      const answer = await createPresignedDomainUrl({
        clients: this.deps.clients,
        logger: this.deps.logger,
        domainId: target.domainId,
        userProfileName: target.userProfileName,
        sessionExpirationSeconds:
          this.deps.config.openStudio.sessionExpirationSeconds,
        spaceName: options.spaceName,
        landingUri: options.landingUri,
      });
      // The URL is a credential: it goes to the caller only, never to the audit log.
      await auditEvent.success({
        meta: {
          domainId: target.domainId,
          userProfileName: target.userProfileName,
          expiresAt: answer.expiresAt,
        },
      });
      return answer;
    } catch (error) {
      const answer = toHttpError(error);
      await auditEvent.fail({ error: answer });
      throw answer;
    }
  }

  private async entity(
    credentials: BackstageCredentials,
    ref: CompoundEntityRef,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    }
    return entity;
  }

  /** The profile a User or user profile Resource names, with its owner. */
  private ownProfileTarget(entity: Entity): ProfileTarget | undefined {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const domainId = getSageMakerStudioAnnotation(
      entity,
      SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
    );
    const userProfileName = getSageMakerStudioAnnotation(
      entity,
      SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
    );
    if (!domainId || !userProfileName) return undefined;
    if (kind === 'user') {
      return { domainId, userProfileName, owner: stringifyEntityRef(entity) };
    }
    const type = (entity.spec as { type?: unknown } | undefined)?.type;
    if (kind === 'resource' && (type === USER_PROFILE_TYPE || !type)) {
      const teamName = getSageMakerStudioAnnotation(
        entity,
        SAGEMAKER_STUDIO_TEAM_ANNOTATION,
      );
      return {
        domainId,
        userProfileName,
        owner: ownerOf(entity),
        ...(teamName ? { teamName } : {}),
      };
    }
    return undefined;
  }

  /**
   * The profiles to show for an entity: its own (annotations), and for a
   * User also the user profile Resources it owns in the catalog.
   */
  private async profileTargets(
    credentials: BackstageCredentials,
    entity: Entity,
  ): Promise<ProfileTarget[]> {
    const targets: ProfileTarget[] = [];
    const own = this.ownProfileTarget(entity);
    if (own) targets.push(own);
    if (entity.kind.toLocaleLowerCase('en-US') !== 'user') return targets;
    const userRef = stringifyEntityRef(entity);
    const { items } = await this.deps.catalog.queryEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': USER_PROFILE_TYPE,
          'spec.owner': userRef,
        },
        limit: 50,
      },
      { credentials },
    );
    for (const resource of items) {
      const target = this.ownProfileTarget(resource);
      if (
        target &&
        sameRef(target.owner, userRef) &&
        !targets.some(
          t =>
            t.domainId === target.domainId &&
            t.userProfileName === target.userProfileName,
        )
      ) {
        targets.push(target);
      }
    }
    return targets;
  }

  /** Admins, people with a profile in the domain, and members of a team working in it. */
  private async maySeeDomainDetails(
    credentials: BackstageCredentials,
    domainId: string,
  ): Promise<boolean> {
    if (
      await hasPermission({
        permissions: this.deps.permissions,
        credentials,
        permission: sageMakerStudioEstateReadPermission,
      })
    ) {
      return true;
    }
    const userRef = userRefOf(credentials);
    if (!userRef) return false;
    const person = await this.deps.catalog.getEntityByRef(userRef, {
      credentials,
    });
    if (!person) return false;
    if (
      getSageMakerStudioAnnotation(
        person,
        SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
      ) === domainId
    ) {
      return true;
    }
    const groupRefs = (person.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef);
    if (groupRefs.length === 0) return false;
    const { items: groups } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: groupRefs },
      { credentials },
    );
    const teams = groups
      .map(g =>
        g
          ? getSageMakerStudioAnnotation(g, SAGEMAKER_STUDIO_TEAM_ANNOTATION)
          : undefined,
      )
      .filter((t): t is string => Boolean(t));
    if (teams.length === 0) return false;
    // A team works in a domain when one of its Studio resources (profile or
    // environment) is annotated with that domain.
    const { items } = await this.deps.catalog.queryEntities(
      {
        filter: {
          kind: 'Resource',
          [`metadata.annotations.${SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION}`]:
            domainId,
          [`metadata.annotations.${SAGEMAKER_STUDIO_TEAM_ANNOTATION}`]: teams,
        },
        limit: 1,
      },
      { credentials },
    );
    return items.length > 0;
  }

  private readDomain(domainId: string): Promise<StudioDomainStatus> {
    return this.cached(`domain:${this.deps.clients.region}:${domainId}`, () =>
      this.domainReader.readDomainStatus(domainId),
    );
  }

  private readProfile(
    target: ProfileTarget,
  ): Promise<StudioUserProfileAwsStatus> {
    const { domainId, userProfileName } = target;
    return this.cached(
      `user-profile:${this.deps.clients.region}:${domainId}:${userProfileName}`,
      () =>
        this.profileReader.readUserProfileStatus({ domainId, userProfileName }),
    );
  }

  private readTeamEnvironment(id: string): Promise<TeamEnvironment> {
    return this.cached(
      `team-environment:${this.deps.clients.region}:${id}`,
      () => this.teamReader.readById(id),
    );
  }

  private readTeamEnvironments(teamName: string): Promise<TeamEnvironment[]> {
    return this.cached(
      `team-environments:${this.deps.clients.region}:${teamName}`,
      () => this.teamReader.findByTeam(teamName),
    );
  }

  private readTeamMembers(teamName: string): Promise<Member[]> {
    return this.cached(
      `team-members:${this.deps.clients.region}:${teamName}`,
      () => this.teamReader.readTeamMembers(teamName),
    );
  }

  /** Failures are not cached: the next call tries AWS again. */
  private async cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    const { cache, config, logger } = this.deps;
    const fullKey = `${CACHE_PREFIX}:${key}`;
    try {
      const hit = await cache.get(fullKey);
      if (hit !== undefined) return hit as T;
    } catch (error) {
      logger.warn(`Reading the cache failed`, {
        key: fullKey,
        error: String(error),
      });
    }
    const value = await read();
    try {
      await cache.set(
        fullKey,
        value as unknown as Parameters<CacheService['set']>[1],
        {
          ttl: { seconds: config.cache.ttlSeconds },
        },
      );
    } catch (error) {
      logger.warn(`Writing the cache failed`, {
        key: fullKey,
        error: String(error),
      });
    }
    return value;
  }
}

function withoutDetails(domain: StudioDomainStatus): StudioDomainStatus {
  const reduced = { ...domain };
  for (const key of DOMAIN_DETAILS) {
    delete reduced[key];
  }
  return reduced;
}
