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

import { parseTemplate } from '../../cloudformation/engine/parseTemplate';
import { fetchTemplate } from '../../cloudformation/engine/templateSource';
import { paginate } from '../../server/pagination';
import { RequestContext, SandboxEnvironment } from '../../server/types';
import { PAGE, tagsOf } from './common';
import { CatalogOperation } from './session';
import {
  catalogId,
  duplicate,
  invalidParameters,
  notFound,
  requireInput,
  resourceInUse,
} from './errors';
import {
  artifactDetail,
  artifactSummary,
  productViewDetail,
  productViewSummary,
} from './shapes';
import { ArtifactRecord, ProductRecord } from './types';

/** Reads and checks a version's template, as CreateProduct does before accepting it. */
async function loadArtifact(
  parameters: Record<string, any> | undefined,
  env: SandboxEnvironment,
  ctx: RequestContext,
  fallbackName: string,
): Promise<ArtifactRecord> {
  const url = parameters?.Info?.LoadTemplateFromURL;
  if (typeof url !== 'string' || url === '') {
    throw invalidParameters(
      'ProvisioningArtifactParameters.Info must contain LoadTemplateFromURL',
    );
  }
  let templateBody: string;
  try {
    templateBody = await fetchTemplate(url, ctx.invoke);
  } catch (error) {
    throw invalidParameters(
      `Unable to retrieve template from ${url}: ${(error as Error).message}`,
    );
  }
  if (parameters?.DisableTemplateValidation !== true) {
    try {
      parseTemplate(templateBody);
    } catch (error) {
      throw invalidParameters(
        `Template is not valid: ${(error as Error).message}`,
      );
    }
  }
  return {
    id: catalogId('pa'),
    name: parameters?.Name ?? fallbackName,
    description: parameters?.Description,
    type: parameters?.Type ?? 'CLOUD_FORMATION_TEMPLATE',
    createdTime: env.clock.now(),
    active: true,
    guidance: 'DEFAULT',
    templateUrl: url,
    templateBody,
  };
}

function describeProductAsAdmin(product: ProductRecord) {
  return {
    ProductViewDetail: productViewDetail(product),
    ProvisioningArtifactSummaries: product.artifacts.map(artifactSummary),
    Tags: product.tags,
    TagOptions: [],
    Budgets: [],
  };
}

function matchesFullText(
  product: ProductRecord,
  filters: Record<string, string[]> | undefined,
): boolean {
  const texts = filters?.FullTextSearch ?? [];
  const owners = filters?.Owner ?? [];
  const types = filters?.ProductType ?? [];
  const haystack = `${product.name} ${product.description ?? ''} ${
    product.owner
  }`.toLowerCase();
  return (
    texts.every(text => haystack.includes(text.toLowerCase())) &&
    (owners.length === 0 || owners.includes(product.owner)) &&
    (types.length === 0 || types.includes(product.type))
  );
}

function sortProducts(
  products: ProductRecord[],
  sortBy: unknown,
  sortOrder: unknown,
): ProductRecord[] {
  const sorted = [...products];
  if (sortBy === 'Title') {
    sorted.sort((left, right) => left.name.localeCompare(right.name));
  } else if (sortBy === 'CreationDate') {
    sorted.sort((left, right) => left.createdTime - right.createdTime);
  }
  return sortOrder === 'DESCENDING' ? sorted.reverse() : sorted;
}

/** Products and their versions (provisioning artifacts), for administrators and users. */
export function productOperations(
  env: SandboxEnvironment,
): Record<string, CatalogOperation> {
  return {
    async CreateProduct(input, ctx, { store }) {
      requireInput(input, 'Name', 'Owner', 'ProductType', 'IdempotencyToken');
      const existing = store.products
        .values()
        .find(product => product.idempotencyToken === input.IdempotencyToken);
      if (existing) {
        return {
          ...describeProductAsAdmin(existing),
          ProvisioningArtifactDetail: artifactDetail(existing.artifacts[0]),
        };
      }
      if (input.ProductType !== 'CLOUD_FORMATION_TEMPLATE') {
        throw invalidParameters(
          `ProductType ${input.ProductType} is not supported by the sandbox`,
        );
      }
      const artifact = await loadArtifact(
        input.ProvisioningArtifactParameters,
        env,
        ctx,
        'v1',
      );
      const id = catalogId('prod');
      const product = store.products.set(id, {
        id,
        viewId: catalogId('prodview'),
        arn: `arn:aws:catalog:${ctx.region}:${ctx.accountId}:product/${id}`,
        name: input.Name,
        owner: input.Owner,
        description: input.Description,
        distributor: input.Distributor,
        supportDescription: input.SupportDescription,
        supportEmail: input.SupportEmail,
        supportUrl: input.SupportUrl,
        type: input.ProductType,
        createdTime: env.clock.now(),
        tags: tagsOf(input.Tags),
        artifacts: [artifact],
        idempotencyToken: input.IdempotencyToken,
      });
      return {
        ProductViewDetail: productViewDetail(product),
        ProvisioningArtifactDetail: artifactDetail(artifact),
        Tags: product.tags,
      };
    },

    UpdateProduct(input, _ctx, { store }) {
      requireInput(input, 'Id');
      const product = store.requireProduct(input.Id);
      for (const [member, field] of [
        ['Name', 'name'],
        ['Owner', 'owner'],
        ['Description', 'description'],
        ['Distributor', 'distributor'],
        ['SupportDescription', 'supportDescription'],
        ['SupportEmail', 'supportEmail'],
        ['SupportUrl', 'supportUrl'],
      ] as const) {
        if (input[member] !== undefined) {
          product[field] = input[member];
        }
      }
      return {
        ProductViewDetail: productViewDetail(product),
        Tags: product.tags,
      };
    },

    DeleteProduct(input, _ctx, { store }) {
      const product = store.requireProduct(input.Id);
      if (
        store.portfolios
          .values()
          .some(portfolio => portfolio.productIds.includes(product.id))
      ) {
        throw resourceInUse(
          `Product ${product.id} is still associated with a portfolio.`,
        );
      }
      store.products.delete(product.id);
      return {};
    },

    DescribeProductAsAdmin(input, _ctx, { store }) {
      const product = store.requireProduct(input.Id, input.Name);
      return describeProductAsAdmin(product);
    },

    DescribeProduct(input, _ctx, { store }) {
      const product = store.requireProduct(input.Id, input.Name);
      const paths = store.launchPaths(product);
      if (paths.length === 0) {
        throw notFound(
          `Product ${product.id} is not available in any portfolio.`,
        );
      }
      return {
        ProductViewSummary: productViewSummary(product),
        ProvisioningArtifacts: product.artifacts
          .filter(artifact => artifact.active)
          .map(artifact => ({
            Id: artifact.id,
            Name: artifact.name,
            Description: artifact.description,
            CreatedTime: new Date(artifact.createdTime),
            Guidance: artifact.guidance,
          })),
        Budgets: [],
        LaunchPaths: paths.map(path => ({
          Id: path.id,
          Name: path.portfolio.displayName,
        })),
      };
    },

    SearchProducts(input, _ctx, { store }) {
      const available = store.products
        .values()
        .filter(product => store.launchPaths(product).length > 0);
      const matching = sortProducts(
        available.filter(product => matchesFullText(product, input.Filters)),
        input.SortBy,
        input.SortOrder,
      );
      const page = paginate(matching, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ProductViewSummaries: page.items.map(productViewSummary),
        ProductViewAggregations: {},
        NextPageToken: page.nextToken,
      };
    },

    SearchProductsAsAdmin(input, _ctx, { store }) {
      const portfolio = input.PortfolioId
        ? store.requirePortfolio(input.PortfolioId)
        : undefined;
      const candidates = store.products
        .values()
        .filter(
          product => !portfolio || portfolio.productIds.includes(product.id),
        );
      const matching = sortProducts(
        candidates.filter(product => matchesFullText(product, input.Filters)),
        input.SortBy,
        input.SortOrder,
      );
      const page = paginate(matching, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ProductViewDetails: page.items.map(productViewDetail),
        NextPageToken: page.nextToken,
      };
    },

    async CreateProvisioningArtifact(input, ctx, { store }) {
      requireInput(input, 'ProductId', 'Parameters', 'IdempotencyToken');
      const product = store.requireProduct(input.ProductId);
      const existing = product.artifacts.find(
        artifact => artifact.idempotencyToken === input.IdempotencyToken,
      );
      const artifact =
        existing ??
        (await loadArtifact(
          input.Parameters,
          env,
          ctx,
          `v${product.artifacts.length + 1}`,
        ));
      if (!existing) {
        if (
          product.artifacts.some(candidate => candidate.name === artifact.name)
        ) {
          throw duplicate(
            `Provisioning artifact ${artifact.name} already exists for product ${product.id}.`,
          );
        }
        artifact.idempotencyToken = input.IdempotencyToken;
        product.artifacts.push(artifact);
      }
      return {
        ProvisioningArtifactDetail: artifactDetail(artifact),
        Info: { TemplateUrl: artifact.templateUrl },
        Status: 'AVAILABLE',
      };
    },

    UpdateProvisioningArtifact(input, _ctx, { store }) {
      requireInput(input, 'ProductId', 'ProvisioningArtifactId');
      const product = store.requireProduct(input.ProductId);
      const artifact = store.requireArtifact(
        product,
        input.ProvisioningArtifactId,
      );
      artifact.name = input.Name ?? artifact.name;
      artifact.description = input.Description ?? artifact.description;
      artifact.active = input.Active ?? artifact.active;
      artifact.guidance = input.Guidance ?? artifact.guidance;
      return {
        ProvisioningArtifactDetail: artifactDetail(artifact),
        Info: { TemplateUrl: artifact.templateUrl },
        Status: 'AVAILABLE',
      };
    },

    ListProvisioningArtifacts(input, _ctx, { store }) {
      requireInput(input, 'ProductId');
      const product = store.requireProduct(input.ProductId);
      return {
        ProvisioningArtifactDetails: product.artifacts.map(artifactDetail),
      };
    },

    DescribeProvisioningArtifact(input, _ctx, { store }) {
      const product = store.requireProduct(input.ProductId, input.ProductName);
      const artifact = store.requireArtifact(
        product,
        input.ProvisioningArtifactId,
        input.ProvisioningArtifactName,
      );
      return {
        ProvisioningArtifactDetail: artifactDetail(artifact),
        Info: { TemplateUrl: artifact.templateUrl ?? '' },
        Status: 'AVAILABLE',
      };
    },
  };
}
