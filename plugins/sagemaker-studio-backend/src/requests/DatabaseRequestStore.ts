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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ProvisioningRequest,
  ProvisioningRequestEvent,
  ProvisioningRequestStatus,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  NewProvisioningRequest,
  RequestQuery,
  RequestStore,
  RequestTransition,
} from './types';

const REQUESTS = 'sagemaker_studio_requests';
const EVENTS = 'sagemaker_studio_request_events';
const MAX_LIST = 500;

interface RequestRow {
  id: string;
  product: string;
  team_name: string | null;
  parameters: string;
  requested_by: string;
  status: string;
  idempotency_key: string;
  provisioned_product_id: string | null;
  record_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

interface EventRow {
  request_id: string;
  at: Date | string;
  actor: string;
  action: string;
  status: string;
  comment: string | null;
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** Requests in the plugin's own database (SQLite locally, PostgreSQL in production). */
export class DatabaseRequestStore implements RequestStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRequestStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-sagemaker-studio-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseRequestStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async create(
    request: NewProvisioningRequest,
  ): Promise<{ request: ProvisioningRequest; created: boolean }> {
    const existing = await this.db<RequestRow>(REQUESTS)
      .where({ idempotency_key: request.idempotencyKey })
      .first();
    if (existing) {
      return { request: await this.hydrate(existing), created: false };
    }
    const now = new Date();
    const id = randomUUID();
    try {
      await this.db.transaction(async tx => {
        await tx<RequestRow>(REQUESTS).insert({
          id,
          product: request.product,
          team_name: request.teamName ?? null,
          parameters: JSON.stringify(request.parameters),
          requested_by: request.requestedBy,
          status: request.status,
          idempotency_key: request.idempotencyKey,
          created_at: now,
          updated_at: now,
        });
        await tx<EventRow>(EVENTS).insert({
          request_id: id,
          at: now,
          actor: request.requestedBy,
          action: 'requested',
          status: request.status,
          comment: null,
        });
      });
    } catch (error) {
      // A concurrent create with the same key won the unique constraint.
      const winner = await this.db<RequestRow>(REQUESTS)
        .where({ idempotency_key: request.idempotencyKey })
        .first();
      if (winner) {
        return { request: await this.hydrate(winner), created: false };
      }
      throw error;
    }
    return { request: (await this.get(id))!, created: true };
  }

  async get(id: string): Promise<ProvisioningRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    return row ? this.hydrate(row) : undefined;
  }

  async list(query: RequestQuery): Promise<ProvisioningRequest[]> {
    let builder = this.db<RequestRow>(REQUESTS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(Math.min(query.limit ?? 100, MAX_LIST));
    if (query.requestedBy) {
      builder = builder.where({ requested_by: query.requestedBy });
    }
    if (query.status) {
      builder = builder.where({ status: query.status });
    }
    const rows = await builder;
    const events = await this.eventsFor(rows.map(r => r.id));
    return rows.map(row => this.toRequest(row, events.get(row.id) ?? []));
  }

  async transition(
    t: RequestTransition,
  ): Promise<ProvisioningRequest | undefined> {
    const now = new Date();
    const changed = await this.db.transaction(async tx => {
      const count = await tx<RequestRow>(REQUESTS)
        .where({ id: t.id })
        .whereIn('status', t.from)
        .update({
          status: t.to,
          updated_at: now,
          ...(t.provisionedProductId
            ? { provisioned_product_id: t.provisionedProductId }
            : {}),
          ...(t.recordId ? { record_id: t.recordId } : {}),
        });
      if (count === 0) {
        return false;
      }
      await tx<EventRow>(EVENTS).insert({
        request_id: t.id,
        at: now,
        actor: t.actor,
        action: t.action,
        status: t.to,
        comment: t.comment ?? null,
      });
      return true;
    });
    return changed ? this.get(t.id) : undefined;
  }

  private async hydrate(row: RequestRow): Promise<ProvisioningRequest> {
    const events = await this.eventsFor([row.id]);
    return this.toRequest(row, events.get(row.id) ?? []);
  }

  private async eventsFor(
    ids: string[],
  ): Promise<Map<string, ProvisioningRequestEvent[]>> {
    const byRequest = new Map<string, ProvisioningRequestEvent[]>();
    if (ids.length === 0) {
      return byRequest;
    }
    const rows = await this.db<EventRow>(EVENTS)
      .whereIn('request_id', ids)
      .orderBy('event_id', 'asc');
    for (const row of rows) {
      const list = byRequest.get(row.request_id) ?? [];
      list.push({
        at: iso(row.at),
        actor: row.actor,
        action: row.action,
        status: row.status as ProvisioningRequestStatus,
        ...(row.comment ? { comment: row.comment } : {}),
      });
      byRequest.set(row.request_id, list);
    }
    return byRequest;
  }

  private toRequest(
    row: RequestRow,
    events: ProvisioningRequestEvent[],
  ): ProvisioningRequest {
    return {
      id: row.id,
      product: row.product as SageMakerStudioProductKind,
      ...(row.team_name ? { teamName: row.team_name } : {}),
      parameters: JSON.parse(row.parameters),
      requestedBy: row.requested_by,
      status: row.status as ProvisioningRequestStatus,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      ...(row.provisioned_product_id
        ? { provisionedProductId: row.provisioned_product_id }
        : {}),
      ...(row.record_id ? { recordId: row.record_id } : {}),
      events,
    };
  }
}
