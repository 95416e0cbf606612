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

import { SandboxEnvironment } from '../../server/types';
import { invalidParameters, notFound } from './errors';
import {
  ArtifactRecord,
  ConstraintRecord,
  PlanRecord,
  PortfolioRecord,
  ProductRecord,
  ProvisionedProductRecord,
  ProvisioningRecord,
} from './types';

/** A way to reach a product from a portfolio, as ListLaunchPaths reports it. */
export interface LaunchPath {
  id: string;
  portfolio: PortfolioRecord;
  constraints: ConstraintRecord[];
}

/** Service Catalog's tables and the lookups every operation shares. */
export class CatalogStore {
  readonly portfolios;
  readonly products;
  readonly constraints;
  readonly provisionedProducts;
  readonly records;
  readonly plans;

  constructor(env: SandboxEnvironment) {
    this.portfolios = env.state.table<PortfolioRecord>(
      'servicecatalog',
      'portfolios',
    );
    this.products = env.state.table<ProductRecord>(
      'servicecatalog',
      'products',
    );
    this.constraints = env.state.table<ConstraintRecord>(
      'servicecatalog',
      'constraints',
    );
    this.provisionedProducts = env.state.table<ProvisionedProductRecord>(
      'servicecatalog',
      'provisionedProducts',
    );
    this.records = env.state.table<ProvisioningRecord>(
      'servicecatalog',
      'records',
    );
    this.plans = env.state.table<PlanRecord>('servicecatalog', 'plans');
  }

  requirePortfolio(id: unknown): PortfolioRecord {
    const portfolio =
      typeof id === 'string' ? this.portfolios.get(id) : undefined;
    if (!portfolio) {
      throw notFound(`Portfolio ${String(id)} not found.`);
    }
    return portfolio;
  }

  /** A product by id, or by name when no id is given. */
  requireProduct(id: unknown, name?: unknown): ProductRecord {
    const product =
      typeof id === 'string' && id !== ''
        ? this.products.get(id)
        : this.products.values().find(candidate => candidate.name === name);
    if (!product) {
      throw notFound(`Product ${String(id ?? name)} not found.`);
    }
    return product;
  }

  /** A version by id or name; without either, the product's only active version. */
  requireArtifact(
    product: ProductRecord,
    id: unknown,
    name?: unknown,
  ): ArtifactRecord {
    if (id === undefined && name === undefined) {
      const active = product.artifacts.filter(artifact => artifact.active);
      if (active.length !== 1) {
        throw invalidParameters(
          'ProvisioningArtifactId or ProvisioningArtifactName is required',
        );
      }
      return active[0];
    }
    const artifact = product.artifacts.find(candidate =>
      id !== undefined ? candidate.id === id : candidate.name === name,
    );
    if (!artifact) {
      throw notFound(
        `Provisioning artifact ${String(id ?? name)} not found for product ${
          product.id
        }.`,
      );
    }
    return artifact;
  }

  launchPathId(portfolioId: string): string {
    return `lpv3-${portfolioId.slice('port-'.length)}`;
  }

  launchPaths(product: ProductRecord): LaunchPath[] {
    return this.portfolios
      .values()
      .filter(portfolio => portfolio.productIds.includes(product.id))
      .map(portfolio => ({
        id: this.launchPathId(portfolio.id),
        portfolio,
        constraints: this.constraints
          .values()
          .filter(
            constraint =>
              constraint.portfolioId === portfolio.id &&
              constraint.productId === product.id,
          ),
      }));
  }

  /** The launch path by id or name; without either, the first one. */
  requireLaunchPath(
    product: ProductRecord,
    id: unknown,
    name?: unknown,
  ): LaunchPath {
    const paths = this.launchPaths(product);
    let path: LaunchPath | undefined = paths[0];
    if (id !== undefined) {
      path = paths.find(candidate => candidate.id === id);
    } else if (name !== undefined) {
      path = paths.find(candidate => candidate.portfolio.displayName === name);
    }
    if (!path) {
      throw notFound(
        id === undefined && name === undefined
          ? `No launch path found for product ${product.id}.`
          : `Launch path ${String(id ?? name)} not found for product ${
              product.id
            }.`,
      );
    }
    return path;
  }

  launchRoleArn(path: LaunchPath): string | undefined {
    for (const constraint of path.constraints.filter(
      candidate => candidate.type === 'LAUNCH',
    )) {
      try {
        const parameters = JSON.parse(constraint.parameters);
        if (parameters.RoleArn) {
          return parameters.RoleArn;
        }
      } catch {
        // A constraint with unreadable parameters was rejected at creation; nothing to use here.
      }
    }
    return undefined;
  }

  /** A provisioned product that is not terminated, by id or by name. */
  requireProvisionedProduct(
    id: unknown,
    name?: unknown,
  ): ProvisionedProductRecord {
    const found =
      typeof id === 'string' && id !== ''
        ? this.provisionedProducts.get(id)
        : this.provisionedProducts
            .values()
            .find(
              candidate => candidate.name === name && !candidate.terminated,
            );
    if (!found || found.terminated) {
      throw notFound(`Provisioned product ${String(id ?? name)} not found.`);
    }
    return found;
  }

  requireRecord(id: unknown): ProvisioningRecord {
    const record = typeof id === 'string' ? this.records.get(id) : undefined;
    if (!record) {
      throw notFound(`Record ${String(id)} not found.`);
    }
    return record;
  }

  requirePlan(id: unknown): PlanRecord {
    const plan = typeof id === 'string' ? this.plans.get(id) : undefined;
    if (!plan) {
      throw notFound(`Plan ${String(id)} not found.`);
    }
    return plan;
  }
}
