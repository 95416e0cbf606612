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

import { LoggerService } from '@backstage/backend-plugin-api';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { paginateSearchProvisionedProducts } from '@aws-sdk/client-service-catalog';
import { StudioTeamEnvironmentStatus } from '@internal/plugin-sagemaker-studio-common';
import { NotFoundError } from '@backstage/errors';
import { SageMakerStudioConfig } from '../config';
import {
  ProvisionedProductReader,
  SageMakerStudioProvisionedProduct,
  SageMakerStudioUserProfileSummary,
} from './ProvisionedProductReader';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { StudioAwsReadError, studioAwsReadError } from './studioAwsErrors';
import { locationOfArn, mapWithConcurrency } from './studioReadHelpers';

/** The tag that names the team of a SageMaker resource or provisioned product. */
const TEAM_TAG = 'TeamName';
/** The tag the backend puts on what it launches for someone. */
const REQUESTED_FOR_TAG = 'BackstageRequestedFor';
/** The tag (and stack parameter) that names the environment type a product was launched for. */
const ENV_TYPE_TAG = 'EnvType';
const SSM_PARAMETER_PREFIX = /^\/sagemaker-studio\/([^/]+)\/([^/]+)\/$/;
/** A CloudFormation stack ARN: `arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<id>`. */
const STACK_ARN =
  /^arn:[\w-]+:cloudformation:([\w-]+):(\d{12}):stack\/[^/]+\/.+$/;

type Member = StudioTeamEnvironmentStatus['members'][number];
type TeamEnvironment = Omit<StudioTeamEnvironmentStatus, 'members'>;

/**
 * A member of a team in one account and region, with the environment type
 * its user profile product was launched for, when known.
 *
 * @public
 */
export type StudioTeamMember = Member & {
  /**
   * The `EnvType` tag of its user profile product, else its stack's
   * `EnvType` parameter when the stack was read anyway; absent when unknown.
   */
  envType?: string;
};

/**
 * The members of one team environment among the members of its team in the
 * same account and region: those launched for its environment type. A member
 * whose environment type is unknown, and every member when the environment's
 * type is unknown, is listed in every environment of the team.
 *
 * @public
 */
export function membersOfEnvironment(
  members: StudioTeamMember[],
  envType: string | undefined,
): Member[] {
  return members
    .filter(m => !envType || !m.envType || m.envType === envType)
    .map(m => ({
      userProfileName: m.userProfileName,
      status: m.status,
      domainId: m.domainId,
      ...(m.owner ? { owner: m.owner } : {}),
    }));
}

/**
 * A user profile product (the plugin set's user profile product), as much of
 * it as the team pages need.
 *
 * @public
 */
export interface StudioUserProfileProduct {
  /** The provisioned product id, `pp-...`. */
  id: string;
  /** The provisioned product name; the backend names it `profile-<team>-<profile>`. */
  name: string;
  /** Its `TeamName` tag, when it has one. */
  teamName?: string;
  /** Its `BackstageRequestedFor` tag: entity ref of the person it was launched for. */
  owner?: string;
  /** Its `EnvType` tag: the environment type it was launched for, when it has one. */
  envType?: string;
  /** Whether it was ever launched successfully (only then has it outputs). */
  launched: boolean;
  /** The CloudFormation stack ARN. */
  physicalId?: string;
}

/**
 * The team environment and user profile products of one account and region,
 * from one account-level SearchProvisionedProducts listing (100 a page).
 *
 * @public
 */
export interface StudioTeamProducts {
  environments: SageMakerStudioProvisionedProduct[];
  userProfiles: StudioUserProfileProduct[];
}

/**
 * Reads team environments (the team environment product) with their stack
 * status and outputs, and their members' profiles.
 *
 * Members are the user profiles launched through Service Catalog from the
 * user profile product for the team: the provisioned product's `TeamName`
 * tag names it (the backend always tags), or, untagged, the backend's name
 * `profile-<team>-...` together with the stack's `TeamName` parameter. A
 * team page in an account and region therefore costs one account-level
 * SearchProvisionedProducts listing (⌈products/100⌉ calls, shared by every
 * team there), one ListUserProfiles listing for the members' status
 * (⌈profiles/100⌉, also shared, and only where the team has members), one
 * DescribeStacks per environment, and one per member product the backend did
 * not name and tag. A profile made outside Service Catalog (console, CLI,
 * another stack) is not a member, even with a `TeamName` tag: SageMaker
 * returns no tags from its listings, and one ListTags per profile is what
 * this design avoids.
 *
 * @public
 */
export class TeamEnvironmentStatusReader {
  private readonly products: ProvisionedProductReader;

  constructor(
    private readonly options: {
      clients: SageMakerStudioAwsClients;
      config: Pick<SageMakerStudioConfig, 'products'>;
      logger?: LoggerService;
    },
  ) {
    this.products = new ProvisionedProductReader({
      clients: options.clients,
      products: options.config.products,
    });
  }

  /**
   * One team environment by provisioned product id: one
   * SearchProvisionedProducts (filtered by id) and its stack. Members are
   * read separately ({@link TeamEnvironmentStatusReader.membersOf}).
   */
  async readById(provisionedProductId: string): Promise<TeamEnvironment> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-product/${provisionedProductId}`;
    const product = await this.guard(
      'SearchProvisionedProducts',
      source,
      async () => {
        const client = await this.options.clients.serviceCatalog();
        for await (const page of paginateSearchProvisionedProducts(
          { client, pageSize: 20 },
          {
            AccessLevelFilter: { Key: 'Account', Value: 'self' },
            Filters: { SearchQuery: [`id:${provisionedProductId}`] },
          },
        )) {
          const found = page.ProvisionedProducts?.find(
            p => p.Id === provisionedProductId,
          );
          if (found) return found;
        }
        return undefined;
      },
    );
    if (!product || !product.Id || !product.Name) {
      throw new StudioAwsReadError('NOT_FOUND', source);
    }
    const tags: Record<string, string> = {};
    for (const tag of product.Tags ?? []) {
      if (tag.Key) tags[tag.Key] = tag.Value ?? '';
    }
    return this.withStack({
      kind: 'teamEnvironment',
      id: product.Id,
      name: product.Name,
      arn: product.Arn,
      productName: product.ProductName ?? '',
      provisioningArtifactName: product.ProvisioningArtifactName,
      status: product.Status ?? 'UNKNOWN',
      lastSuccessfulProvisioningRecordId:
        product.LastSuccessfulProvisioningRecordId,
      physicalId: product.PhysicalId,
      tags,
    });
  }

  /**
   * The team environment and user profile products of the account and
   * region: one account-level SearchProvisionedProducts listing, 100 a page,
   * which serves every team. Only what the team pages need is kept.
   */
  async listTeamProducts(): Promise<StudioTeamProducts> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-products`;
    const all = await this.guard('SearchProvisionedProducts', source, () =>
      this.products.listProvisionedProducts(),
    );
    const userProfiles: StudioUserProfileProduct[] = [];
    for (const p of all) {
      if (p.kind !== 'userProfile') continue;
      userProfiles.push({
        id: p.id,
        name: p.name,
        ...(p.tags[TEAM_TAG] ? { teamName: p.tags[TEAM_TAG] } : {}),
        ...(p.tags[REQUESTED_FOR_TAG]
          ? { owner: p.tags[REQUESTED_FOR_TAG] }
          : {}),
        ...(p.tags[ENV_TYPE_TAG] ? { envType: p.tags[ENV_TYPE_TAG] } : {}),
        launched: Boolean(p.lastSuccessfulProvisioningRecordId),
        ...(p.physicalId ? { physicalId: p.physicalId } : {}),
      });
    }
    return {
      environments: all.filter(p => p.kind === 'teamEnvironment'),
      userProfiles,
    };
  }

  /** The user profiles of every domain of the region, with their status (ListUserProfiles, 100 a page). */
  async listUserProfiles(): Promise<SageMakerStudioUserProfileSummary[]> {
    const source = `sagemaker:${this.options.clients.region}:user-profiles`;
    return this.guard('ListUserProfiles', source, () =>
      this.products.listUserProfileSummaries(),
    );
  }

  /**
   * The environments of a team among `products`: the team environment
   * products whose `TeamName` tag, or whose name (`team-<team>-<envType>`,
   * as the backend names them), says so, confirmed by their outputs; each
   * with its stack (one DescribeStacks).
   */
  async environmentsOf(
    teamName: string,
    products: StudioTeamProducts,
  ): Promise<TeamEnvironment[]> {
    const candidates = products.environments.filter(
      p =>
        p.tags[TEAM_TAG] === teamName || p.name.startsWith(`team-${teamName}-`),
    );
    const read = await mapWithConcurrency(candidates, p => this.withStack(p));
    return read.filter(e => e.teamName === teamName);
  }

  /** The environments of a team in the account and region (see {@link TeamEnvironmentStatusReader.environmentsOf}). */
  async findByTeam(teamName: string): Promise<TeamEnvironment[]> {
    return this.environmentsOf(teamName, await this.listTeamProducts());
  }

  /**
   * The members of a team among `products`: its user profile products, each
   * joined to its SageMaker profile (from `listProfiles`, asked only when the
   * team has a user profile product here) for the status.
   *
   * A product tagged `TeamName` with the team and named the backend's way,
   * `profile-<team>-<profile>`, is joined by that name when exactly one
   * profile of the region has it: no further call. Otherwise its stack says
   * which profile it made (the `UserProfileName` and `DomainId` outputs, one
   * DescribeStacks; GetProvisionedProductOutputs when the stack cannot be
   * read): a tagged product named another way, a name found in two domains,
   * and an untagged product named `profile-<team>-...`, whose `TeamName`
   * stack parameter must then name the team. A product whose profile is not
   * listed (deleted, or not made yet) is no member.
   *
   * Each member carries the environment type it was launched for: the
   * product's `EnvType` tag, else the stack's `EnvType` parameter when the
   * stack was read to place it (no call is made for it alone); see
   * {@link membersOfEnvironment}.
   */
  async membersOf(
    teamName: string,
    products: StudioTeamProducts,
    listProfiles: () => Promise<SageMakerStudioUserProfileSummary[]> = () =>
      this.listUserProfiles(),
  ): Promise<StudioTeamMember[]> {
    const prefix = `profile-${teamName}-`;
    const mine = products.userProfiles.filter(p =>
      p.teamName ? p.teamName === teamName : p.name.startsWith(prefix),
    );
    if (mine.length === 0) return [];
    const profiles = await listProfiles();
    const byName = new Map<string, SageMakerStudioUserProfileSummary[]>();
    for (const profile of profiles) {
      const same = byName.get(profile.userProfileName) ?? [];
      same.push(profile);
      byName.set(profile.userProfileName, same);
    }
    const joined = await mapWithConcurrency(mine, async product => {
      if (product.teamName && product.name.startsWith(prefix)) {
        const named = byName.get(product.name.slice(prefix.length)) ?? [];
        if (named.length === 1) {
          return { product, profile: named[0], envType: product.envType };
        }
      }
      const made = await this.profileMadeBy(product);
      if (!made?.userProfileName) return undefined;
      if (!product.teamName && made.teamName !== teamName) return undefined;
      const found = (byName.get(made.userProfileName) ?? []).filter(
        p => !made.domainId || p.domainId === made.domainId,
      );
      return found.length === 1
        ? {
            product,
            profile: found[0],
            envType: product.envType || made.envType || undefined,
          }
        : undefined;
    });
    const members: StudioTeamMember[] = [];
    const seen = new Set<string>();
    for (const match of joined) {
      if (!match) continue;
      const { product, profile, envType } = match;
      const key = `${profile.domainId}/${profile.userProfileName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      members.push({
        userProfileName: profile.userProfileName,
        status: profile.status,
        domainId: profile.domainId,
        ...(product.owner ? { owner: product.owner } : {}),
        ...(envType ? { envType } : {}),
      });
    }
    return members;
  }

  /**
   * Which profile a user profile product made, and for which team: from its
   * stack (outputs and the `TeamName` parameter), or, when the stack cannot
   * be read, from Service Catalog's outputs (no team then). Undefined when
   * neither can say (never launched, terminated meanwhile).
   */
  private async profileMadeBy(product: StudioUserProfileProduct): Promise<
    | {
        userProfileName?: string;
        domainId?: string;
        teamName?: string;
        envType?: string;
      }
    | undefined
  > {
    const stack = await this.readStack(product.id, product.physicalId);
    let outputs = stack?.outputs;
    if (!outputs && product.launched) {
      outputs = await this.outputsOf(product.id);
    }
    if (!outputs) return undefined;
    return {
      userProfileName: outputs.UserProfileName,
      domainId: outputs.DomainId,
      teamName: stack?.parameters.TeamName,
      envType: stack?.parameters[ENV_TYPE_TAG],
    };
  }

  /** The members of a team in the account and region (see {@link TeamEnvironmentStatusReader.membersOf}). */
  async readTeamMembers(teamName: string): Promise<StudioTeamMember[]> {
    return this.membersOf(teamName, await this.listTeamProducts());
  }

  /** A product's outputs; undefined when it was terminated meanwhile. */
  private async outputsOf(
    provisionedProductId: string,
  ): Promise<Record<string, string> | undefined> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-product/${provisionedProductId}`;
    try {
      return await this.products.getProvisionedProductOutputs(
        provisionedProductId,
      );
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw studioAwsReadError({
        error,
        action: 'GetProvisionedProductOutputs',
        source,
        logger: this.options.logger,
      });
    }
  }

  /**
   * The stack Service Catalog launched for a product, named by the
   * product's `PhysicalId` (the stack ARN): its status, outputs and
   * parameters from one DescribeStacks. Undefined when the stack cannot be
   * read: no stack ARN, a stack of another account or region, the portal's
   * role may not describe it, or it does not exist. A throttled or failed
   * DescribeStacks fails the read (nothing is cached; it is tried again).
   */
  private async readStack(
    provisionedProductId: string,
    physicalId: string | undefined,
  ): Promise<
    | {
        stackStatus: string;
        outputs: Record<string, string>;
        parameters: Record<string, string>;
      }
    | undefined
  > {
    const { clients, logger } = this.options;
    const arn = STACK_ARN.exec(physicalId ?? '');
    if (
      !arn ||
      arn[1] !== clients.region ||
      (clients.accountId && arn[2] !== clients.accountId)
    ) {
      return undefined;
    }
    const source = `cloudformation:${clients.region}:stack/${provisionedProductId}`;
    try {
      const client = await clients.cloudFormation();
      const { Stacks } = await client.send(
        new DescribeStacksCommand({ StackName: physicalId }),
      );
      const stack = Stacks?.[0];
      if (!stack?.StackStatus) return undefined;
      const outputs: Record<string, string> = {};
      for (const output of stack.Outputs ?? []) {
        if (output.OutputKey) {
          outputs[output.OutputKey] = output.OutputValue ?? '';
        }
      }
      const parameters: Record<string, string> = {};
      for (const parameter of stack.Parameters ?? []) {
        if (parameter.ParameterKey) {
          parameters[parameter.ParameterKey] = parameter.ParameterValue ?? '';
        }
      }
      return { stackStatus: stack.StackStatus, outputs, parameters };
    } catch (error) {
      // CloudFormation answers an unknown stack with ValidationError.
      if (
        (error as { name?: string }).name === 'ValidationError' &&
        /does not exist/.test(String((error as Error).message))
      ) {
        logger?.warn(`DescribeStacks failed (NOT_FOUND)`, { source });
        return undefined;
      }
      const failure = studioAwsReadError({
        error,
        action: 'DescribeStacks',
        source,
        logger,
      });
      if (failure.failure === 'NOT_ALLOWED') return undefined;
      throw failure;
    }
  }

  private async withStack(
    product: SageMakerStudioProvisionedProduct,
  ): Promise<TeamEnvironment> {
    const source = `servicecatalog:${this.options.clients.region}:provisioned-product/${product.id}`;
    const stack = await this.readStack(product.id, product.physicalId);
    let outputs: Record<string, string> = {};
    if (stack) {
      outputs = stack.outputs;
    } else if (product.lastSuccessfulProvisioningRecordId) {
      // A product that never succeeded has no outputs to read.
      outputs = await this.guard('GetProvisionedProductOutputs', source, () =>
        this.products.getProvisionedProductOutputs(product.id),
      );
    }
    // The template's outputs name the team and environment type only through
    // the SSM prefix, `/sagemaker-studio/<team>/<envType>/`.
    const prefix = SSM_PARAMETER_PREFIX.exec(outputs.SsmParameterPrefix ?? '');
    return {
      ...locationOfArn(product.arn, {
        accountId: this.options.clients.accountId ?? '',
        region: this.options.clients.region,
      }),
      teamName:
        outputs.TeamName ||
        prefix?.[1] ||
        product.tags[TEAM_TAG] ||
        /^team-(.+)-[^-]+$/.exec(product.name)?.[1] ||
        '',
      envType:
        outputs.EnvType ||
        prefix?.[2] ||
        product.tags.EnvType ||
        product.tags.EnvironmentType ||
        undefined,
      provisionedProductId: product.id,
      provisionedProductName: product.name,
      productName: product.productName || undefined,
      version: product.provisioningArtifactName,
      status: product.status,
      ...(stack ? { stackStatus: stack.stackStatus } : {}),
      outputs,
    };
  }

  private async guard<T>(
    action: string,
    source: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw studioAwsReadError({
        error,
        action,
        source,
        logger: this.options.logger,
      });
    }
  }
}
