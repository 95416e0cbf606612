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

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ComplianceContext,
  ComplianceRule,
  ComplianceSweepStatus,
  sageMakerArnFor,
  SageMakerResourceState,
} from '@internal/plugin-sagemaker-studio-common';
import {
  COMPLIANCE_READ_FAILURE_MESSAGES,
  CompliancePageRetry,
  ComplianceReadError,
  DetectiveControlFinding,
  DetectiveControlFindings,
  SageMakerEstateReader,
  SageMakerStudioAwsClients,
} from '@internal/plugin-sagemaker-studio-node';
import { DatabaseComplianceStore, dayOf } from './DatabaseComplianceStore';
import { ComplianceFailedTarget, ComplianceResourceCount } from './types';

/** Statuses of a resource that is gone or going. */
const DELETED_STATUSES = new Set(['Deleted', 'Deleting']);

/** What the sweep saw of a resource the detective control has an open finding on. */
interface Watched {
  seen: boolean;
  active?: boolean;
  status?: string;
  failed?: string[];
}

/** The lower-cased resource ARN of a detective control finding, as the sweep reads ARNs. */
function watchKey(finding: DetectiveControlFinding): string | undefined {
  return (
    finding.resourceArn ??
    sageMakerArnFor(
      { kind: finding.resourceKind, name: finding.resourceName },
      { accountId: finding.accountId, region: finding.region },
    )
  )?.toLowerCase();
}

/** What is true of a finding's resource now, for `resolveFinding`. */
function stateOf(
  watched: Watched | undefined,
  ruleId: string,
): SageMakerResourceState {
  if (!watched?.seen) return 'deleted';
  if (!watched.active) {
    return DELETED_STATUSES.has(watched.status ?? '') ? 'deleted' : 'stopped';
  }
  return watched.failed?.includes(ruleId) ? 'non-compliant' : 'compliant';
}

/** The counts of one sweep over the whole estate. */
export interface ComplianceSweepResult extends ComplianceSweepStatus {
  /** Active resources judged. */
  evaluated: number;
  /** Security Hub findings marked resolved. */
  resolvedInSecurityHub: number;
}

/**
 * One sweep over every configured account and region: streams the
 * SageMaker estate page by page into the store, merges the detective
 * control's findings and actions from Security Hub, resolves what is no
 * longer true (in the store and in Security Hub), and writes the day's
 * history. An account and region that cannot be read is reported in
 * `failedTargets` and its findings are left as they were; the others are
 * swept all the same.
 */
export class ComplianceSweep {
  constructor(
    private readonly deps: {
      clients: SageMakerStudioAwsClients;
      store: DatabaseComplianceStore;
      logger: LoggerService;
      rules?: readonly ComplianceRule[];
      /** The rules' settings (`sageMakerStudio.sweep.context`). */
      context?: ComplianceContext;
      retry?: CompliancePageRetry;
      now?: () => Date;
    },
  ) {}

  async run(): Promise<ComplianceSweepResult> {
    const { store, logger } = this.deps;
    const now = this.deps.now ?? (() => new Date());
    const startedAt = now();
    const sweepId = await store.startSweep(startedAt);
    const targets = this.deps.clients.forEachTarget();
    const failedTargets: ComplianceFailedTarget[] = [];
    let evaluated = 0;
    let resolvedInSecurityHub = 0;
    let unreadable = 0;
    for (const clients of targets) {
      const outcome = await this.sweepTarget(clients, sweepId, startedAt);
      evaluated += outcome.evaluated;
      resolvedInSecurityHub += outcome.resolvedInSecurityHub;
      if (!outcome.read) unreadable++;
      failedTargets.push(
        ...outcome.failures.map(message => ({
          accountId: clients.accountId ?? 'default',
          region: clients.region,
          message,
        })),
      );
    }
    await store.writeHistory(dayOf(startedAt));
    let status: ComplianceSweepStatus['status'] = 'succeeded';
    if (failedTargets.length > 0) {
      status = unreadable === targets.length ? 'failed' : 'partial';
    }
    const finishedAt = now();
    await store.finishSweep({
      id: sweepId,
      now: finishedAt,
      status,
      failedTargets,
    });
    logger.info('Compliance sweep finished', {
      status,
      targets: targets.length,
      failedTargets: failedTargets.length,
      evaluated,
      resolvedInSecurityHub,
      ms: finishedAt.getTime() - startedAt.getTime(),
    });
    return {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      status,
      failedTargets,
      evaluated,
      resolvedInSecurityHub,
    };
  }

  private async sweepTarget(
    clients: SageMakerStudioAwsClients,
    sweepId: string,
    now: Date,
  ): Promise<{
    read: boolean;
    failures: string[];
    evaluated: number;
    resolvedInSecurityHub: number;
  }> {
    const { store, logger, rules, context, retry } = this.deps;
    const targetKey = clients.targetKey;
    const day = dayOf(now);
    const counts = new Map<string, ComplianceResourceCount>();
    const failures: string[] = [];
    const control = new DetectiveControlFindings({ clients, logger, retry });
    // First the resources the control has open findings on (ARNs only, so
    // memory follows the open findings, not the estate): the sweep notes
    // what it sees of them, to tell Security Hub why each is resolved.
    let watched: Map<string, Watched> | undefined = new Map();
    try {
      for await (const page of control.pages()) {
        for (const finding of page) {
          const key = watchKey(finding);
          if (key) watched.set(key, { seen: false });
        }
      }
    } catch (error) {
      failures.push(
        error instanceof ComplianceReadError
          ? error.message
          : COMPLIANCE_READ_FAILURE_MESSAGES.securityHub,
      );
      watched = undefined;
    }
    const reader = new SageMakerEstateReader({
      clients,
      logger,
      rules,
      context,
      retry,
    });
    let evaluated = 0;
    try {
      for await (const page of reader.pages()) {
        await store.recordResources({
          sweepId,
          targetKey,
          now,
          resources: page,
        });
        for (const resource of page) {
          const seen = watched?.get(resource.arn.toLowerCase());
          if (seen) {
            Object.assign(seen, {
              seen: true,
              active: resource.active,
              status: resource.status,
              failed: resource.failed.map(f => f.ruleId),
            });
          }
          if (!resource.active) continue;
          evaluated++;
          const key = [
            resource.team ?? '',
            resource.accountId,
            resource.region,
          ].join('\n');
          const count = counts.get(key) ?? {
            ...(resource.team ? { team: resource.team } : {}),
            accountId: resource.accountId,
            region: resource.region,
            evaluated: 0,
            compliant: 0,
          };
          count.evaluated++;
          if (resource.failed.length === 0) count.compliant++;
          counts.set(key, count);
        }
      }
    } catch (error) {
      // The reader logged what AWS said; findings of this target stay as they were.
      if (!(error instanceof ComplianceReadError)) {
        logger.error('Compliance sweep: reading SageMaker failed', {
          target: targetKey,
          error: String(error),
        });
      }
      await store.carryResourceCounts({ day, targetKey });
      return {
        read: false,
        failures: [COMPLIANCE_READ_FAILURE_MESSAGES.sageMaker],
        evaluated,
        resolvedInSecurityHub: 0,
      };
    }
    await store.writeResourceCounts({
      day,
      targetKey,
      counts: [...counts.values()],
    });

    let resolvedInSecurityHub = 0;
    try {
      // Read again, page by page: merged into the store, and those no
      // longer true resolved as the detective control resolves them.
      for await (const page of watched ? control.pages() : []) {
        const toResolve = await store.mergeDetectiveFindings({
          sweepId,
          targetKey,
          now,
          findings: page,
        });
        const byId = new Map(page.map(f => [f.id, f]));
        const resolutions = toResolve.flatMap(({ id }) => {
          const finding = byId.get(id);
          if (!finding) return [];
          const key = watchKey(finding);
          return [
            {
              record: finding.record,
              state: stateOf(
                key ? watched!.get(key) : undefined,
                finding.ruleId,
              ),
            },
          ];
        });
        try {
          resolvedInSecurityHub += await control.resolve(resolutions, now);
        } catch (error) {
          if (!failures.includes(COMPLIANCE_READ_FAILURE_MESSAGES.resolve)) {
            failures.push(COMPLIANCE_READ_FAILURE_MESSAGES.resolve);
          }
        }
      }
    } catch (error) {
      failures.push(
        error instanceof ComplianceReadError
          ? error.message
          : COMPLIANCE_READ_FAILURE_MESSAGES.securityHub,
      );
    }
    await store.resolveUnseen({ sweepId, targetKey, now });
    return { read: true, failures, evaluated, resolvedInSecurityHub };
  }
}
