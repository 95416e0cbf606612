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
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  CreateProvisioningRequestBody,
  ListResponse,
  ProvisioningRequest,
  ProvisioningRequestPage,
  ProvisioningRequestPreview,
  StudioDomainSummary,
  sageMakerStudioRequestReviewPermission,
} from '@internal/plugin-sagemaker-studio-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SageMakerStudioConfig,
  StudioDomainReader,
} from '@internal/plugin-sagemaker-studio-node';
import { createHash } from 'node:crypto';
import { requirePermission } from '../permissions/requirePermission';
import { Caller, RequestPolicy, resolveCaller } from '../policy/RequestPolicy';
import { RequestNotifier } from '../provisioning/RequestNotifier';
import { entityRefFor } from '../provisioning/naming';
import { RequestStore, StoredRequest } from '../requests/types';
import {
  ListRequestsInput,
  ReviewInput,
  SageMakerStudioService,
} from './types';
import { StudioDomainAccess } from './StudioDomainAccess';
import { sameStudioLocation } from './studioTargets';

/** The domain id of a per-domain error's source, `sagemaker:<region>:domain/<id>`. */
const DOMAIN_SOURCE = /:domain\/([^/]+)$/;

/** The request as the API shows it, without the scheduler's bookkeeping. */
export function toWire(request: StoredRequest): ProvisioningRequest {
  const { attempts: _attempts, lastError: _lastError, ...wire } = request;
  return wire;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(k => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function payloadHash(body: CreateProvisioningRequestBody): string {
  const { idempotencyKey: _key, dryRun: _dryRun, ...payload } = body;
  return createHash('sha256')
    .update(JSON.stringify(canonical({ operation: 'provision', ...payload })))
    .digest('hex');
}

/** The default implementation: the input policy, the request store and SageMaker reads. */
export class DefaultSageMakerStudioService implements SageMakerStudioService {
  private readonly access: StudioDomainAccess;

  constructor(
    private readonly deps: {
      config: SageMakerStudioConfig;
      domains: StudioDomainReader;
      requests: RequestStore;
      policy: RequestPolicy;
      notifier: RequestNotifier;
      permissions: PermissionsService;
      /** Read with the caller's credentials, to find the domains they work in. */
      catalog: CatalogService;
      auditor: AuditorService;
      logger: LoggerService;
    },
  ) {
    this.access = new StudioDomainAccess(deps);
  }

  private caller(credentials: BackstageCredentials): Promise<Caller> {
    return resolveCaller({ credentials, permissions: this.deps.permissions });
  }

  /**
   * The domains of every configured account and region. Admins get all of
   * them with their network and key details; anyone else only the domains
   * they work in (a profile there, or a team with a Studio Resource there;
   * see {@link StudioDomainAccess}), and only the per-domain errors of
   * those. A target that could not be read is an error naming its account
   * and region, with a fixed message, for everyone.
   */
  async listDomains(options: {
    credentials: BackstageCredentials;
  }): Promise<ListResponse<StudioDomainSummary>> {
    const { credentials } = options;
    const caller = await this.caller(credentials);
    const all = await this.deps.domains.listDomainsOfEveryTarget();
    if (caller.isAdmin) return all;
    const workplaces = await this.access.workplaces(credentials);
    const mine = (domainId: string, accountId?: string, region?: string) =>
      workplaces.some(w =>
        sameStudioLocation(w, { domainId, accountId, region }),
      );
    return {
      items: all.items.filter(d => mine(d.domainId, d.accountId, d.region)),
      errors: all.errors.filter(e => {
        const domainId = DOMAIN_SOURCE.exec(e.source)?.[1];
        return !domainId || mine(domainId, e.accountId, e.region);
      }),
    };
  }

  async previewRequest(options: {
    credentials: BackstageCredentials;
    body: CreateProvisioningRequestBody;
  }): Promise<ProvisioningRequestPreview> {
    const caller = await this.caller(options.credentials);
    const prepared = await this.deps.policy.prepare(caller, options.body);
    return {
      product: prepared.product,
      operation: prepared.operation,
      ...(prepared.teamName ? { teamName: prepared.teamName } : {}),
      ...(prepared.requestedFor ? { requestedFor: prepared.requestedFor } : {}),
      productName: prepared.resolved.productName,
      productVersion:
        prepared.operation === 'update'
          ? prepared.resolved.latestArtifactName
          : prepared.resolved.artifactName,
      provisionedProductName: prepared.provisionedProductName,
      parameters: prepared.parameters,
      requiresApproval: prepared.requiresApproval,
    };
  }

  async createRequest(options: {
    credentials: BackstageCredentials;
    body: CreateProvisioningRequestBody;
  }): Promise<{ request: ProvisioningRequest; created: boolean }> {
    const { body } = options;
    const caller = await this.caller(options.credentials);
    const auditEvent = await this.deps.auditor.createEvent({
      eventId: 'request-create',
      severityLevel: 'medium',
      meta: { product: body.product, operation: body.operation ?? 'provision' },
    });
    try {
      const idempotency = {
        // Keys are per person; hashed, so any entity ref plus key fits the column.
        idempotencyKey: createHash('sha256')
          .update(`${caller.userRef}\n${body.idempotencyKey}`)
          .digest('hex'),
        payloadHash: payloadHash(body),
      };
      const existing = await this.deps.requests.findByIdempotencyKey(
        idempotency,
      );
      if (existing) {
        await auditEvent.success({
          meta: { requestId: existing.id, created: false },
        });
        return { request: toWire(existing), created: false };
      }
      const prepared = await this.deps.policy.prepare(caller, body);
      await this.checkPendingCap(caller);
      const active = await this.deps.requests.listActiveFor({
        provisionedProductName: prepared.provisionedProductName,
        provisionedProductId: prepared.provisionedProductId,
      });
      if (active.length > 0) {
        throw new ConflictError(
          `Request ${active[0].id} for ${prepared.provisionedProductName} is already ${active[0].status}; wait for it or cancel it first`,
        );
      }
      const withPlan =
        prepared.requiresApproval && prepared.operation === 'provision';
      const { request, created } = await this.deps.requests.create({
        ...idempotency,
        product: prepared.product,
        operation: prepared.operation,
        teamName: prepared.teamName,
        parameters: prepared.parameters,
        requestedBy: prepared.requestedBy,
        requestedFor: prepared.requestedFor,
        productName: prepared.resolved.productName,
        productVersion:
          prepared.operation === 'update'
            ? prepared.resolved.latestArtifactName
            : prepared.resolved.artifactName,
        provisionedProductName: prepared.provisionedProductName,
        provisionedProductId: prepared.provisionedProductId,
        status: prepared.requiresApproval ? 'PENDING_APPROVAL' : 'APPROVED',
        ...(withPlan
          ? { plan: { status: 'CREATING' as const, resourceChanges: [] } }
          : {}),
        // The task output can link the entity page, which exists once provisioned.
        ...(prepared.operation === 'provision'
          ? { entityRef: entityRefFor(prepared, {}) }
          : {}),
        due: true,
        comment: prepared.requiresApproval
          ? undefined
          : `no approval needed for ${prepared.product} (sageMakerStudio.products.${prepared.product}.requiresApproval)`,
      });
      await auditEvent.success({ meta: { requestId: request.id, created } });
      if (created) {
        await this.deps.notifier.statusChanged(request);
      }
      return { request: toWire(request), created };
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  }

  private async checkPendingCap(caller: Caller): Promise<void> {
    const cap = this.deps.config.limits.pendingRequestsPerUser;
    const { items } = await this.deps.requests.list({
      requestedBy: caller.userRef,
      status: 'PENDING_APPROVAL',
      limit: cap,
    });
    if (items.length >= cap) {
      throw new ConflictError(
        `You have ${items.length} requests waiting for review, the most allowed (sageMakerStudio.limits.pendingRequestsPerUser); cancel one or wait for a decision`,
      );
    }
  }

  async listRequests(options: {
    credentials: BackstageCredentials;
    query: ListRequestsInput;
  }): Promise<ProvisioningRequestPage> {
    const { query } = options;
    const caller = await this.caller(options.credentials);
    if (query.scope === 'all' && !caller.isAdmin) {
      throw new NotAllowedError(
        'scope=all: only data-science admins may list every request',
      );
    }
    const page = await this.deps.requests.list({
      ...(query.scope === 'mine' ? { involving: caller.userRef } : {}),
      status: query.status,
      cursor: query.cursor,
      limit: query.limit,
    });
    return {
      items: page.items.map(toWire),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /** The request if the caller may see it; a 404 for anyone else, so ids leak nothing. */
  private async visible(caller: Caller, id: string): Promise<StoredRequest> {
    const request = await this.deps.requests.get(id);
    if (
      !request ||
      !(
        caller.isAdmin ||
        request.requestedBy === caller.userRef ||
        request.requestedFor === caller.userRef
      )
    ) {
      throw new NotFoundError(`No provisioning request with id ${id}`);
    }
    return request;
  }

  async getRequest(options: {
    credentials: BackstageCredentials;
    id: string;
  }): Promise<ProvisioningRequest> {
    const caller = await this.caller(options.credentials);
    return toWire(await this.visible(caller, options.id));
  }

  async reviewRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    review: ReviewInput;
  }): Promise<ProvisioningRequest> {
    const { credentials, id, review } = options;
    const auditEvent = await this.deps.auditor.createEvent({
      eventId: 'request-review',
      severityLevel: 'medium',
      meta: { requestId: id, decision: review.decision },
    });
    try {
      const caller = await this.caller(credentials);
      await requirePermission({
        permissions: this.deps.permissions,
        credentials,
        permission: sageMakerStudioRequestReviewPermission,
      });
      const request = await this.visible(caller, id);
      if (request.requestedBy === caller.userRef) {
        throw new NotAllowedError(
          'Nobody may review their own request; ask another admin',
        );
      }
      if (request.requestedFor === caller.userRef) {
        throw new NotAllowedError(
          'Nobody may review a request made for them; ask another admin',
        );
      }
      const comment = review.comment?.trim() || undefined;
      if (review.decision === 'reject' && !comment) {
        throw new InputError(
          'comment: a rejection needs a reason the requester can act on',
        );
      }
      if (request.status !== 'PENDING_APPROVAL') {
        throw new ConflictError(
          `Request ${id} is ${request.status}; only PENDING_APPROVAL requests can be reviewed`,
        );
      }
      if (
        review.decision === 'approve' &&
        request.plan?.status === 'CREATING'
      ) {
        throw new ConflictError(
          `Request ${id}: Service Catalog is still making the plan; approve once you have seen it`,
        );
      }
      const approve = review.decision === 'approve';
      const reviewed = await this.deps.requests.transition({
        id,
        from: ['PENDING_APPROVAL'],
        to: approve ? 'APPROVED' : 'REJECTED',
        event: {
          actor: caller.userRef,
          action: approve ? 'approved' : 'rejected',
          comment,
        },
        // Approved: the scheduler launches it. Rejected: it deletes the plan.
        changes: {
          nextAttemptAt: approve || request.plan?.planId ? new Date() : null,
        },
      });
      if (!reviewed) {
        const now = await this.deps.requests.get(id);
        throw new ConflictError(
          `Request ${id} is ${now?.status}; only PENDING_APPROVAL requests can be reviewed`,
        );
      }
      await auditEvent.success({ meta: { status: reviewed.status } });
      await this.deps.notifier.statusChanged(reviewed);
      return toWire(reviewed);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
  }

  async cancelRequest(options: {
    credentials: BackstageCredentials;
    id: string;
    comment?: string;
  }): Promise<ProvisioningRequest> {
    const { id } = options;
    const caller = await this.caller(options.credentials);
    const request = await this.visible(caller, id);
    if (request.requestedBy !== caller.userRef) {
      throw new NotAllowedError(
        'Only the person who asked may cancel a request',
      );
    }
    const cancelled = await this.deps.requests.transition({
      id,
      from: ['PENDING_APPROVAL'],
      to: 'CANCELLED',
      event: {
        actor: caller.userRef,
        action: 'cancelled',
        comment: options.comment?.trim() || undefined,
      },
      // The scheduler deletes the plan, if Service Catalog made one.
      changes: { nextAttemptAt: request.plan?.planId ? new Date() : null },
    });
    if (!cancelled) {
      const now = await this.deps.requests.get(id);
      throw new ConflictError(
        `Request ${id} is ${now?.status}; only PENDING_APPROVAL requests can be cancelled`,
      );
    }
    await this.deps.notifier.statusChanged(cancelled);
    return toWire(cancelled);
  }
}
