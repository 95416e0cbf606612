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
  SourceError,
  StudioDomainStatus,
  StudioEntityStatus,
  StudioTeamEnvironmentStatus,
  StudioUserProfileStatus,
} from '@internal/plugin-sagemaker-studio-common';
import {
  createPresignedDomainUrl,
  mapWithConcurrency,
  readEachStudioTarget,
  SageMakerStudioAwsClients,
  SageMakerStudioConfig,
  StudioAwsReadError,
  StudioDomainStatusReader,
  studioTargetError,
  StudioUserProfileAwsStatus,
  membersOfEnvironment,
  StudioTeamMember,
  StudioTeamProducts,
  StudioUserProfileStatusReader,
  TeamEnvironmentStatusReader,
  toHttpError,
} from '@internal/plugin-sagemaker-studio-node';
import { SageMakerStudioEntityService } from './SageMakerStudioEntityService';
import { StudioDomainAccess, USER_PROFILE_TYPE } from './StudioDomainAccess';
import { clientsForEntity } from './studioTargets';

/** The catalog module's Resource types (see its transformers). */
const DOMAIN_TYPE = 'sagemaker-studio-domain';
const TEAM_ENVIRONMENT_TYPE = 'sagemaker-studio-team-environment';
/** Bumped when the shape of a cached value changes. */
const CACHE_PREFIX = 'entity-status:v3';

type TeamEnvironment = Omit<StudioTeamEnvironmentStatus, 'members'>;

/** A Studio user profile an entity stands for, and who owns it. */
interface ProfileTarget {
  /** The clients of the profile's account and region, or why it cannot be read. */
  clients: SageMakerStudioAwsClients | SourceError;
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

/** The readers of one account and region. */
interface TargetReaders {
  clients: SageMakerStudioAwsClients;
  domain: StudioDomainStatusReader;
  profile: StudioUserProfileStatusReader;
  team: TeamEnvironmentStatusReader;
}

function isSourceError(
  value: SageMakerStudioAwsClients | SourceError,
): value is SourceError {
  return !(value instanceof SageMakerStudioAwsClients);
}

/**
 * Reads the entity with the caller's credentials and AWS with the
 * backend's, caching each AWS read per resource (never per caller) for
 * `sageMakerStudio.cache.ttlSeconds`.
 *
 * A domain, team environment or user profile Resource is read in the
 * account and region its annotations name (the home ones when it has
 * none; only configured targets are read). A team Group is gathered from
 * every configured account and region, at most a few at a time; a User from
 * the profile Resources it owns, each in its own account and region. A
 * target that fails is a per-source error naming its account and region,
 * and the rest is still answered.
 *
 * Who asks only shapes the answer, never what is cached (see
 * {@link StudioDomainAccess}; a reduced view rather than a 403, so the cards
 * still show what the thing is and its status): the domain's network,
 * encryption and role details are left out for people who are neither
 * admins nor working in that domain; a team environment is a summary
 * (`access: 'summary'`: no outputs, stack status or members, which are then
 * not read) for people who are neither admins nor members of the team; a
 * user profile is a summary (no execution role, security groups, spaces or
 * apps) for people who are neither its owner, admins nor members of its
 * team. `canOpen` is true for the profile's owner only.
 *
 * @public
 */
export class DefaultSageMakerStudioEntityService
  implements SageMakerStudioEntityService
{
  private readonly readers = new Map<string, TargetReaders>();
  private readonly access: StudioDomainAccess;

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
    this.access = new StudioDomainAccess(deps);
  }

  /** The readers of one account and region, made once. */
  private readersFor(clients: SageMakerStudioAwsClients): TargetReaders {
    let readers = this.readers.get(clients.targetKey);
    if (!readers) {
      const { config, logger } = this.deps;
      readers = {
        clients,
        domain: new StudioDomainStatusReader({ clients, logger }),
        profile: new StudioUserProfileStatusReader({ clients, logger }),
        team: new TeamEnvironmentStatusReader({ clients, config, logger }),
      };
      this.readers.set(clients.targetKey, readers);
    }
    return readers;
  }

  async getEntityStatus(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
  }): Promise<StudioEntityStatus> {
    const { credentials } = options;
    const { logger } = this.deps;
    const entity = await this.entity(credentials, options.entityRef);
    const status: StudioEntityStatus = {
      entityRef: stringifyEntityRef(entity),
      domains: [],
      teamEnvironments: [],
      userProfiles: [],
      errors: [],
    };
    /**
     * Runs one read in one target; its failure becomes a per-source error
     * (in `errors`, by default the answer's).
     */
    const collect = async <T>(
      target: SageMakerStudioAwsClients | SourceError,
      action: string,
      read: (readers: TargetReaders) => Promise<T>,
      errors: SourceError[] = status.errors,
    ): Promise<T | undefined> => {
      if (isSourceError(target)) {
        errors.push(target);
        return undefined;
      }
      try {
        return await read(this.readersFor(target));
      } catch (error) {
        errors.push(
          studioTargetError({ error, clients: target, action, logger }),
        );
        return undefined;
      }
    };
    const annotation = (key: string) =>
      getSageMakerStudioAnnotation(entity, key);
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const type = (entity.spec as { type?: unknown } | undefined)?.type;
    const ref = status.entityRef;

    const viewer = this.access.viewer(credentials);
    const profiles = await this.profileTargets(credentials, entity);
    if (profiles.length > 0) {
      const caller = viewer.userRef;
      // Read a few at a time; errors are kept in the profiles' order.
      const read = await mapWithConcurrency(profiles, async target => {
        const errors: SourceError[] = [];
        const profile = await collect(
          target.clients,
          'DescribeUserProfile',
          readers => this.readProfile(readers, target),
          errors,
        );
        return { profile, errors };
      });
      // The owners' teams, for profiles without a team annotation, read once each.
      const ownerTeams = new Map<string, Promise<Set<string>>>();
      const teamsOfOwner = (owner: string) => {
        let teams = ownerTeams.get(owner);
        if (!teams) {
          teams = this.teamsOfOwner(credentials, entity, owner);
          ownerTeams.set(owner, teams);
        }
        return teams;
      };
      for (const [index, target] of profiles.entries()) {
        const { profile, errors } = read[index];
        status.errors.push(...errors);
        if (!profile) continue;
        const full: StudioUserProfileStatus = {
          ...profile,
          ...(target.teamName ? { teamName: target.teamName } : {}),
          ...(target.owner ? { owner: target.owner } : {}),
          canOpen:
            sameRef(target.owner, caller) && profile.status === 'InService',
          access: 'full',
        };
        const maySee = await this.access.maySeeProfile(viewer, {
          owner: target.owner,
          teams: async () => {
            if (target.teamName) return [target.teamName];
            return target.owner ? teamsOfOwner(target.owner) : [];
          },
        });
        status.userProfiles.push(maySee ? full : userProfileSummary(full));
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
      const target = clientsForEntity(this.deps.clients, entity, ref);
      const environment = await collect(
        target,
        'SearchProvisionedProducts',
        readers => this.readTeamEnvironment(readers, provisionedProductId),
      );
      if (environment) {
        const team = environment.teamName || teamName || '';
        if (await this.access.maySeeTeam(viewer, team)) {
          const members = await collect(target, 'ListUserProfiles', readers =>
            this.readTeamMembers(readers, team),
          );
          status.teamEnvironments.push({
            ...environment,
            // Only the profiles launched for this environment's type.
            members: membersOfEnvironment(members ?? [], environment.envType),
            access: 'full',
          });
        } else {
          // Members are not read for a summary.
          status.teamEnvironments.push(teamEnvironmentSummary(environment));
        }
      }
      return status;
    }
    if (kind === 'group' && teamName) {
      const full = await this.access.maySeeTeam(viewer, teamName);
      // A team may work in any account and region: all of them are read.
      const { values, errors } = await readEachStudioTarget({
        clients: this.deps.clients,
        action: 'SearchProvisionedProducts',
        logger,
        read: async clients => {
          const readers = this.readersFor(clients);
          // One listing of the target's products serves both reads, and is
          // asked only when one of them is not cached.
          let listing: Promise<StudioTeamProducts> | undefined;
          const products = () => (listing ??= this.readTeamProducts(readers));
          // Members are not read for a summary.
          const [environments, members] = await Promise.all([
            this.readTeamEnvironments(readers, teamName, products),
            full
              ? this.readTeamMembers(readers, teamName, products)
              : Promise.resolve([]),
          ]);
          return { environments, members };
        },
      });
      status.errors.push(...errors);
      for (const { value } of values) {
        for (const environment of value.environments) {
          status.teamEnvironments.push(
            full
              ? {
                  ...environment,
                  // Members of this account and region launched for this
                  // environment's type (or of an unknown type).
                  members: membersOfEnvironment(
                    value.members,
                    environment.envType,
                  ),
                  access: 'full',
                }
              : teamEnvironmentSummary(environment),
          );
        }
      }
      return status;
    }
    const domainId = annotation(SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION);
    if (kind === 'resource' && domainId && (type === DOMAIN_TYPE || !type)) {
      const target = clientsForEntity(this.deps.clients, entity, ref);
      const domain = await collect(target, 'DescribeDomain', readers =>
        this.readDomain(readers, domainId),
      );
      if (domain) {
        status.domains.push(
          (await this.access.maySeeDomain(credentials, domain))
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
      if (isSourceError(target.clients)) {
        // The profile's account and region are not configured: a misconfiguration.
        throw new StudioAwsReadError('NOT_ALLOWED', target.clients.source);
      }
      const readers = this.readersFor(target.clients);
      // Read now, not from the cache: the profile may have changed since.
      const profileStatus = await readers.profile.readStatus(target);
      if (profileStatus !== 'InService') {
        throw new ConflictError(
          `User profile ${target.userProfileName} is ${profileStatus}, not InService; try again when it is`,
        );
      }
      if (options.spaceName) {
        const { spaces } = await this.readProfile(readers, target);
        if (!spaces.some(s => s.spaceName === options.spaceName)) {
          throw new InputError(
            `spaceName: ${options.spaceName} is not a space of user profile ${target.userProfileName}`,
          );
        }
      }
      // The URL is issued in the profile's own account and region.
      const answer = await createPresignedDomainUrl({
        clients: readers.clients,
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
          targetKey: readers.clients.targetKey,
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

  /**
   * The teams of a profile's owner: of the entity shown when it is the
   * owner (a User page), else of the owner's User as the caller may read it.
   */
  private async teamsOfOwner(
    credentials: BackstageCredentials,
    shown: Entity,
    owner: string,
  ): Promise<Set<string>> {
    if (sameRef(stringifyEntityRef(shown), owner)) {
      return this.access.teamsOfPerson(credentials, shown);
    }
    let ref: CompoundEntityRef;
    try {
      ref = parseEntityRef(owner);
    } catch {
      return new Set();
    }
    if (ref.kind.toLocaleLowerCase('en-US') !== 'user') return new Set();
    const person = await this.deps.catalog.getEntityByRef(ref, {
      credentials,
    });
    return person
      ? this.access.teamsOfPerson(credentials, person)
      : new Set<string>();
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

  /** The profile a User or user profile Resource names, with its owner and account and region. */
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
    const clients = clientsForEntity(
      this.deps.clients,
      entity,
      stringifyEntityRef(entity),
    );
    if (kind === 'user') {
      return {
        clients,
        domainId,
        userProfileName,
        owner: stringifyEntityRef(entity),
      };
    }
    const type = (entity.spec as { type?: unknown } | undefined)?.type;
    if (kind === 'resource' && (type === USER_PROFILE_TYPE || !type)) {
      const teamName = getSageMakerStudioAnnotation(
        entity,
        SAGEMAKER_STUDIO_TEAM_ANNOTATION,
      );
      return {
        clients,
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
   * User also the user profile Resources it owns in the catalog, in
   * whichever account and region each lives.
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
    const keyOf = (t: ProfileTarget) =>
      `${isSourceError(t.clients) ? t.clients.source : t.clients.targetKey}/${
        t.domainId
      }/${t.userProfileName}`;
    for (const resource of items) {
      const target = this.ownProfileTarget(resource);
      if (
        target &&
        sameRef(target.owner, userRef) &&
        !targets.some(t => keyOf(t) === keyOf(target))
      ) {
        targets.push(target);
      }
    }
    return targets;
  }

  private readDomain(
    readers: TargetReaders,
    domainId: string,
  ): Promise<StudioDomainStatus> {
    return this.cached(`domain:${readers.clients.targetKey}:${domainId}`, () =>
      readers.domain.readDomainStatus(domainId),
    );
  }

  private readProfile(
    readers: TargetReaders,
    target: Pick<ProfileTarget, 'domainId' | 'userProfileName'>,
  ): Promise<StudioUserProfileAwsStatus> {
    const { domainId, userProfileName } = target;
    return this.cached(
      `user-profile:${readers.clients.targetKey}:${domainId}:${userProfileName}`,
      () =>
        readers.profile.readUserProfileStatus({ domainId, userProfileName }),
    );
  }

  private readTeamEnvironment(
    readers: TargetReaders,
    id: string,
  ): Promise<TeamEnvironment> {
    return this.cached(
      `team-environment:${readers.clients.targetKey}:${id}`,
      () => readers.team.readById(id),
    );
  }

  /**
   * The team environment and user profile products of one account and
   * region, listed once for every team there (SearchProvisionedProducts,
   * 100 a page).
   */
  private readTeamProducts(
    readers: TargetReaders,
  ): Promise<StudioTeamProducts> {
    return this.cached(`team-products:${readers.clients.targetKey}`, () =>
      readers.team.listTeamProducts(),
    );
  }

  /** A team's environments in one account and region, each with its stack. */
  private async readTeamEnvironments(
    readers: TargetReaders,
    teamName: string,
    products: () => Promise<StudioTeamProducts>,
  ): Promise<TeamEnvironment[]> {
    return this.cached(
      `team-environments:${readers.clients.targetKey}:${teamName}`,
      async () => readers.team.environmentsOf(teamName, await products()),
    );
  }

  /**
   * The members of a team in one account and region: its user profile
   * products joined to the user profiles of the target, whose listing
   * (ListUserProfiles, 100 a page) is read only when the team has a profile
   * product there and is then cached once for every team.
   */
  private async readTeamMembers(
    readers: TargetReaders,
    teamName: string,
    products: () => Promise<StudioTeamProducts> = () =>
      this.readTeamProducts(readers),
  ): Promise<StudioTeamMember[]> {
    const target = readers.clients.targetKey;
    return this.cached(`team-members:${target}:${teamName}`, async () =>
      readers.team.membersOf(teamName, await products(), () =>
        this.cached(`user-profiles:${target}`, () =>
          readers.team.listUserProfiles(),
        ),
      ),
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

/** The domain without its network, encryption and role details. */
export function withoutDetails(domain: StudioDomainStatus): StudioDomainStatus {
  const reduced = { ...domain };
  for (const key of DOMAIN_DETAILS) {
    delete reduced[key];
  }
  return reduced;
}

/**
 * A team environment as anyone signed in sees it: what it is and its
 * status, without its outputs (buckets, key, roles, security group, SSM
 * prefix), stack status and members.
 */
export function teamEnvironmentSummary(
  environment: TeamEnvironment,
): StudioTeamEnvironmentStatus {
  const e = environment;
  return {
    accountId: e.accountId,
    region: e.region,
    teamName: e.teamName,
    ...(e.envType ? { envType: e.envType } : {}),
    provisionedProductId: e.provisionedProductId,
    provisionedProductName: e.provisionedProductName,
    ...(e.productName ? { productName: e.productName } : {}),
    ...(e.version ? { version: e.version } : {}),
    status: e.status,
    outputs: {},
    members: [],
    access: 'summary',
  };
}

/**
 * A user profile as anyone signed in sees it: whose it is, where, and its
 * status, without its execution role, security groups, spaces and apps.
 */
export function userProfileSummary(
  profile: StudioUserProfileStatus,
): StudioUserProfileStatus {
  const p = profile;
  return {
    accountId: p.accountId,
    region: p.region,
    domainId: p.domainId,
    userProfileName: p.userProfileName,
    ...(p.arn ? { arn: p.arn } : {}),
    status: p.status,
    ...(p.teamName ? { teamName: p.teamName } : {}),
    ...(p.owner ? { owner: p.owner } : {}),
    spaces: [],
    apps: [],
    canOpen: p.canOpen,
    access: 'summary',
  };
}
