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

import { paginate } from '../../server/pagination';
import { SandboxEnvironment } from '../../server/types';
import { PAGE, tagsOf } from './common';
import { CatalogOperation } from './session';
import {
  catalogId,
  invalidParameters,
  notFound,
  requireInput,
  resourceInUse,
} from './errors';
import { portfolioDetail } from './shapes';

/** Portfolios and what is associated with them: products and principals. */
export function portfolioOperations(
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
  };
}
