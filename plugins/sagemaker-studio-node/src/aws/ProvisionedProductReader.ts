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
  DescribeUserProfileCommand,
  paginateListTags,
  paginateListUserProfiles,
} from '@aws-sdk/client-sagemaker';
import {
  paginateGetProvisionedProductOutputs,
  paginateSearchProvisionedProducts,
} from '@aws-sdk/client-service-catalog';
import {
  SAGEMAKER_STUDIO_PRODUCT_KINDS,
  SageMakerStudioProductKind,
  SourceError,
} from '@internal/plugin-sagemaker-studio-common';
import { NotFoundError } from '@backstage/errors';
import { SageMakerStudioConfig } from '../config';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { toSourceError, translateAwsError } from './translateAwsError';

/**
 * The tag Service Catalog puts on the stack of a provisioned product, which
 * CloudFormation passes on to every taggable resource of that stack.
 *
 * @public
 */
export const SERVICE_CATALOG_PROVISIONED_PRODUCT_ARN_TAG =
  'aws:servicecatalog:provisionedProductArn';

/**
 * The tags that may carry the environment type (`dev`, `test`, `prod` ...)
 * of a team environment or user profile, by precedence: `EnvType` (the
 * templates' parameter name) and `EnvironmentType` (the tag the templates put
 * on every resource they make, user profiles included).
 *
 * @public
 */
export const SAGEMAKER_STUDIO_ENV_TYPE_TAGS = [
  'EnvType',
  'EnvironmentType',
] as const;

/** SearchProvisionedProducts' largest page; the default (20) costs five times the calls. */
const SEARCH_PAGE_SIZE = 100;
/** GetProvisionedProductOutputs' largest page; our templates have at most 14 outputs. */
const OUTPUTS_PAGE_SIZE = 20;
/** ListUserProfiles' largest page. */
const LIST_USER_PROFILES_PAGE_SIZE = 100;
/** ListTags' largest page; SageMaker allows 50 tags per resource, so one page. */
const LIST_TAGS_PAGE_SIZE = 100;
/**
 * Per-item calls run this many at a time: enough to finish quickly, few
 * enough to stay under SageMaker's and Service Catalog's request rates.
 */
const PER_ITEM_CONCURRENCY = 5;

/**
 * A provisioned product of one of the plugin set's three Service Catalog
 * products, as Service Catalog reports it.
 *
 * @public
 */
export interface SageMakerStudioProvisionedProduct {
  /** Which of our products it was launched from. */
  kind: SageMakerStudioProductKind;
  /** The provisioned product id, `pp-...`. */
  id: string;
  /** The provisioned product name. */
  name: string;
  arn?: string;
  productId?: string;
  productName: string;
  provisioningArtifactId?: string;
  /** The version (provisioning artifact) name, e.g. `v2`. */
  provisioningArtifactName?: string;
  /** `AVAILABLE`, `UNDER_CHANGE`, `TAINTED`, `ERROR` or `PLAN_IN_PROGRESS`. */
  status: string;
  statusMessage?: string;
  /** ISO 8601. */
  createdAt?: string;
  lastRecordId?: string;
  /** Absent while the product has never been provisioned successfully. */
  lastSuccessfulProvisioningRecordId?: string;
  /** The CloudFormation stack ARN. */
  physicalId?: string;
  /** The provisioned product's tags, e.g. `BackstageRequestedFor`. */
  tags: Record<string, string>;
  /**
   * The stack outputs, by key; absent when they were not needed (see
   * {@link ProvisionedProductReader.readEstate}) or the product never
   * succeeded.
   */
  outputs?: Record<string, string>;
}

/**
 * A SageMaker Studio user profile with its tags.
 *
 * @public
 */
export interface SageMakerStudioUserProfileRecord {
  domainId: string;
  userProfileName: string;
  arn: string;
  /** SageMaker's status, e.g. `InService`, `Deleting`. */
  status: string;
  /** ISO 8601. */
  createdAt?: string;
  /** The profile's tags, e.g. `TeamName`, `OwnerEmail`, `aws:servicecatalog:provisionedProductArn`. */
  tags: Record<string, string>;
}

/**
 * A SageMaker Studio user profile as ListUserProfiles gives it (no tags).
 *
 * @public
 */
export interface SageMakerStudioUserProfileSummary {
  domainId: string;
  userProfileName: string;
  /** SageMaker's status, e.g. `InService`, `Deleting`. */
  status: string;
  /** ISO 8601. */
  createdAt?: string;
}

/**
 * Everything the catalog needs about team environments and user profiles.
 * A record that could not be read completely is left out and reported in
 * `errors`.
 *
 * @public
 */
export interface SageMakerStudioEstate {
  provisionedProducts: SageMakerStudioProvisionedProduct[];
  userProfiles: SageMakerStudioUserProfileRecord[];
  errors: SourceError[];
}

/**
 * A Studio domain as far as the reader needs it: its id and ARN (the ARN
 * gives the account and region of the domain's user profiles).
 *
 * @public
 */
export interface SageMakerStudioDomainRef {
  domainId: string;
  arn: string;
}

type Tag = { Key?: string; Value?: string };

function tagsToRecord(tags: Tag[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  }
  return record;
}

async function mapSettled<T, R>(
  items: T[],
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await fn(items[index]) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  await Promise.all(
    Array.from(
      { length: Math.min(PER_ITEM_CONCURRENCY, items.length) },
      worker,
    ),
  );
  return results;
}

/**
 * Reads what was provisioned from the plugin set's Service Catalog products
 * and the SageMaker user profiles, whoever created them (Backstage, the
 * console, CloudFormation).
 *
 * @public
 */
export class ProvisionedProductReader {
  private readonly kindsByProductName: Map<string, SageMakerStudioProductKind>;

  constructor(
    private readonly options: {
      clients: SageMakerStudioAwsClients;
      /** The configured products; provisioned products are matched by product name. */
      products: SageMakerStudioConfig['products'];
    },
  ) {
    this.kindsByProductName = new Map(
      SAGEMAKER_STUDIO_PRODUCT_KINDS.map(kind => [
        options.products[kind].productName,
        kind,
      ]),
    );
  }

  /**
   * Lists the provisioned products of our three products in the account,
   * without outputs. Terminated products are not listed by Service Catalog.
   * Throws a translated error when the listing fails.
   */
  async listProvisionedProducts(): Promise<
    SageMakerStudioProvisionedProduct[]
  > {
    const client = await this.options.clients.serviceCatalog();
    const products: SageMakerStudioProvisionedProduct[] = [];
    try {
      for await (const page of paginateSearchProvisionedProducts(
        { client, pageSize: SEARCH_PAGE_SIZE },
        {
          // The default (User) shows only what our own role launched; products
          // launched from the console or by another role belong in the catalog too.
          AccessLevelFilter: { Key: 'Account', Value: 'self' },
          // Our three products are picked out below rather than with one
          // SearchQuery per product: that would cost at least three calls per
          // read, where one unfiltered search costs one per 100 products.
        },
      )) {
        for (const attribute of page.ProvisionedProducts ?? []) {
          const kind = attribute.ProductName
            ? this.kindsByProductName.get(attribute.ProductName)
            : undefined;
          if (!kind || !attribute.Id || !attribute.Name) continue;
          products.push({
            kind,
            id: attribute.Id,
            name: attribute.Name,
            arn: attribute.Arn,
            productId: attribute.ProductId,
            productName: attribute.ProductName!,
            provisioningArtifactId: attribute.ProvisioningArtifactId,
            provisioningArtifactName: attribute.ProvisioningArtifactName,
            status: attribute.Status ?? 'UNKNOWN',
            statusMessage: attribute.StatusMessage,
            createdAt: attribute.CreatedTime?.toISOString(),
            lastRecordId: attribute.LastRecordId,
            lastSuccessfulProvisioningRecordId:
              attribute.LastSuccessfulProvisioningRecordId,
            physicalId: attribute.PhysicalId,
            tags: tagsToRecord(attribute.Tags),
          });
        }
      }
    } catch (error) {
      throw translateAwsError(
        error,
        'Searching Service Catalog provisioned products',
      );
    }
    return products;
  }

  /** The stack outputs of one provisioned product, by key. */
  async getProvisionedProductOutputs(
    provisionedProductId: string,
  ): Promise<Record<string, string>> {
    const client = await this.options.clients.serviceCatalog();
    const outputs: Record<string, string> = {};
    try {
      for await (const page of paginateGetProvisionedProductOutputs(
        { client, pageSize: OUTPUTS_PAGE_SIZE },
        { ProvisionedProductId: provisionedProductId },
      )) {
        for (const output of page.Outputs ?? []) {
          if (output.OutputKey) {
            outputs[output.OutputKey] = output.OutputValue ?? '';
          }
        }
      }
    } catch (error) {
      throw translateAwsError(
        error,
        `Reading the outputs of provisioned product ${provisionedProductId}`,
      );
    }
    return outputs;
  }

  /**
   * Lists the Studio user profiles of the region with their tags. The ARN of
   * a profile is built from its domain's ARN; a profile whose domain is not
   * in `domains` is described to learn it. A profile whose tags cannot be
   * read is reported in `errors`; a failed listing throws.
   */
  async listUserProfiles(domains: SageMakerStudioDomainRef[]): Promise<{
    items: SageMakerStudioUserProfileRecord[];
    errors: SourceError[];
  }> {
    const client = await this.options.clients.sageMaker();
    const domainArns = new Map(domains.map(d => [d.domainId, d.arn]));
    const listed = await this.listUserProfileSummaries();

    // Neither ListUserProfiles nor DescribeUserProfile returns tags, and
    // SageMaker has no batch tag read: one ListTags per profile is unavoidable.
    const results = await mapSettled(listed, async profile => {
      const domainArn = domainArns.get(profile.domainId);
      const arn = domainArn
        ? domainArn.replace(
            /:domain\/[^/]+$/,
            `:user-profile/${profile.domainId}/${profile.userProfileName}`,
          )
        : await this.describeUserProfileArn(
            profile.domainId,
            profile.userProfileName,
          );
      const tags: Tag[] = [];
      try {
        for await (const page of paginateListTags(
          { client, pageSize: LIST_TAGS_PAGE_SIZE },
          { ResourceArn: arn },
        )) {
          tags.push(...(page.Tags ?? []));
        }
      } catch (error) {
        throw translateAwsError(error, `Reading the tags of ${arn}`);
      }
      return { ...profile, arn, tags: tagsToRecord(tags) };
    });

    const items: SageMakerStudioUserProfileRecord[] = [];
    const errors: SourceError[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        items.push(result.value);
      } else if (!(result.reason instanceof NotFoundError)) {
        // A profile deleted since the listing is simply gone; anything else
        // leaves a gap the caller must know about.
        const { domainId, userProfileName } = listed[index];
        errors.push(
          toSourceError(
            `sagemaker:${this.options.clients.region}:user-profile/${domainId}/${userProfileName}`,
            result.reason,
          ),
        );
      }
    });
    return { items, errors };
  }

  /**
   * The Studio user profiles of every domain of the region, without tags:
   * ListUserProfiles, 100 a page (one listing for every domain rather than
   * one per domain). Throws a translated error when the listing fails.
   */
  async listUserProfileSummaries(): Promise<
    SageMakerStudioUserProfileSummary[]
  > {
    const client = await this.options.clients.sageMaker();
    const listed: SageMakerStudioUserProfileSummary[] = [];
    try {
      for await (const page of paginateListUserProfiles(
        { client, pageSize: LIST_USER_PROFILES_PAGE_SIZE },
        {},
      )) {
        for (const profile of page.UserProfiles ?? []) {
          if (!profile.DomainId || !profile.UserProfileName) continue;
          listed.push({
            domainId: profile.DomainId,
            userProfileName: profile.UserProfileName,
            status: profile.Status ?? 'Unknown',
            createdAt: profile.CreationTime?.toISOString(),
          });
        }
      }
    } catch (error) {
      throw translateAwsError(error, 'Listing SageMaker user profiles');
    }
    return listed;
  }

  /**
   * Reads the provisioned products and the user profiles together, fetching
   * stack outputs only where the listings leave a gap:
   *
   * - a team environment without a `TeamName` tag or without an environment
   *   type tag (see {@link SAGEMAKER_STUDIO_ENV_TYPE_TAGS}): its team name and
   *   environment type are then read from the outputs (`SsmParameterPrefix`
   *   is `/sagemaker-studio/<team>/<env>/`). Products the backend launches
   *   carry `TeamName` but pass the environment type as a parameter, which
   *   Service Catalog's listing does not return, so they are in this gap;
   * - a user profile product that no SageMaker profile points back to with
   *   the `aws:servicecatalog:provisionedProductArn` tag (its profile name
   *   and domain are then read from the outputs).
   *
   * Products that never succeeded, and domain products (domains are read
   * from SageMaker), are never asked for outputs.
   */
  async readEstate(options: {
    domains: SageMakerStudioDomainRef[];
  }): Promise<SageMakerStudioEstate> {
    const [provisionedProducts, userProfiles] = await Promise.all([
      this.listProvisionedProducts(),
      this.listUserProfiles(options.domains),
    ]);
    const errors = [...userProfiles.errors];
    const claimed = new Set(
      userProfiles.items
        .map(p => p.tags[SERVICE_CATALOG_PROVISIONED_PRODUCT_ARN_TAG])
        .filter(Boolean),
    );
    const needingOutputs = provisionedProducts.filter(product => {
      if (!product.lastSuccessfulProvisioningRecordId) return false;
      if (product.kind === 'teamEnvironment') {
        return (
          !product.tags.TeamName ||
          !SAGEMAKER_STUDIO_ENV_TYPE_TAGS.some(tag => product.tags[tag])
        );
      }
      if (product.kind === 'userProfile') {
        return !product.arn || !claimed.has(product.arn);
      }
      return false;
    });
    // Service Catalog's listings carry no outputs and it has no batch read of
    // them: one GetProvisionedProductOutputs per product in the gap above.
    const outputs = await mapSettled(needingOutputs, product =>
      this.getProvisionedProductOutputs(product.id),
    );
    const failed = new Set<string>();
    outputs.forEach((result, index) => {
      const product = needingOutputs[index];
      if (result.status === 'fulfilled') {
        product.outputs = result.value;
      } else {
        failed.add(product.id);
        // Terminated since the search: gone, not an error.
        if (result.reason instanceof NotFoundError) return;
        errors.push(
          toSourceError(
            `servicecatalog:${this.options.clients.region}:provisioned-product/${product.id}`,
            result.reason,
          ),
        );
      }
    });
    return {
      provisionedProducts: provisionedProducts.filter(p => !failed.has(p.id)),
      userProfiles: userProfiles.items,
      errors,
    };
  }

  private async describeUserProfileArn(
    domainId: string,
    userProfileName: string,
  ): Promise<string> {
    const client = await this.options.clients.sageMaker();
    try {
      const output = await client.send(
        new DescribeUserProfileCommand({
          DomainId: domainId,
          UserProfileName: userProfileName,
        }),
      );
      if (!output.UserProfileArn) {
        throw new Error('DescribeUserProfile returned no ARN');
      }
      return output.UserProfileArn;
    } catch (error) {
      throw translateAwsError(
        error,
        `Describing user profile ${userProfileName} of domain ${domainId}`,
      );
    }
  }
}
