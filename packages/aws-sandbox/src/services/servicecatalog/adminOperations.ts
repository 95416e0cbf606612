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
  constraintDetail,
  portfolioDetail,
  productViewDetail,
  productViewSummary,
} from './shapes';
import { ArtifactRecord, ProductRecord, Tag } from './types';

export const PAGE = {
  defaultPageSize: 20,
  maxPageSize: 20,
  maxResultsName: 'pageSize',
  errorCode: 'InvalidParametersException',
};

function tagsOf(value: unknown): Tag[] {
  return Array.isArray(value)
    ? value.map(tag => ({
        Key: String(tag.Key),
        Value: String(tag.Value ?? ''),
      }))
    : [];
}

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

/** Portfolios, products, versions, constraints and associations: the catalog administrator's side. */
export function adminOperations(
  env: SandboxEnvironment,
): Record<string, CatalogOperation> {
  return {
    CreatePortfolio(input, ctx, { store }) {
      requireInput(input, 'DisplayName', 'ProviderName');
      const existing = input.IdempotencyToken
        ? store.portfolios
            .values()
            .find(
              portfolio =>
                portfolio.idempotencyToken === input.IdempotencyToken,
            )
        : undefined;
      const id = catalogId('port');
      const portfolio =
        existing ??
        store.portfolios.set(id, {
          id,
          arn: `arn:aws:catalog:${ctx.region}:${ctx.accountId}:portfolio/${id}`,
          displayName: input.DisplayName,
          description: input.Description,
          providerName: input.ProviderName,
          createdTime: env.clock.now(),
          tags: tagsOf(input.Tags),
          productIds: [],
          principals: [],
          idempotencyToken: input.IdempotencyToken,
        });
      return {
        PortfolioDetail: portfolioDetail(portfolio),
        Tags: portfolio.tags,
      };
    },

    UpdatePortfolio(input, _ctx, { store }) {
      requireInput(input, 'Id');
      const portfolio = store.requirePortfolio(input.Id);
      portfolio.displayName = input.DisplayName ?? portfolio.displayName;
      portfolio.description = input.Description ?? portfolio.description;
      portfolio.providerName = input.ProviderName ?? portfolio.providerName;
      return {
        PortfolioDetail: portfolioDetail(portfolio),
        Tags: portfolio.tags,
      };
    },

    DeletePortfolio(input, _ctx, { store }) {
      const portfolio = store.requirePortfolio(input.Id);
      if (portfolio.productIds.length > 0 || portfolio.principals.length > 0) {
        throw resourceInUse(
          `Portfolio ${portfolio.id} still has products or principals associated.`,
        );
      }
      store.portfolios.delete(portfolio.id);
      for (const constraint of store.constraints
        .values()
        .filter(candidate => candidate.portfolioId === portfolio.id)) {
        store.constraints.delete(constraint.id);
      }
      return {};
    },

    ListPortfolios(input, _ctx, { store }) {
      const page = paginate(store.portfolios.values(), {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        PortfolioDetails: page.items.map(portfolioDetail),
        NextPageToken: page.nextToken,
      };
    },

    DescribePortfolio(input, _ctx, { store }) {
      requireInput(input, 'Id');
      const portfolio = store.requirePortfolio(input.Id);
      return {
        PortfolioDetail: portfolioDetail(portfolio),
        Tags: portfolio.tags,
        TagOptions: [],
        Budgets: [],
      };
    },

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

    AssociateProductWithPortfolio(input, _ctx, { store }) {
      requireInput(input, 'ProductId', 'PortfolioId');
      const product = store.requireProduct(input.ProductId);
      const portfolio = store.requirePortfolio(input.PortfolioId);
      if (!portfolio.productIds.includes(product.id)) {
        portfolio.productIds.push(product.id);
      }
      return {};
    },

    DisassociateProductFromPortfolio(input, _ctx, { store }) {
      requireInput(input, 'ProductId', 'PortfolioId');
      const portfolio = store.requirePortfolio(input.PortfolioId);
      if (!portfolio.productIds.includes(input.ProductId)) {
        throw notFound(
          `Product ${input.ProductId} is not associated with portfolio ${portfolio.id}.`,
        );
      }
      portfolio.productIds = portfolio.productIds.filter(
        productId => productId !== input.ProductId,
      );
      return {};
    },

    ListPortfoliosForProduct(input, _ctx, { store }) {
      const product = store.requireProduct(input.ProductId);
      const portfolios = store.portfolios
        .values()
        .filter(portfolio => portfolio.productIds.includes(product.id));
      const page = paginate(portfolios, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        PortfolioDetails: page.items.map(portfolioDetail),
        NextPageToken: page.nextToken,
      };
    },

    AssociatePrincipalWithPortfolio(input, _ctx, { store }) {
      requireInput(input, 'PortfolioId', 'PrincipalARN', 'PrincipalType');
      if (
        input.PrincipalType !== 'IAM' &&
        input.PrincipalType !== 'IAM_PATTERN'
      ) {
        throw invalidParameters(`PrincipalType must be IAM or IAM_PATTERN`);
      }
      const portfolio = store.requirePortfolio(input.PortfolioId);
      if (
        !portfolio.principals.some(
          principal => principal.arn === input.PrincipalARN,
        )
      ) {
        portfolio.principals.push({
          arn: input.PrincipalARN,
          type: input.PrincipalType,
        });
      }
      return {};
    },

    DisassociatePrincipalFromPortfolio(input, _ctx, { store }) {
      requireInput(input, 'PortfolioId', 'PrincipalARN');
      const portfolio = store.requirePortfolio(input.PortfolioId);
      portfolio.principals = portfolio.principals.filter(
        principal => principal.arn !== input.PrincipalARN,
      );
      return {};
    },

    ListPrincipalsForPortfolio(input, _ctx, { store }) {
      const portfolio = store.requirePortfolio(input.PortfolioId);
      const page = paginate(portfolio.principals, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        Principals: page.items.map(principal => ({
          PrincipalARN: principal.arn,
          PrincipalType: principal.type,
        })),
        NextPageToken: page.nextToken,
      };
    },

    CreateConstraint(input, ctx, { store }) {
      requireInput(
        input,
        'PortfolioId',
        'ProductId',
        'Parameters',
        'Type',
        'IdempotencyToken',
      );
      const existing = store.constraints
        .values()
        .find(
          constraint => constraint.idempotencyToken === input.IdempotencyToken,
        );
      if (existing) {
        return {
          ConstraintDetail: constraintDetail(existing),
          ConstraintParameters: existing.parameters,
          Status: 'AVAILABLE',
        };
      }
      const portfolio = store.requirePortfolio(input.PortfolioId);
      const product = store.requireProduct(input.ProductId);
      if (!portfolio.productIds.includes(product.id)) {
        throw notFound(
          `Product ${product.id} is not associated with portfolio ${portfolio.id}.`,
        );
      }
      if (input.Type === 'LAUNCH') {
        let parameters: Record<string, unknown>;
        try {
          parameters = JSON.parse(input.Parameters);
        } catch {
          throw invalidParameters('Parameters must be a JSON document');
        }
        if (!parameters.RoleArn && !parameters.LocalRoleName) {
          throw invalidParameters(
            'A LAUNCH constraint needs RoleArn or LocalRoleName',
          );
        }
        const clash = store.constraints
          .values()
          .some(
            constraint =>
              constraint.type === 'LAUNCH' &&
              constraint.portfolioId === portfolio.id &&
              constraint.productId === product.id,
          );
        if (clash) {
          throw duplicate(
            `Product ${product.id} already has a launch constraint in portfolio ${portfolio.id}.`,
          );
        }
      }
      const id = catalogId('cons');
      const constraint = store.constraints.set(id, {
        id,
        type: input.Type,
        portfolioId: portfolio.id,
        productId: product.id,
        parameters: input.Parameters,
        description: input.Description,
        owner: ctx.accountId,
        idempotencyToken: input.IdempotencyToken,
      });
      return {
        ConstraintDetail: constraintDetail(constraint),
        ConstraintParameters: constraint.parameters,
        Status: 'AVAILABLE',
      };
    },

    DescribeConstraint(input, _ctx, { store }) {
      const constraint = store.constraints.get(input.Id);
      if (!constraint) {
        throw notFound(`Constraint ${input.Id} not found.`);
      }
      return {
        ConstraintDetail: constraintDetail(constraint),
        ConstraintParameters: constraint.parameters,
        Status: 'AVAILABLE',
      };
    },

    DeleteConstraint(input, _ctx, { store }) {
      if (!store.constraints.delete(input.Id)) {
        throw notFound(`Constraint ${input.Id} not found.`);
      }
      return {};
    },

    ListConstraintsForPortfolio(input, _ctx, { store }) {
      requireInput(input, 'PortfolioId');
      store.requirePortfolio(input.PortfolioId);
      const constraints = store.constraints
        .values()
        .filter(
          constraint =>
            constraint.portfolioId === input.PortfolioId &&
            (!input.ProductId || constraint.productId === input.ProductId),
        );
      const page = paginate(constraints, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        ConstraintDetails: page.items.map(constraintDetail),
        NextPageToken: page.nextToken,
      };
    },

    ListLaunchPaths(input, _ctx, { store }) {
      requireInput(input, 'ProductId');
      const product = store.requireProduct(input.ProductId);
      const paths = store.launchPaths(product);
      const page = paginate(paths, {
        ...PAGE,
        maxResults: input.PageSize,
        nextToken: input.PageToken,
      });
      return {
        LaunchPathSummaries: page.items.map(path => ({
          Id: path.id,
          ConstraintSummaries: path.constraints.map(constraint => ({
            Type: constraint.type,
            Description: constraint.description,
          })),
          Tags: path.portfolio.tags,
          Name: path.portfolio.displayName,
        })),
        NextPageToken: page.nextToken,
      };
    },
  };
}
