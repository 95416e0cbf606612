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
import {
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
  checkProductInput,
  CreateProvisioningRequestBody,
  getSageMakerStudioAnnotation,
  ProvisioningOperation,
  SAGEMAKER_STUDIO_PLATFORM_PARAMETERS,
  SAGEMAKER_STUDIO_PRODUCT_INPUTS,
  SAGEMAKER_STUDIO_PROFILE_NAME_PATTERN,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_NAME_PATTERN,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  SageMakerStudioProductKind,
  sageMakerStudioEstateReadPermission,
  StudioDomainSummary,
  sageMakerStudioRequestCreatePermission,
} from '@internal/plugin-sagemaker-studio-common';
import {
  ResolvedProduct,
  SageMakerStudioConfig,
  SageMakerStudioProvisioner,
  StudioDomainReader,
} from '@internal/plugin-sagemaker-studio-node';
import {
  hasPermission,
  requirePermission,
} from '../permissions/requirePermission';
import { RequestStore, StoredRequest } from '../requests/types';

/** A request that passed the input policy, ready to be recorded. */
export interface PreparedRequest {
  product: SageMakerStudioProductKind;
  operation: ProvisioningOperation;
  teamName?: string;
  requestedBy: string;
  requestedFor?: string;
  parameters: Record<string, string>;
  resolved: ResolvedProduct;
  provisionedProductName: string;
  provisionedProductId?: string;
  requiresApproval: boolean;
}

/** Who is asking: the person and whether they hold the admin permission. */
export interface Caller {
  credentials: BackstageCredentials;
  userRef: string;
  isAdmin: boolean;
}

const PROVISIONED_PRODUCT_ID = /^pp-[a-z0-9]{1,50}$/;
const DOMAIN_ID = /^d-[a-z0-9]{1,63}$/;
const PLATFORM = new Set<string>(SAGEMAKER_STUDIO_PLATFORM_PARAMETERS);

/** The operations each product offers. */
const OPERATIONS: Record<SageMakerStudioProductKind, ProvisioningOperation[]> =
  {
    studioDomain: ['provision'],
    teamEnvironment: ['provision', 'terminate'],
    userProfile: ['provision', 'update', 'terminate'],
  };

/** The signed-in person behind the credentials; service principals are refused. */
export async function resolveCaller(options: {
  credentials: BackstageCredentials;
  permissions: PermissionsService;
}): Promise<Caller> {
  const principal = options.credentials
    .principal as Partial<BackstageUserPrincipal>;
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError('Only signed-in people can do this');
  }
  return {
    credentials: options.credentials,
    userRef: principal.userEntityRef,
    isAdmin: await hasPermission({
      permissions: options.permissions,
      credentials: options.credentials,
      permission: sageMakerStudioEstateReadPermission,
    }),
  };
}

/**
 * The input policy: who may ask for what, and with which values. Everything a
 * person typed is checked against the product's offer (productInputs) and
 * against the constraints Service Catalog reports for the version launched;
 * the platform's parameters come from config, and the team and profile
 * names are derived from the catalog, read with the caller's credentials.
 */
export class RequestPolicy {
  constructor(
    private readonly deps: {
      config: SageMakerStudioConfig;
      catalog: CatalogService;
      permissions: PermissionsService;
      provisioner: SageMakerStudioProvisioner;
      domains: StudioDomainReader;
      store: RequestStore;
    },
  ) {}

  async prepare(
    caller: Caller,
    body: CreateProvisioningRequestBody,
  ): Promise<PreparedRequest> {
    await requirePermission({
      permissions: this.deps.permissions,
      credentials: caller.credentials,
      permission: sageMakerStudioRequestCreatePermission,
    });
    const operation = body.operation ?? 'provision';
    if (!OPERATIONS[body.product].includes(operation)) {
      throw new InputError(
        `operation: ${operation} is not offered for ${
          body.product
        }; allowed: ${OPERATIONS[body.product].join(', ')}`,
      );
    }
    if (body.product === 'studioDomain' && !caller.isAdmin) {
      throw new NotAllowedError(
        'Only data-science admins may request a Studio domain',
      );
    }
    if (body.onBehalfOf && !caller.isAdmin) {
      throw new NotAllowedError(
        'onBehalfOf: only data-science admins may request for someone else',
      );
    }
    this.checkOfferedParameters(body.product, operation, body.parameters);
    const resolved = await this.deps.provisioner.resolveProduct(body.product);
    const requiresApproval =
      this.deps.config.products[body.product].requiresApproval;

    if (operation !== 'provision') {
      return this.prepareDayTwo(
        caller,
        body,
        operation,
        resolved,
        requiresApproval,
      );
    }
    for (const field of ['provisionedProductId'] as const) {
      if (body[field]) {
        throw new InputError(`${field}: only for update and terminate`);
      }
    }

    const base = {
      product: body.product,
      operation,
      requestedBy: caller.userRef,
      resolved,
      requiresApproval,
    };
    switch (body.product) {
      case 'studioDomain': {
        const parameters = this.withProductRules(resolved, {
          ...this.platformParameters(resolved),
          ...body.parameters,
        });
        const domainName =
          parameters.StudioDomainName ??
          this.defaultOf(resolved, 'StudioDomainName') ??
          'studio-domain';
        return {
          ...base,
          parameters,
          provisionedProductName: `studio-domain-${domainName}`,
        };
      }
      case 'teamEnvironment': {
        const subject = body.onBehalfOf
          ? await this.person(caller, body.onBehalfOf, 'onBehalfOf')
          : undefined;
        const teamName = await this.checkTeam(
          caller,
          body.teamName,
          subject ?? (await this.person(caller, caller.userRef, 'requester')),
        );
        const envType = body.parameters.EnvType ?? 'dev';
        const parameters = this.withProductRules(resolved, {
          ...this.platformParameters(resolved),
          ...body.parameters,
          TeamName: teamName,
          EnvType: envType,
        });
        return {
          ...base,
          teamName,
          ...(subject ? { requestedFor: stringifyEntityRef(subject) } : {}),
          parameters,
          provisionedProductName: `team-${teamName}-${envType}`,
        };
      }
      case 'userProfile': {
        const subject = await this.person(
          caller,
          body.onBehalfOf ?? caller.userRef,
          body.onBehalfOf ? 'onBehalfOf' : 'requester',
        );
        const subjectRef = stringifyEntityRef(subject);
        const teamName = await this.checkTeam(caller, body.teamName, subject);
        const profileName = this.profileName(subject);
        const parameters: Record<string, string> = {
          ...this.platformParameters(resolved),
          ...body.parameters,
          TeamName: teamName,
          StudioUserProfileName: profileName,
        };
        const email = (subject.spec?.profile as { email?: string } | undefined)
          ?.email;
        if (email && this.hasParameter(resolved, 'OwnerEmail')) {
          parameters.OwnerEmail = email;
        }
        if (body.domainId) {
          parameters.StudioDomainId = await this.checkDomain(body.domainId);
        }
        return {
          ...base,
          teamName,
          ...(subjectRef !== caller.userRef
            ? { requestedFor: subjectRef }
            : {}),
          parameters: this.withProductRules(resolved, parameters),
          provisionedProductName: `profile-${teamName}-${profileName}`,
        };
      }
      default:
        throw new InputError(`product: unknown product ${body.product}`);
    }
  }

  /** Update and terminate act on a product that exists; who launched it decides who may. */
  private async prepareDayTwo(
    caller: Caller,
    body: CreateProvisioningRequestBody,
    operation: ProvisioningOperation,
    resolved: ResolvedProduct,
    requiresApproval: boolean,
  ): Promise<PreparedRequest> {
    const id = body.provisionedProductId;
    if (!id || !PROVISIONED_PRODUCT_ID.test(id)) {
      throw new InputError(
        `provisionedProductId: required for ${operation}; a Service Catalog provisioned product id like pp-abc123`,
      );
    }
    for (const field of ['teamName', 'domainId', 'onBehalfOf'] as const) {
      if (body[field]) {
        throw new InputError(
          `${field}: not accepted for ${operation}; it comes from the provisioned product`,
        );
      }
    }
    const launch = await this.deps.store.findLaunch(id);
    if (!launch && !caller.isAdmin) {
      // Products launched outside Backstage have no owner we can check.
      throw new NotFoundError(
        `provisionedProductId: no product ${id} of yours`,
      );
    }
    if (launch && !caller.isAdmin) {
      await this.checkOwnership(caller, launch, id);
    }
    const existing = await this.deps.provisioner
      .describeProvisionedProduct(id)
      .catch(error => {
        if (error?.name === 'NotFoundError') {
          throw new NotFoundError(`provisionedProductId: no product ${id}`);
        }
        throw error;
      });
    if (existing.productId && existing.productId !== resolved.productId) {
      throw new InputError(
        `provisionedProductId: ${id} is not a ${body.product} (it was launched from another product)`,
      );
    }
    if (
      operation === 'update' &&
      existing.artifactId === resolved.latestArtifactId
    ) {
      throw new ConflictError(
        `${id} is already at version ${resolved.latestArtifactName}, the newest`,
      );
    }
    return {
      product: body.product,
      operation,
      ...(launch?.teamName ? { teamName: launch.teamName } : {}),
      requestedBy: caller.userRef,
      ...(launch &&
      (launch.requestedFor ?? launch.requestedBy) !== caller.userRef
        ? { requestedFor: launch.requestedFor ?? launch.requestedBy }
        : {}),
      parameters: {},
      resolved,
      provisionedProductName: existing.name,
      provisionedProductId: id,
      requiresApproval,
    };
  }

  private async checkOwnership(
    caller: Caller,
    launch: StoredRequest,
    id: string,
  ): Promise<void> {
    if (launch.product === 'userProfile') {
      const owner = launch.requestedFor ?? launch.requestedBy;
      if (owner !== caller.userRef) {
        throw new NotFoundError(
          `provisionedProductId: no product ${id} of yours`,
        );
      }
      return;
    }
    const me = await this.person(caller, caller.userRef, 'requester');
    const teams = await this.teamsOf(caller, me);
    if (!launch.teamName || !teams.has(launch.teamName)) {
      throw new NotFoundError(
        `provisionedProductId: no product ${id} of your teams`,
      );
    }
  }

  private checkOfferedParameters(
    product: SageMakerStudioProductKind,
    operation: ProvisioningOperation,
    parameters: Record<string, string>,
  ) {
    const offered = SAGEMAKER_STUDIO_PRODUCT_INPUTS[product][operation];
    for (const [key, value] of Object.entries(parameters)) {
      if (PLATFORM.has(key)) {
        throw new InputError(
          `parameters.${key}: set by the platform, not by a request`,
        );
      }
      // Own keys only: `constructor` or `toString` are not offered parameters.
      const spec = Object.prototype.hasOwnProperty.call(offered, key)
        ? offered[key]
        : undefined;
      if (!spec) {
        const allowed = Object.keys(offered);
        throw new InputError(
          `parameters.${key}: not a parameter of ${product} ${operation}; allowed: ${
            allowed.length ? allowed.join(', ') : 'none'
          }`,
        );
      }
      const problem = checkProductInput(spec, value);
      if (problem) {
        throw new InputError(`parameters.${key}: ${problem}`);
      }
    }
  }

  /** Checks every value against the launched version's own constraints and drops what it lacks. */
  private withProductRules(
    resolved: ResolvedProduct,
    parameters: Record<string, string>,
  ): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(parameters)) {
      const parameter = resolved.parameters.find(p => p.key === key);
      if (!parameter) {
        if (PLATFORM.has(key)) continue;
        throw new InputError(
          `parameters.${key}: ${resolved.productName} ${resolved.artifactName} has no such parameter`,
        );
      }
      const problem = checkProductInput(
        {
          description: key,
          allowedValues: parameter.allowedValues,
          pattern: parameter.allowedPattern,
          patternDescription: parameter.constraintDescription,
          maxLength: parameter.maxLength,
          minValue: parameter.minValue,
          maxValue: parameter.maxValue,
        },
        value,
      );
      if (problem) {
        throw new InputError(`parameters.${key}: ${problem}`);
      }
      if (
        parameter.minLength !== undefined &&
        value.length < parameter.minLength
      ) {
        throw new InputError(
          `parameters.${key}: must be at least ${parameter.minLength} characters`,
        );
      }
      result[key] = value;
    }
    return result;
  }

  private platformParameters(
    resolved: ResolvedProduct,
  ): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(
      this.deps.config.platformParameters,
    )) {
      if (value !== undefined && this.hasParameter(resolved, key)) {
        values[key] = value;
      }
    }
    return values;
  }

  private hasParameter(resolved: ResolvedProduct, key: string): boolean {
    return resolved.parameters.some(p => p.key === key);
  }

  private defaultOf(resolved: ResolvedProduct, key: string) {
    return resolved.parameters.find(p => p.key === key)?.defaultValue;
  }

  private async person(
    caller: Caller,
    ref: string,
    field: string,
  ): Promise<Entity> {
    let parsed;
    try {
      parsed = parseEntityRef(ref);
    } catch {
      throw new InputError(`${field}: "${ref}" is not an entity ref`);
    }
    if (parsed.kind.toLocaleLowerCase('en-US') !== 'user') {
      throw new InputError(`${field}: must be a user, e.g. user:default/dana`);
    }
    const entity = await this.deps.catalog.getEntityByRef(parsed, {
      credentials: caller.credentials,
    });
    if (!entity) {
      throw new InputError(`${field}: ${ref} is not in the catalog`);
    }
    return entity;
  }

  /** Team names of the groups the person belongs to (their team annotation, else their name). */
  private async teamsOf(caller: Caller, person: Entity): Promise<Set<string>> {
    const groupRefs = (person.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef);
    if (groupRefs.length === 0) {
      return new Set();
    }
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: groupRefs },
      { credentials: caller.credentials },
    );
    const teams = new Set<string>();
    for (const group of items) {
      if (group) {
        teams.add(
          getSageMakerStudioAnnotation(
            group,
            SAGEMAKER_STUDIO_TEAM_ANNOTATION,
          ) ?? group.metadata.name,
        );
      }
    }
    return teams;
  }

  private async checkTeam(
    caller: Caller,
    teamName: string | undefined,
    subject: Entity,
  ): Promise<string> {
    if (!teamName) {
      throw new InputError('teamName: required');
    }
    if (!new RegExp(SAGEMAKER_STUDIO_TEAM_NAME_PATTERN).test(teamName)) {
      throw new InputError(
        'teamName: must be 2-20 lower-case letters, digits or dashes, starting with a letter',
      );
    }
    const teams = await this.teamsOf(caller, subject);
    if (!teams.has(teamName) && !caller.isAdmin) {
      throw new NotAllowedError(
        `teamName: ${stringifyEntityRef(
          subject,
        )} is not a member of team ${teamName}`,
      );
    }
    if (!teams.has(teamName) && caller.isAdmin) {
      // Admins act for any team, but only for one that exists.
      const { items } = await this.deps.catalog.queryEntities(
        {
          filter: {
            kind: 'Group',
            [`metadata.annotations.${SAGEMAKER_STUDIO_TEAM_ANNOTATION}`]:
              teamName,
          },
          limit: 1,
        },
        { credentials: caller.credentials },
      );
      if (items.length === 0) {
        throw new InputError(`teamName: no team ${teamName} in the catalog`);
      }
    }
    return teamName;
  }

  private profileName(subject: Entity): string {
    const name =
      getSageMakerStudioAnnotation(
        subject,
        SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
      ) ?? subject.metadata.name;
    if (!new RegExp(SAGEMAKER_STUDIO_PROFILE_NAME_PATTERN).test(name)) {
      throw new InputError(
        `${stringifyEntityRef(
          subject,
        )}: the Studio profile name "${name}" (annotation ${SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION}, else the user's name) must be at most 24 letters, digits and single dashes; ask an admin to set the annotation`,
      );
    }
    return name;
  }

  /**
   * The domain a profile is launched into: an InService domain of the home
   * account and region (`sageMakerStudio.accountId`/`region`), where the
   * Service Catalog products are launched. Found by id in the home target's
   * own listing, so the same id in another account cannot stand in for it;
   * a domain only another configured account or region has is refused,
   * naming where it is. A home account left to the `aws:` block's main
   * account (no `accountId`) is compared by region only, and a domain's
   * account counts against the home one only when both are known.
   */
  private async checkDomain(domainId: string): Promise<string> {
    if (!DOMAIN_ID.test(domainId)) {
      // The catalog names other targets' domains `<domainId>-<account>-<region>`.
      const entityName =
        /^(d-[a-z0-9]{1,63})-(\d{12}|default)-([a-z0-9-]+)$/.exec(domainId);
      if (!entityName) {
        throw new InputError(
          'domainId: must be a Studio domain id like d-abc123',
        );
      }
      const home = await this.deps.domains.listDomains();
      const [, id, account, region] = entityName;
      throw new InputError(
        `domainId: ${domainId} is the catalog name of domain ${id} in ${account}/${region}, not a domain id; profiles are launched in the home account ${this.homeLocation(
          home.items,
        )} only`,
      );
    }
    const home = await this.deps.domains.listDomains();
    const domain = home.items.find(
      d => d.domainId === domainId && this.isHome(d),
    );
    if (!domain) {
      const where = this.homeLocation(home.items);
      const { items } = await this.deps.domains.listDomainsOfEveryTarget();
      const elsewhere = [
        ...new Set(
          items
            .filter(d => d.domainId === domainId)
            .map(d => `${d.accountId ?? 'default'}/${d.region}`),
        ),
      ];
      if (elsewhere.length > 0) {
        throw new InputError(
          `domainId: domain ${domainId} is in ${elsewhere.join(
            ', ',
          )}; profiles are launched in the home account ${where} only`,
        );
      }
      throw new InputError(
        `domainId: no Studio domain ${domainId} in the home account ${where}`,
      );
    }
    if (domain.status !== 'InService') {
      throw new InputError(
        `domainId: domain ${domainId} is ${domain.status}, not InService`,
      );
    }
    return domainId;
  }

  /** Whether a domain of the home listing lies in the home account and region. */
  private isHome(domain: StudioDomainSummary): boolean {
    const { accountId, region } = this.deps.config;
    if (domain.region && domain.region !== region) return false;
    return !(accountId && domain.accountId && domain.accountId !== accountId);
  }

  /**
   * `<account>/<region>` of the home target; without a configured account,
   * the account the home domains' ARNs name, else `default` (the `aws:`
   * block's main account).
   */
  private homeLocation(homeDomains: StudioDomainSummary[]): string {
    const { accountId, region } = this.deps.config;
    const seen = homeDomains.find(d => d.accountId && this.isHome(d));
    return `${accountId ?? seen?.accountId ?? 'default'}/${region}`;
  }
}
