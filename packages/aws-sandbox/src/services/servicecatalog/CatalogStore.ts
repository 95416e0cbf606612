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
import type { StateTable } from '../../state/StateStore';
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

/** The account and region a caller works in. */
export interface CatalogScope {
  accountId: string;
  region: string;
}

/**
 * One Service Catalog table seen from one account and region: records of other
 * scopes do not exist for it, and new records are stamped with the scope.
 */
export class ScopedTable<T extends { accountId?: string; region?: string }> {
  constructor(
    private readonly table: StateTable<T>,
    private readonly scope: CatalogScope,
  ) {}

  private inScope(record: T | undefined): record is T {
    return (
      record !== undefined &&
      record.accountId === this.scope.accountId &&
      record.region === this.scope.region
    );
  }

  get(key: string): T | undefined {
    const record = this.table.get(key);
    return this.inScope(record) ? record : undefined;
  }

  set(key: string, record: T): T {
    record.accountId = this.scope.accountId;
    record.region = this.scope.region;
    return this.table.set(key, record);
  }

  delete(key: string): boolean {
    return this.inScope(this.table.get(key)) && this.table.delete(key);
  }

  values(): T[] {
    return this.table.values().filter(record => this.inScope(record));
  }
}

/** Service Catalog's tables for one account and region, and the lookups every operation shares. */
export class CatalogStore {
  readonly portfolios: ScopedTable<PortfolioRecord>;
  readonly products: ScopedTable<ProductRecord>;
  readonly constraints: ScopedTable<ConstraintRecord>;
  readonly provisionedProducts: ScopedTable<ProvisionedProductRecord>;
  readonly records: ScopedTable<ProvisioningRecord>;
  readonly plans: ScopedTable<PlanRecord>;

  constructor(env: SandboxEnvironment, scope: CatalogScope) {
    const table = <T extends { accountId?: string; region?: string }>(
      name: string,
    ) => new ScopedTable(env.state.table<T>('servicecatalog', name), scope);
    this.portfolios = table<PortfolioRecord>('portfolios');
    this.products = table<ProductRecord>('products');
    this.constraints = table<ConstraintRecord>('constraints');
    this.provisionedProducts = table<ProvisionedProductRecord>(
      'provisionedProducts',
    );
    this.records = table<ProvisioningRecord>('records');
    this.plans = table<PlanRecord>('plans');
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
