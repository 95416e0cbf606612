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
  defaultComplianceRules,
  evaluateWorkload,
  failedFindings,
  remediationFor,
  sageMakerArnFor,
  teamNameOf,
  toAsffFinding,
} from '@internal/plugin-sagemaker-studio-common';
import { describeResource } from './describe';
import { parseEvent } from './parseEvent';
import { recordFindings } from './recordFindings';
import { remediate } from './remediate';
import { defaultSleep, withThrottlingRetries } from './retry';
import {
  CloudTrailEventBridgeEvent,
  DetectiveControlDeps,
  DetectiveControlLogger,
  DetectiveControlOutcome,
} from './types';

const consoleLogger: DetectiveControlLogger = {
  info: (message, meta) => console.info(message, meta ?? ''),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  error: (message, meta) => console.error(message, meta ?? ''),
};

/** The outcome of an event the handler judged nothing on and did nothing about. */
function nothingDone(
  eventName: string,
  mode: DetectiveControlOutcome['mode'],
): DetectiveControlOutcome {
  return {
    eventName,
    findings: [],
    remediation: 'NONE',
    remediated: false,
    remediationResult: 'not-needed',
    mode,
    importedFindings: 0,
    errors: [],
  };
}

/**
 * Creates the detective-control handler: for each judged SageMaker call
 * recorded by CloudTrail (`SAGEMAKER_JUDGED_EVENT_NAMES`) it evaluates the
 * shared compliance rules on the request (Create* calls) or on the resource
 * read back with its Describe* call (Update* calls, apps created without an
 * image), stops or deletes a resource that fails a `HIGH` or `CRITICAL` rule
 * (unless in `report-only` mode), and imports one Security Hub finding per
 * failed rule, recording the action taken.
 *
 * Only failures are recorded. Passed checks would be one finding per rule for
 * every job ever started, paid for and never resolved, since job names are
 * never reused; the backend sweep keeps the current state of long-lived
 * resources instead.
 *
 * The handler never throws: problems are returned in `errors`. Everything it
 * does is idempotent (Stop/Delete of something already stopped or gone
 * counts as done; findings have stable ids), so an event can be redelivered.
 *
 * @public
 */
export function createDetectiveControlHandler(
  deps: DetectiveControlDeps,
): (event: CloudTrailEventBridgeEvent) => Promise<DetectiveControlOutcome> {
  const logger = deps.logger ?? consoleLogger;
  const mode = deps.mode ?? 'enforce';
  const rules = deps.rules ?? defaultComplianceRules;
  const now = deps.now ?? (() => new Date());
  const run = <T>(call: () => Promise<T>) =>
    withThrottlingRetries(call, {
      maxAttempts: deps.maxAttempts ?? 4,
      baseDelayMs: deps.baseDelayMs ?? 200,
      sleep: deps.sleep ?? defaultSleep,
      onRetry: (attempt, delayMs, error) =>
        logger.warn('Throttled; retrying', {
          attempt,
          delayMs,
          error: (error as { name?: string }).name,
        }),
    });

  return async event => {
    const parsed = parseEvent(event, deps);
    if ('ignored' in parsed) {
      logger.info('Event ignored', {
        eventName: parsed.eventName,
        reason: parsed.ignored,
      });
      return {
        ...nothingDone(parsed.eventName, mode),
        ignored: parsed.ignored,
      };
    }

    const { eventName } = parsed;
    let workload;
    if ('describe' in parsed) {
      const ref = parsed.describe;
      const read = await describeResource(deps.sageMaker, ref, run);
      if ('gone' in read || 'error' in read) {
        const outcome: DetectiveControlOutcome = {
          ...nothingDone(eventName, mode),
          resourceKind: ref.kind,
          resourceName: ref.name,
        };
        if ('gone' in read) {
          outcome.ignored = `the ${ref.kind} no longer exists, so there is nothing to judge`;
          logger.info('Event ignored', { eventName, reason: outcome.ignored });
        } else {
          outcome.errors.push({ stage: 'describe', ...read.error });
          logger.error('Could not read the resource back', {
            eventName,
            resourceKind: ref.kind,
            resourceName: ref.name,
            operation: read.operation,
            ...read.error,
          });
        }
        return outcome;
      }
      workload = read.workload;
    } else {
      workload = parsed.workload;
    }
    const findings = evaluateWorkload(workload, rules, deps.context);
    const failed = failedFindings(findings);
    const remediation = remediationFor(workload, failed);
    const outcome: DetectiveControlOutcome = {
      eventName,
      resourceKind: workload.kind,
      resourceName: workload.name,
      findings,
      remediation,
      remediated: false,
      remediationResult: 'not-needed',
      mode,
      importedFindings: 0,
      errors: [],
    };
    const logMeta = {
      eventName,
      resourceKind: workload.kind,
      resourceName: workload.name,
    };
    if (failed.length === 0) {
      logger.info('Resource is compliant', logMeta);
      return outcome;
    }
    logger.warn('Resource is not compliant', {
      ...logMeta,
      failedRules: failed.map(f => f.ruleId),
      remediation,
      mode,
    });

    if (remediation !== 'NONE' && mode === 'report-only') {
      outcome.remediationResult = 'skipped';
    } else if (remediation !== 'NONE') {
      const result = await remediate(
        deps.sageMaker,
        workload,
        remediation,
        run,
      );
      outcome.remediated = result.remediated;
      outcome.remediationResult = result.result;
      if (result.error) {
        outcome.errors.push({ stage: 'remediation', ...result.error });
        logger.error('Remediation failed', {
          ...logMeta,
          operation: result.operation,
          ...result.error,
        });
      } else {
        logger.info(
          result.remediated ? 'Remediated' : 'Nothing left to remediate',
          {
            ...logMeta,
            operation: result.operation,
            result: result.result,
          },
        );
      }
    }

    const location = { accountId: deps.accountId, region: deps.region };
    const resourceArn = sageMakerArnFor(workload, location);
    const observedAt = now();
    const asff = failed.map(finding =>
      toAsffFinding(finding, {
        ...location,
        productArn: deps.productArn,
        resourceArn,
        now: observedAt,
        teamName: teamNameOf(workload),
        remediation,
        remediated: outcome.remediated,
      }),
    );
    const recorded = await recordFindings(deps.securityHub, asff, run);
    outcome.importedFindings = recorded.imported;
    outcome.errors.push(...recorded.errors);
    for (const error of recorded.errors) {
      logger.error('Security Hub did not import a finding', {
        ...logMeta,
        ...error,
      });
    }
    return outcome;
  };
}
