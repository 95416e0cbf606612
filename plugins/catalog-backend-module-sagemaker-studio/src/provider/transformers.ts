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
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  ResourceEntity,
  SchemaValidEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  SAGEMAKER_STUDIO_ACCOUNT_ID_ANNOTATION,
  SAGEMAKER_STUDIO_ARN_ANNOTATION,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_REGION_ANNOTATION,
  SAGEMAKER_STUDIO_ENVIRONMENT_ANNOTATION,
  SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  StudioDomainSummary,
} from '@internal/plugin-sagemaker-studio-common';
import {
  SAGEMAKER_STUDIO_ENV_TYPE_TAGS,
  SageMakerStudioProvisionedProduct,
  SageMakerStudioUserProfileRecord,
} from '@internal/plugin-sagemaker-studio-node';

/** Catalog entity names are at most 63 characters. */
const MAX_NAME_LENGTH = 63;

/**
 * The suffix of entity names outside the home account and region,
 * `-<accountId>-<region>` (`-default-<region>` for the `aws:` block's main
 * account in another region), so the same domain id, team environment or
 * profile name in two accounts gives two entities. Home names have none.
 *
 * @public
 */
export function sageMakerStudioNameSuffix(target: {
  accountId?: string;
  region: string;
}): string {
  return `-${target.accountId ?? 'default'}-${target.region}`;
}

/**
 * A name with the target's suffix, the base shortened (and trimmed of
 * trailing separators) when both would pass the 63 characters a catalog
 * name may have.
 *
 * @public
 */
export function nameInTarget(name: string, suffix?: string): string {
  if (!suffix) return name;
  const room = MAX_NAME_LENGTH - suffix.length;
  const base =
    name.length > room ? name.slice(0, room).replace(/[-_.]+$/, '') : name;
  return `${base}${suffix}`;
}

/**
 * A title with the target named after it, `<title> (<account>/<region>)`,
 * outside the home account and region, so that pickers and lists tell apart
 * two domains or environments of the same name in different accounts.
 *
 * @public
 */
export function titleInTarget(title: string, suffix?: string): string {
  if (!suffix) return title;
  const [, account, region] = /^-([^-]+)-(.+)$/.exec(suffix) ?? [];
  return account && region ? `${title} (${account}/${region})` : title;
}

/**
 * The account and region annotations of a record: from its ARN, else from
 * the target it was read in (no account annotation when neither knows it).
 *
 * @public
 */
export function awsLocationAnnotations(
  arn: string | undefined,
  target: { accountId?: string; region: string },
): Record<string, string> {
  const parts = (arn ?? '').split(':');
  const fromArn = parts.length >= 6 && parts[0] === 'arn';
  const accountId = (fromArn && parts[4]) || target.accountId;
  const region = (fromArn && parts[3]) || target.region;
  return {
    ...(accountId
      ? { [SAGEMAKER_STUDIO_ACCOUNT_ID_ANNOTATION]: accountId }
      : {}),
    [SAGEMAKER_STUDIO_REGION_ANNOTATION]: region,
  };
}

/**
 * Turns a Studio domain into a catalog Resource of type
 * `sagemaker-studio-domain`; undefined for a record too incomplete to name.
 *
 * @public
 */
export function domainToResourceEntity(
  domain: StudioDomainSummary,
  options: {
    owner: string;
    providerName: string;
    /** See {@link sageMakerStudioNameSuffix}; none in the home account and region. */
    nameSuffix?: string;
  },
): ResourceEntity | undefined {
  if (!domain.domainId || !domain.arn) {
    return undefined;
  }
  const location = `url:https://console.aws.amazon.com/sagemaker/home?region=${domain.region}#/studio/${domain.domainId}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: nameInTarget(domain.domainId, options.nameSuffix),
      title: domain.domainName
        ? titleInTarget(domain.domainName, options.nameSuffix)
        : undefined,
      description: `SageMaker Studio domain (${
        domain.appNetworkAccessType ?? 'unknown network mode'
      })`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: domain.domainId,
        [SAGEMAKER_STUDIO_ARN_ANNOTATION]: domain.arn,
        ...awsLocationAnnotations(domain.arn, domain),
      },
      tags: ['sagemaker', 'studio'],
    },
    spec: {
      type: 'sagemaker-studio-domain',
      owner: options.owner,
    },
  };
}

/**
 * The tag the backend puts on every product it provisions, naming the
 * Backstage user it was requested for, e.g. `user:default/dana-scientist`.
 *
 * @public
 */
export const BACKSTAGE_REQUESTED_FOR_TAG = 'BackstageRequestedFor';

/** `/sagemaker-studio/<team>/<env>/`, the team environment template's SsmParameterPrefix output. */
const SSM_PARAMETER_PREFIX = /^\/sagemaker-studio\/([^/]+)\/([^/]+)\/$/;

function envTypeTag(tags: Record<string, string> | undefined) {
  for (const tag of SAGEMAKER_STUDIO_ENV_TYPE_TAGS) {
    if (tags?.[tag]) return tags[tag];
  }
  return undefined;
}

/**
 * The team name and environment type of a team environment product.
 *
 * The stack outputs come first when the reader fetched them (it does when a
 * tag is missing): the template builds them from its `TeamName` and
 * `EnvType` parameters, the values that named the environment's resources
 * (`TeamName` / `EnvType` outputs where a template has them, else the
 * `SsmParameterPrefix` output, `/sagemaker-studio/<team>/<env>/`). Else the
 * product's tags: `TeamName`, and `EnvType` or `EnvironmentType`. The
 * backend tags `TeamName` but passes `EnvType` as a parameter, so its
 * products are named from their outputs, which carry the parameter's value
 * (the template's default `dev` when none was passed).
 *
 * @public
 */
export function teamOfTeamEnvironment(
  product: SageMakerStudioProvisionedProduct,
): { teamName?: string; envType?: string } {
  const prefix = SSM_PARAMETER_PREFIX.exec(
    product.outputs?.SsmParameterPrefix ?? '',
  );
  return {
    teamName: product.outputs?.TeamName || prefix?.[1] || product.tags.TeamName,
    envType:
      product.outputs?.EnvType || prefix?.[2] || envTypeTag(product.tags),
  };
}

/**
 * The team name and environment type of a user profile, which name the team
 * environment it works in. The profile's own tags come first: the user
 * profile templates tag the SageMaker profile `TeamName` and
 * `EnvironmentType` from their `TeamName` and `EnvType` parameters. Then the
 * product's outputs (`TeamName`, `EnvType`) and tags (`TeamName`, `EnvType`
 * or `EnvironmentType`).
 *
 * @public
 */
export function teamOfUserProfile(
  profile: SageMakerStudioUserProfileRecord,
  provisionedProduct?: SageMakerStudioProvisionedProduct,
): { teamName?: string; envType?: string } {
  return {
    teamName:
      profile.tags.TeamName ||
      provisionedProduct?.outputs?.TeamName ||
      provisionedProduct?.tags.TeamName ||
      undefined,
    envType:
      envTypeTag(profile.tags) ||
      provisionedProduct?.outputs?.EnvType ||
      envTypeTag(provisionedProduct?.tags),
  };
}

/**
 * Whether a provisioned product stands for something that exists: it was
 * provisioned successfully once. A launch that failed (status `ERROR` with
 * no successful record) or is still running for the first time does not.
 * Terminated products are not listed by Service Catalog at all.
 *
 * @public
 */
export function isProvisionedProductLive(
  product: SageMakerStudioProvisionedProduct,
): boolean {
  return Boolean(product.lastSuccessfulProvisioningRecordId);
}

function serviceCatalogLocation(region: string, id: string): string {
  return `url:https://console.aws.amazon.com/servicecatalog/home?region=${region}#/provisioned-products/${id}`;
}

function resourceRef(name: string): string {
  return stringifyEntityRef({ kind: 'resource', namespace: 'default', name });
}

/**
 * The name of the Resource of a team's environment of one type,
 * `<teamName>-<envType>-team-environment` (a team may have dev, test and
 * prod environments). The backend names a request's `entityRef` the same.
 *
 * @public
 */
export function teamEnvironmentEntityName(
  teamName: string,
  envType: string,
): string {
  return `${teamName}-${envType}-team-environment`;
}

/**
 * The name of the Resource of a user profile, `<profileName>-user-profile`.
 *
 * @public
 */
export function userProfileEntityName(userProfileName: string): string {
  return `${userProfileName}-user-profile`;
}

/**
 * Turns a team environment product into a catalog Resource of type
 * `sagemaker-studio-team-environment` named
 * `<teamName>-<envType>-team-environment` (see
 * {@link teamOfTeamEnvironment}); undefined when the product never
 * provisioned successfully or its team name or environment type cannot be
 * told. There is no fallback name without the environment type: it could
 * collide with, or later change into, the name of another environment.
 *
 * The owner is `group:default/<teamName>`: the provider cannot afford a
 * catalog query per read to find the group whose
 * `sagemaker-studio.aws/team` annotation equals the team name, so the
 * team's group must be named after the team (as in the example org).
 *
 * @public
 */
export function teamEnvironmentToResourceEntity(
  product: SageMakerStudioProvisionedProduct,
  options: {
    /** The region of the products, for the console link. */
    region: string;
    /** The account read, when config names it (the ARN's account comes first). */
    accountId?: string;
    /** The Studio domain the team works in, when known. */
    domainId?: string;
    /** See {@link sageMakerStudioNameSuffix}; none in the home account and region. */
    nameSuffix?: string;
  },
): ResourceEntity | undefined {
  const { teamName, envType } = teamOfTeamEnvironment(product);
  if (!isProvisionedProductLive(product) || !teamName || !envType) {
    return undefined;
  }
  const location = serviceCatalogLocation(options.region, product.id);
  const version = product.provisioningArtifactName
    ? ` ${product.provisioningArtifactName}`
    : '';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: nameInTarget(
        teamEnvironmentEntityName(teamName, envType),
        options.nameSuffix,
      ),
      title: titleInTarget(
        `${teamName} team environment (${envType})`,
        options.nameSuffix,
      ),
      description: `SageMaker Studio team environment, provisioned product ${product.name} (${product.productName}${version}, ${product.status})`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION]: product.id,
        [SAGEMAKER_STUDIO_TEAM_ANNOTATION]: teamName,
        [SAGEMAKER_STUDIO_ENVIRONMENT_ANNOTATION]: envType,
        ...(options.domainId
          ? { [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: options.domainId }
          : {}),
        ...(product.arn
          ? { [SAGEMAKER_STUDIO_ARN_ANNOTATION]: product.arn }
          : {}),
        ...awsLocationAnnotations(product.arn, options),
      },
      tags: ['sagemaker', 'studio'],
    },
    spec: {
      type: 'sagemaker-studio-team-environment',
      owner: stringifyEntityRef({
        kind: 'group',
        namespace: 'default',
        name: teamName,
      }),
      ...(options.domainId
        ? {
            dependsOn: [
              resourceRef(nameInTarget(options.domainId, options.nameSuffix)),
            ],
          }
        : {}),
    },
  };
}

/**
 * The Backstage user a user profile belongs to: the
 * `BackstageRequestedFor` tag of its provisioned product (or of the profile
 * itself, where Service Catalog's tags reached it), else, for a profile
 * made outside Backstage, the user named like the profile.
 *
 * @public
 */
export function ownerOfUserProfile(
  profile: SageMakerStudioUserProfileRecord,
  provisionedProduct?: SageMakerStudioProvisionedProduct,
): string {
  for (const value of [
    provisionedProduct?.tags[BACKSTAGE_REQUESTED_FOR_TAG],
    profile.tags[BACKSTAGE_REQUESTED_FOR_TAG],
  ]) {
    if (!value) continue;
    try {
      const ref = parseEntityRef(value, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLocaleLowerCase('en-US') === 'user') {
        return stringifyEntityRef(ref);
      }
    } catch {
      // Not an entity ref: fall through to the next source.
    }
  }
  return stringifyEntityRef({
    kind: 'user',
    namespace: 'default',
    name: profile.userProfileName,
  });
}

/**
 * Turns a Studio user profile into a catalog Resource of type
 * `sagemaker-studio-user-profile` named `<profileName>-user-profile`, owned
 * by its user (see {@link ownerOfUserProfile}), depending on its domain and,
 * when given, the team environment of its team and environment type (see
 * {@link teamOfUserProfile}); undefined for a profile being deleted.
 *
 * @public
 */
export function userProfileToResourceEntity(
  profile: SageMakerStudioUserProfileRecord,
  options: {
    /** The region of the profile, for the console link. */
    region: string;
    /** The account read, when config names it (the ARN's account comes first). */
    accountId?: string;
    /** See {@link sageMakerStudioNameSuffix}; none in the home account and region. */
    nameSuffix?: string;
    /** The Service Catalog product the profile was provisioned by, if any. */
    provisionedProduct?: SageMakerStudioProvisionedProduct;
    /**
     * The entity name of the team environment of the profile's team and
     * environment type, if it is in the catalog.
     */
    teamEnvironmentEntityName?: string;
  },
): ResourceEntity | undefined {
  if (profile.status === 'Deleting') {
    return undefined;
  }
  const { provisionedProduct } = options;
  const { teamName, envType } = teamOfUserProfile(profile, provisionedProduct);
  const location = provisionedProduct
    ? serviceCatalogLocation(options.region, provisionedProduct.id)
    : `url:https://console.aws.amazon.com/sagemaker/home?region=${options.region}#/studio/${profile.domainId}/user/${profile.userProfileName}`;
  const version =
    provisionedProduct?.provisioningArtifactName ??
    profile.tags.UserProfileVersion;
  const owner = profile.tags.OwnerEmail ? ` of ${profile.tags.OwnerEmail}` : '';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: nameInTarget(
        userProfileEntityName(profile.userProfileName),
        options.nameSuffix,
      ),
      title: titleInTarget(profile.userProfileName, options.nameSuffix),
      description: `SageMaker Studio user profile${owner}${
        version ? `, version ${version}` : ''
      } (${profile.status})`,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        ...(provisionedProduct
          ? {
              [SAGEMAKER_STUDIO_PROVISIONED_PRODUCT_ANNOTATION]:
                provisionedProduct.id,
            }
          : {}),
        ...(teamName ? { [SAGEMAKER_STUDIO_TEAM_ANNOTATION]: teamName } : {}),
        ...(envType
          ? { [SAGEMAKER_STUDIO_ENVIRONMENT_ANNOTATION]: envType }
          : {}),
        [SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION]: profile.domainId,
        [SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION]: profile.userProfileName,
        [SAGEMAKER_STUDIO_ARN_ANNOTATION]: profile.arn,
        ...awsLocationAnnotations(profile.arn, options),
      },
      tags: ['sagemaker', 'studio'],
    },
    spec: {
      type: 'sagemaker-studio-user-profile',
      owner: ownerOfUserProfile(profile, provisionedProduct),
      dependsOn: [
        resourceRef(nameInTarget(profile.domainId, options.nameSuffix)),
        ...(options.teamEnvironmentEntityName
          ? [resourceRef(options.teamEnvironmentEntityName)]
          : []),
      ],
    },
  };
}

const entityPolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/**
 * Checks a generated entity the way the catalog will (envelope, field
 * formats, the Resource kind's schema), so a bad record is skipped with a
 * reason instead of failing in the catalog's processing loop. Resolves to
 * the reason it is invalid, or undefined when it is valid.
 *
 * @public
 */
export async function validateEntity(
  entity: Entity,
): Promise<string | undefined> {
  try {
    await entityPolicies.enforce(entity);
    if (!(await resourceEntityV1alpha1Validator.check(entity))) {
      return `${entity.kind} is not a Resource`;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
