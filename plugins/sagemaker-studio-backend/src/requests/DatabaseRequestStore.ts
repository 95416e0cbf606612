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

import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  FINAL_REQUEST_STATUSES,
  ProvisioningOperation,
  ProvisioningRequestEvent,
  ProvisioningRequestStatus,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor, migratedClient } from '../database';
import {
  NewProvisioningRequest,
  RequestChanges,
  RequestQuery,
  RequestStore,
  RequestTransition,
  StoredRequest,
} from './types';

const REQUESTS = 'sagemaker_studio_requests';
const EVENTS = 'sagemaker_studio_request_events';
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

interface RequestRow {
  id: string;
  product: string;
  operation: string;
  team_name: string | null;
  parameters: string;
  requested_by: string;
  requested_for: string | null;
  status: string;
  idempotency_key: string;
  payload_hash: string | null;
  product_name: string | null;
  product_version: string | null;
  provisioned_product_name: string | null;
  provisioned_product_id: string | null;
  record_id: string | null;
  plan: string | null;
  record_errors: string | null;
  outputs: string | null;
  entity_ref: string | null;
  attempts: number;
  next_attempt_at: Date | string | number | null;
  last_error: string | null;
  created_at: Date | string | number;
  updated_at: Date | string | number;
}

interface EventRow {
  request_id: string;
  at: Date | string | number;
  actor: string;
  action: string;
  status: string;
  comment: string | null;
}

function iso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function json<T>(value: string | null): T | undefined {
  return value ? (JSON.parse(value) as T) : undefined;
}

function requestCursor(row: RequestRow): string {
  return encodeCursor({ c: iso(row.created_at), i: row.id });
}

function readRequestCursor(cursor: string): { createdAt: Date; id: string } {
  return decodeCursor(cursor, ({ c, i }) => {
    const createdAt = new Date(c as string);
    const year = createdAt.getUTCFullYear();
    // Only what this API gives out: a request id and a plausible time, so a
    // forged cursor cannot reach the database (PostgreSQL refuses NUL bytes
    // and years out of its range with a 500).
    const valid =
      typeof i === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
        i,
      ) &&
      !Number.isNaN(year) &&
      year >= 2000 &&
      year <= 9999;
    return valid ? { createdAt, id: i } : undefined;
  });
}

function changeColumns(changes: RequestChanges = {}): Partial<RequestRow> {
  const row: Partial<RequestRow> = {};
  if (changes.plan !== undefined) row.plan = JSON.stringify(changes.plan);
  if (changes.provisionedProductId !== undefined) {
    row.provisioned_product_id = changes.provisionedProductId;
  }
  if (changes.recordId !== undefined) row.record_id = changes.recordId;
  if (changes.recordErrors !== undefined) {
    row.record_errors = JSON.stringify(changes.recordErrors);
  }
  if (changes.outputs !== undefined) {
    row.outputs = JSON.stringify(changes.outputs);
  }
  if (changes.entityRef !== undefined) row.entity_ref = changes.entityRef;
  if (changes.attempts !== undefined) row.attempts = changes.attempts;
  if (changes.nextAttemptAt !== undefined) {
    row.next_attempt_at = changes.nextAttemptAt;
  }
  if (changes.lastError !== undefined) row.last_error = changes.lastError;
  return row;
}

/** Requests in the plugin's own database (SQLite locally, PostgreSQL in production). */
export class DatabaseRequestStore implements RequestStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRequestStore> {
    return new DatabaseRequestStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  async create(
    request: NewProvisioningRequest,
  ): Promise<{ request: StoredRequest; created: boolean }> {
    const existing = await this.findByIdempotencyKey(request);
    if (existing) {
      return { request: existing, created: false };
    }
    const now = new Date();
    const id = randomUUID();
    try {
      await this.db.transaction(async tx => {
        await tx<RequestRow>(REQUESTS).insert({
          id,
          product: request.product,
          operation: request.operation,
          team_name: request.teamName ?? null,
          parameters: JSON.stringify(request.parameters),
          requested_by: request.requestedBy,
          requested_for: request.requestedFor ?? null,
          status: request.status,
          idempotency_key: request.idempotencyKey,
          payload_hash: request.payloadHash,
          product_name: request.productName,
          product_version: request.productVersion,
          provisioned_product_name: request.provisionedProductName,
          provisioned_product_id: request.provisionedProductId ?? null,
          plan: request.plan ? JSON.stringify(request.plan) : null,
          entity_ref: request.entityRef ?? null,
          attempts: 0,
          next_attempt_at: request.due ? now : null,
          created_at: now,
          updated_at: now,
        });
        await tx<EventRow>(EVENTS).insert({
          request_id: id,
          at: now,
          actor: request.requestedBy,
          action: 'requested',
          status: request.status,
          comment: request.comment ?? null,
        });
      });
    } catch (error) {
      // A concurrent create with the same key won the unique constraint.
      const winner = await this.findByIdempotencyKey(request);
      if (winner) {
        return { request: winner, created: false };
      }
      throw error;
    }
    return { request: (await this.get(id))!, created: true };
  }

  async findByIdempotencyKey(
    request: Pick<NewProvisioningRequest, 'idempotencyKey' | 'payloadHash'>,
  ): Promise<StoredRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS)
      .where({ idempotency_key: request.idempotencyKey })
      .first();
    if (!row) {
      return undefined;
    }
    if (row.payload_hash !== request.payloadHash) {
      throw new ConflictError(
        `idempotencyKey: already used for request ${row.id} with another payload; use a new key for a new request`,
      );
    }
    return this.hydrate(row);
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    return row ? this.hydrate(row) : undefined;
  }

  async list(
    query: RequestQuery,
  ): Promise<{ items: StoredRequest[]; nextCursor?: string }> {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    let builder = this.db<RequestRow>(REQUESTS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (query.involving) {
      const who = query.involving;
      builder = builder.where(q =>
        q.where({ requested_by: who }).orWhere({ requested_for: who }),
      );
    }
    if (query.requestedBy) {
      builder = builder.where({ requested_by: query.requestedBy });
    }
    if (query.status) {
      builder = builder.where({ status: query.status });
    }
    if (query.cursor) {
      // Keyset paging: a request that changes status while someone pages
      // never shifts another one off the page.
      const { createdAt, id } = readRequestCursor(query.cursor);
      builder = builder.where(q =>
        q
          .where('created_at', '<', createdAt)
          .orWhere(q2 =>
            q2.where('created_at', '=', createdAt).andWhere('id', '<', id),
          ),
      );
    }
    const rows = await builder;
    const page = rows.slice(0, limit);
    return {
      items: await this.hydrateAll(page),
      ...(rows.length > limit
        ? { nextCursor: requestCursor(page[page.length - 1]) }
        : {}),
    };
  }

  async listDue(options: {
    now: Date;
    limit: number;
  }): Promise<StoredRequest[]> {
    const rows = await this.db<RequestRow>(REQUESTS)
      .whereNotNull('next_attempt_at')
      .where('next_attempt_at', '<=', options.now)
      .orderBy('next_attempt_at', 'asc')
      .limit(options.limit);
    return this.hydrateAll(rows);
  }

  async listActiveFor(options: {
    provisionedProductName?: string;
    provisionedProductId?: string;
  }): Promise<StoredRequest[]> {
    const { provisionedProductName, provisionedProductId } = options;
    const rows = await this.db<RequestRow>(REQUESTS)
      .whereNotIn('status', FINAL_REQUEST_STATUSES as string[])
      .where(q => {
        if (provisionedProductName) {
          q.orWhere({ provisioned_product_name: provisionedProductName });
        }
        if (provisionedProductId) {
          q.orWhere({ provisioned_product_id: provisionedProductId });
        }
      });
    return this.hydrateAll(rows);
  }

  async findLaunch(
    provisionedProductId: string,
  ): Promise<StoredRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS)
      .where({
        provisioned_product_id: provisionedProductId,
        operation: 'provision',
        status: 'SUCCEEDED',
      })
      .orderBy('created_at', 'desc')
      .first();
    return row ? this.hydrate(row) : undefined;
  }

  async transition(t: RequestTransition): Promise<StoredRequest | undefined> {
    if (t.to && !t.event) {
      throw new Error('A status change needs a timeline entry');
    }
    const now = new Date();
    const changed = await this.db.transaction(async tx => {
      const count = await tx<RequestRow>(REQUESTS)
        .where({ id: t.id })
        .whereIn('status', t.from)
        .update({
          ...changeColumns(t.changes),
          ...(t.to ? { status: t.to } : {}),
          updated_at: now,
        });
      if (count === 0) {
        return false;
      }
      if (t.event) {
        const status =
          t.to ??
          (await tx<RequestRow>(REQUESTS).where({ id: t.id }).first())!.status;
        await tx<EventRow>(EVENTS).insert({
          request_id: t.id,
          at: now,
          actor: t.event.actor,
          action: t.event.action,
          status,
          comment: t.event.comment ?? null,
        });
      }
      return true;
    });
    return changed ? this.get(t.id) : undefined;
  }

  private async hydrate(row: RequestRow): Promise<StoredRequest> {
    return (await this.hydrateAll([row]))[0];
  }

  private async hydrateAll(rows: RequestRow[]): Promise<StoredRequest[]> {
    const events = await this.eventsFor(rows.map(r => r.id));
    return rows.map(row => this.toRequest(row, events.get(row.id) ?? []));
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
  ): StoredRequest {
    const plan = json<StoredRequest['plan']>(row.plan);
    const recordErrors = json<StoredRequest['recordErrors']>(row.record_errors);
    const outputs = json<StoredRequest['outputs']>(row.outputs);
    return {
      id: row.id,
      product: row.product as SageMakerStudioProductKind,
      operation: (row.operation ?? 'provision') as ProvisioningOperation,
      ...(row.team_name ? { teamName: row.team_name } : {}),
      parameters: JSON.parse(row.parameters),
      requestedBy: row.requested_by,
      ...(row.requested_for ? { requestedFor: row.requested_for } : {}),
      status: row.status as ProvisioningRequestStatus,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      ...(row.product_name ? { productName: row.product_name } : {}),
      ...(row.product_version ? { productVersion: row.product_version } : {}),
      ...(row.provisioned_product_name
        ? { provisionedProductName: row.provisioned_product_name }
        : {}),
      ...(plan ? { plan } : {}),
      ...(row.provisioned_product_id
        ? { provisionedProductId: row.provisioned_product_id }
        : {}),
      ...(row.record_id ? { recordId: row.record_id } : {}),
      ...(recordErrors ? { recordErrors } : {}),
      ...(outputs ? { outputs } : {}),
      ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
      events,
      attempts: Number(row.attempts ?? 0),
      ...(row.last_error ? { lastError: row.last_error } : {}),
    };
  }
}
