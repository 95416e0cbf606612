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

import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  FINAL_REQUEST_STATUSES,
  ProvisioningPlan,
  ProvisioningRequestStatus,
} from '@internal/plugin-sagemaker-studio-common';
import {
  LaunchResult,
  SageMakerStudioConfig,
  SageMakerStudioProvisioner,
} from '@internal/plugin-sagemaker-studio-node';
import { RequestStore, StoredRequest } from '../requests/types';
import { RequestNotifier } from './RequestNotifier';
import { entityRefFor, provisioningTags } from './naming';

/** The actor of what the plugin does by itself, in the timeline. */
export const SYSTEM_ACTOR = 'system:sagemaker-studio';

const BATCH = 50;
const CONCURRENCY = 4;

/** AWS conflicts that another try will not resolve. */
const LASTING_CONFLICTS = new Set(['DuplicateResourceException']);

/**
 * Errors worth another try: AWS throttled us, failed, could not be reached,
 * or the product is busy with another operation (a conflict), but not a
 * name that is taken.
 */
function isTransient(error: unknown): boolean {
  const { name, cause } = (error ?? {}) as { name?: string; cause?: unknown };
  if (name === 'ServiceUnavailableError') return true;
  if (name === 'ConflictError') {
    return !LASTING_CONFLICTS.has((cause as { name?: string })?.name ?? '');
  }
  return false;
}

/** Reads of work in progress slow down as it takes longer, up to this. */
const MAX_POLL_MS = 30_000;

function message(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/**
 * Drives requests through Service Catalog, one step per round of the
 * scheduler: make the plan, launch once approved, follow the record to its
 * end. Exactly once: the launch is claimed by an atomic status change, and
 * every Service Catalog call carries the request id as its idempotency token,
 * so a call repeated after a crash (or by another instance) returns the first
 * call's record instead of provisioning twice.
 */
export class ProvisioningExecutor {
  constructor(
    private readonly deps: {
      store: RequestStore;
      provisioner: SageMakerStudioProvisioner;
      config: SageMakerStudioConfig;
      logger: LoggerService;
      auditor: AuditorService;
      notifier: RequestNotifier;
      now?: () => Date;
      /** First retry delay; doubles per attempt. */
      retryBaseMs?: number;
      /** Delay between two reads of a plan or record in progress. */
      pollMs?: number;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private later(ms: number): Date {
    return new Date(this.now().getTime() + ms);
  }

  private get pollMs() {
    return this.deps.pollMs ?? 2000;
  }

  /**
   * When to read a plan or record in progress again: every pollMs at first,
   * then a quarter of the time it has taken so far, at most MAX_POLL_MS, so a
   * stack that takes minutes costs a few reads, not one every pollMs.
   */
  private nextPoll(request: StoredRequest): Date {
    const since = request.events[request.events.length - 1]?.at;
    const elapsed = since ? this.now().getTime() - Date.parse(since) : 0;
    const delay = Math.min(
      Math.max(this.pollMs, Math.floor(elapsed / 4)),
      Math.max(this.pollMs, MAX_POLL_MS),
    );
    return this.later(delay);
  }

  /** One round: every request that is due, a few at a time. Returns how many were looked at. */
  async runOnce(): Promise<number> {
    const due = await this.deps.store.listDue({
      now: this.now(),
      limit: BATCH,
    });
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const request = due[next++];
        await this.step(request);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return due.length;
  }

  private async step(request: StoredRequest): Promise<void> {
    try {
      switch (request.status) {
        case 'PENDING_APPROVAL':
          await this.advancePlan(request);
          break;
        case 'APPROVED':
          await this.claimAndLaunch(request);
          break;
        case 'PROVISIONING':
          await this.follow(request);
          break;
        default:
          await this.discardPlan(request);
      }
    } catch (error) {
      await this.onError(request, error);
    }
  }

  /** A final request's plan is deleted, so the name is free for a later plan. */
  private async discardPlan(request: StoredRequest): Promise<void> {
    const planId = request.plan?.planId;
    if (planId) {
      await this.deps.provisioner.deletePlan(planId);
    }
    await this.deps.store.transition({
      id: request.id,
      from: [request.status],
      changes: {
        nextAttemptAt: null,
        ...(planId ? { plan: { ...request.plan!, planId: undefined } } : {}),
      },
    });
  }

  private async advancePlan(request: StoredRequest): Promise<void> {
    const plan = request.plan;
    if (!plan || plan.status !== 'CREATING') {
      await this.deps.store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        changes: { nextAttemptAt: null },
      });
      return;
    }
    if (!plan.planId) {
      const resolved = await this.deps.provisioner.resolveProduct(
        request.product,
      );
      const { planId } = await this.deps.provisioner
        .createPlan({
          token: request.id,
          product: resolved,
          provisionedProductName: request.provisionedProductName!,
          parameters: request.parameters,
          tags: provisioningTags(request),
        })
        .catch(error => {
          // The plan of an earlier request for the same name may be being
          // deleted (rejected, cancelled): worth a few more tries.
          if (!isTransient(error) && error?.name === 'ConflictError') {
            throw new ServiceUnavailableError(error.message, error);
          }
          throw error;
        });
      await this.deps.store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        changes: {
          plan: { ...plan, planId },
          nextAttemptAt: this.later(this.pollMs),
          attempts: 0,
        },
      });
      return;
    }
    const described = await this.deps.provisioner.describePlan(plan.planId);
    if (described.status === 'CREATING') {
      await this.deps.store.transition({
        id: request.id,
        from: ['PENDING_APPROVAL'],
        changes: { nextAttemptAt: this.nextPoll(request), attempts: 0 },
      });
      return;
    }
    if (described.status === 'FAILED') {
      const failed = await this.finish(
        request,
        ['PENDING_APPROVAL'],
        'FAILED',
        {
          action: 'plan-failed',
          comment: described.statusMessage,
          plan: described,
          recordErrors: [
            {
              code: 'PLAN_FAILED',
              description:
                described.statusMessage ??
                'Service Catalog could not make the plan',
            },
          ],
        },
      );
      if (failed) await this.deps.notifier.statusChanged(failed);
      return;
    }
    const ready = await this.deps.store.transition({
      id: request.id,
      from: ['PENDING_APPROVAL'],
      event: {
        actor: SYSTEM_ACTOR,
        action: 'plan-ready',
        comment: `${described.resourceChanges.length} resource changes`,
      },
      changes: { plan: described, nextAttemptAt: null, attempts: 0 },
    });
    if (ready) {
      await this.deps.notifier.waitingForReview(ready);
    }
  }

  private async claimAndLaunch(request: StoredRequest): Promise<void> {
    const claimed = await this.deps.store.transition({
      id: request.id,
      from: ['APPROVED'],
      to: 'PROVISIONING',
      event: { actor: SYSTEM_ACTOR, action: 'provisioning' },
      // If this instance dies before the record id is saved, the next round
      // finds PROVISIONING without a record and repeats the same call.
      changes: { nextAttemptAt: this.later(this.pollMs) },
    });
    if (!claimed) {
      return; // another instance got there first
    }
    await this.deps.notifier.statusChanged(claimed);
    try {
      await this.launch(claimed);
    } catch (error) {
      // Handled against the claimed request: the APPROVED one the round
      // started from matches no transition any more, which would drop the
      // attempt count and back-off, and retry a refused launch once more.
      await this.onError(claimed, error);
    }
  }

  private async launch(request: StoredRequest): Promise<void> {
    const auditEvent = await this.deps.auditor.createEvent({
      eventId: 'request-execute',
      severityLevel: 'high',
      meta: {
        requestId: request.id,
        product: request.product,
        operation: request.operation,
      },
    });
    let result: LaunchResult;
    try {
      result = await this.callServiceCatalog(request);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      throw error;
    }
    await auditEvent.success({ meta: { recordId: result.recordId } });
    await this.deps.store.transition({
      id: request.id,
      from: ['PROVISIONING'],
      changes: {
        recordId: result.recordId,
        ...(result.provisionedProductId
          ? { provisionedProductId: result.provisionedProductId }
          : {}),
        nextAttemptAt: this.later(this.pollMs),
        attempts: 0,
        lastError: null,
      },
    });
  }

  private async callServiceCatalog(
    request: StoredRequest,
  ): Promise<LaunchResult> {
    const { provisioner } = this.deps;
    const token = request.id;
    switch (request.operation) {
      case 'update':
        return provisioner.update({
          token,
          provisionedProductId: request.provisionedProductId!,
          product: await provisioner.resolveProduct(request.product),
        });
      case 'terminate':
        return provisioner.terminate({
          token,
          provisionedProductId: request.provisionedProductId!,
        });
      default:
        if (request.plan?.planId && request.plan.status === 'READY') {
          return provisioner.executePlan({
            token,
            planId: request.plan.planId,
          });
        }
        return provisioner.provision({
          token,
          product: await provisioner.resolveProduct(request.product),
          provisionedProductName: request.provisionedProductName!,
          parameters: request.parameters,
          tags: provisioningTags(request),
        });
    }
  }

  private async follow(request: StoredRequest): Promise<void> {
    if (!request.recordId) {
      // Claimed, but the launch did not get its record id saved: repeat it
      // with the same token; Service Catalog answers with the same record.
      await this.launch(request);
      return;
    }
    const record = await this.deps.provisioner.describeRecord(request.recordId);
    if (record.status === 'IN_PROGRESS') {
      await this.deps.store.transition({
        id: request.id,
        from: ['PROVISIONING'],
        changes: { nextAttemptAt: this.nextPoll(request), attempts: 0 },
      });
      return;
    }
    const succeeded = record.status === 'SUCCEEDED';
    const finished = await this.finish(
      request,
      ['PROVISIONING'],
      succeeded ? 'SUCCEEDED' : 'FAILED',
      {
        action: succeeded ? 'succeeded' : 'failed',
        comment: succeeded
          ? undefined
          : record.errors.map(e => `${e.code}: ${e.description}`).join('; '),
        recordErrors: succeeded ? undefined : record.errors,
        outputs: record.outputs,
        provisionedProductId: record.provisionedProductId,
        entityRef:
          succeeded && request.operation !== 'terminate'
            ? entityRefFor(request, record.outputs)
            : undefined,
      },
    );
    if (finished) {
      const auditEvent = await this.deps.auditor.createEvent({
        eventId: 'request-finish',
        severityLevel: succeeded ? 'medium' : 'high',
        meta: {
          requestId: request.id,
          status: finished.status,
          recordId: request.recordId,
          provisionedProductId: finished.provisionedProductId,
        },
      });
      await auditEvent.success();
      await this.deps.notifier.statusChanged(finished);
      await this.deps.notifier.finished(finished);
    }
  }

  private async finish(
    request: StoredRequest,
    from: ProvisioningRequestStatus[],
    to: ProvisioningRequestStatus,
    details: {
      action: string;
      comment?: string;
      plan?: ProvisioningPlan;
      recordErrors?: StoredRequest['recordErrors'];
      outputs?: Record<string, string>;
      provisionedProductId?: string;
      entityRef?: string;
    },
  ): Promise<StoredRequest | undefined> {
    return this.deps.store.transition({
      id: request.id,
      from,
      to,
      event: {
        actor: SYSTEM_ACTOR,
        action: details.action,
        comment: details.comment || undefined,
      },
      changes: {
        // A plan left in Service Catalog is deleted by the next round.
        nextAttemptAt: (details.plan ?? request.plan)?.planId
          ? this.now()
          : null,
        lastError: null,
        ...(details.plan ? { plan: details.plan } : {}),
        ...(details.recordErrors ? { recordErrors: details.recordErrors } : {}),
        ...(details.outputs && Object.keys(details.outputs).length
          ? { outputs: details.outputs }
          : {}),
        ...(details.provisionedProductId
          ? { provisionedProductId: details.provisionedProductId }
          : {}),
        ...(details.entityRef ? { entityRef: details.entityRef } : {}),
      },
    });
  }

  private async onError(request: StoredRequest, error: unknown): Promise<void> {
    const attempts = request.attempts + 1;
    const { maxAttempts } = this.deps.config.provisioning;
    const text = message(error);
    if (isTransient(error) && attempts < maxAttempts) {
      const base = this.deps.retryBaseMs ?? 2000;
      const delay = Math.min(base * 2 ** (attempts - 1), 5 * 60_000);
      const jitter = Math.floor(Math.random() * (delay / 4));
      this.deps.logger.warn(
        `Request ${request.id}: ${text}; retry ${attempts} of ${
          maxAttempts - 1
        } in ${delay + jitter} ms`,
      );
      await this.deps.store.transition({
        id: request.id,
        from: [request.status],
        changes: {
          attempts,
          lastError: text,
          nextAttemptAt: this.later(delay + jitter),
        },
      });
      return;
    }
    if (FINAL_REQUEST_STATUSES.includes(request.status)) {
      // Only the clean-up of a finished request failed; its outcome stands.
      this.deps.logger.warn(`Request ${request.id}: clean-up failed: ${text}`);
      await this.deps.store.transition({
        id: request.id,
        from: [request.status],
        changes: { nextAttemptAt: null, lastError: text },
      });
      return;
    }
    this.deps.logger.error(`Request ${request.id} failed: ${text}`);
    const failed = await this.finish(
      request,
      [request.status === 'APPROVED' ? 'APPROVED' : request.status],
      'FAILED',
      {
        action: 'failed',
        comment: isTransient(error)
          ? `gave up after ${attempts} attempts: ${text}`
          : text,
        ...(request.plan?.status === 'CREATING'
          ? {
              plan: {
                ...request.plan,
                status: 'FAILED' as const,
                statusMessage: text,
              },
            }
          : {}),
        recordErrors: [
          {
            code: isTransient(error) ? 'RETRIES_EXHAUSTED' : 'REFUSED',
            description: text,
          },
        ],
      },
    );
    if (failed) {
      await this.deps.notifier.statusChanged(failed);
    }
  }
}
