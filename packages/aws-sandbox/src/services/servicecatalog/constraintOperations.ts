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
import { PAGE } from './common';
import { CatalogOperation } from './session';
import {
  catalogId,
  duplicate,
  invalidParameters,
  notFound,
  requireInput,
} from './errors';
import { constraintDetail } from './shapes';

/** Constraints on a product in a portfolio, and the launch paths they shape. */
export function constraintOperations(): Record<string, CatalogOperation> {
  return {
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
