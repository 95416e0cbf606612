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

import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { ComplianceContext } from '@internal/plugin-sagemaker-studio-common';
import { createDetectiveControlHandler } from './createDetectiveControlHandler';
import {
  CloudTrailEventBridgeEvent,
  DetectiveControlOutcome,
  RemediationMode,
} from './types';

type Env = Record<string, string | undefined>;

function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/**
 * Reads the remediation mode: `REMEDIATION_MODE` (`enforce` |
 * `report-only`), or the CloudFormation template's `ENFORCEMENT_MODE`
 * (`enforce` | `report`). Anything else is an error, because silently
 * enforcing (or not) on a typo is worse than failing to start.
 */
export function readMode(env: Env): RemediationMode {
  const raw = (
    env.REMEDIATION_MODE ??
    env.ENFORCEMENT_MODE ??
    'enforce'
  ).trim();
  if (raw === 'enforce') {
    return 'enforce';
  }
  if (raw === 'report-only' || raw === 'report') {
    return 'report-only';
  }
  throw new Error(
    `REMEDIATION_MODE must be enforce or report-only, not "${raw}"`,
  );
}

/**
 * Reads the rules' settings: `APPROVED_SUBNET_IDS`,
 * `APPROVED_SECURITY_GROUP_IDS`, `APPROVED_IMAGE_ARNS`,
 * `APPROVED_IMAGE_NAMES`, `APPROVED_EXECUTION_ROLE_ARNS` (comma-separated;
 * empty or unset means "not configured") and `ALLOW_SHARED_SPACES`
 * (`true` / `false`; unset means "not configured").
 */
export function readContext(env: Env): ComplianceContext {
  const context: ComplianceContext = {};
  const lists = {
    allowedSubnetIds: list(env.APPROVED_SUBNET_IDS),
    allowedSecurityGroupIds: list(env.APPROVED_SECURITY_GROUP_IDS),
    approvedImageArns: list(env.APPROVED_IMAGE_ARNS),
    approvedImageNames: list(env.APPROVED_IMAGE_NAMES),
    allowedExecutionRoleArns: list(env.APPROVED_EXECUTION_ROLE_ARNS),
  };
  for (const [key, value] of Object.entries(lists)) {
    if (value) {
      (context as Record<string, readonly string[]>)[key] = value;
    }
  }
  const shared = (env.ALLOW_SHARED_SPACES ?? '').trim();
  if (shared === 'true' || shared === 'false') {
    context.allowSharedSpaces = shared === 'true';
  } else if (shared !== '') {
    throw new Error(
      `ALLOW_SHARED_SPACES must be true or false, not "${shared}"`,
    );
  }
  return context;
}

let clients:
  | { sageMaker: SageMakerClient; securityHub: SecurityHubClient }
  | undefined;

function clientsFor(env: Env, region: string) {
  // Built once per Lambda container so warm invocations reuse connections.
  if (!clients) {
    clients = {
      sageMaker: new SageMakerClient({
        region,
        ...(env.SAGEMAKER_ENDPOINT ? { endpoint: env.SAGEMAKER_ENDPOINT } : {}),
      }),
      securityHub: new SecurityHubClient({
        region,
        ...(env.SECURITYHUB_ENDPOINT
          ? { endpoint: env.SECURITYHUB_ENDPOINT }
          : {}),
      }),
    };
  }
  return clients;
}

/** For tests: forget the cached clients. */
export function resetClientsForTesting() {
  clients = undefined;
}

/** For tests: the cached clients. */
export function clientsForTesting() {
  return clients;
}

/**
 * Handles one event with settings from `env`; throws when the outcome has
 * errors, so Lambda retries the event and finally sends it to the
 * dead-letter queue.
 */
export async function handleWithEnv(
  event: CloudTrailEventBridgeEvent,
  env: Env,
): Promise<DetectiveControlOutcome> {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new Error('AWS_REGION is not set');
  }
  const accountId =
    env.ACCOUNT_ID ?? event?.detail?.recipientAccountId ?? event?.account;
  if (!accountId) {
    throw new Error('ACCOUNT_ID is not set and the event names no account');
  }
  const handle = createDetectiveControlHandler({
    ...clientsFor(env, region),
    accountId,
    region,
    mode: readMode(env),
    context: readContext(env),
    productArn: env.SECURITY_HUB_PRODUCT_ARN || undefined,
  });
  const outcome = await handle(event);
  if (outcome.errors.length > 0) {
    throw new Error(
      `Detective control failed for ${outcome.eventName} ${
        outcome.resourceName ?? ''
      }: ${outcome.errors
        .map(e => `${e.stage}: ${e.code ?? ''} ${e.message}`)
        .join('; ')}`,
    );
  }
  return outcome;
}

/**
 * The Lambda entry point (`index.handler`). Environment: `AWS_REGION`
 * (set by Lambda), optional `ACCOUNT_ID` (else read from the event),
 * `REMEDIATION_MODE` (`enforce` | `report-only`; `ENFORCEMENT_MODE` with
 * `enforce` | `report` is also read), `APPROVED_SUBNET_IDS`,
 * `APPROVED_SECURITY_GROUP_IDS`, `SECURITY_HUB_PRODUCT_ARN`, and endpoint
 * overrides `SAGEMAKER_ENDPOINT` / `SECURITYHUB_ENDPOINT`.
 *
 * @public
 */
export const handler = (
  event: CloudTrailEventBridgeEvent,
): Promise<DetectiveControlOutcome> => handleWithEnv(event, process.env);
