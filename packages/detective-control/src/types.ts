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

import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { RemediationResultKind } from './remediate';
import type {
  ComplianceContext,
  ComplianceFinding,
  ComplianceRule,
  RemediationAction,
  SageMakerWorkloadKind,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * An EventBridge event for an API call recorded by CloudTrail, as far as the
 * detective control reads it. Every field is optional because the handler
 * must survive malformed input.
 *
 * @public
 */
export interface CloudTrailEventBridgeEvent {
  version?: string;
  id?: string;
  'detail-type'?: string;
  source?: string;
  account?: string;
  time?: string;
  region?: string;
  resources?: string[];
  detail?: {
    eventSource?: string;
    eventName?: string;
    eventID?: string;
    eventTime?: string;
    awsRegion?: string;
    recipientAccountId?: string;
    /** Present when the API call failed; such events are ignored. */
    errorCode?: string;
    errorMessage?: string;
    /** The API request, in lowerCamelCase. */
    requestParameters?: unknown;
    /** The API response, in lowerCamelCase; carries the new resource's ARN. */
    responseElements?: unknown;
    userIdentity?: unknown;
    [key: string]: unknown;
  };
}

/**
 * Where log lines go. Compatible with the Backstage logger and `console`.
 *
 * @public
 */
export interface DetectiveControlLogger {
  info(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  error(message: string, meta?: object): void;
}

/**
 * `enforce` stops or deletes non-compliant resources and records findings;
 * `report-only` records findings only.
 *
 * @public
 */
export type RemediationMode = 'enforce' | 'report-only';

/**
 * What {@link createDetectiveControlHandler} needs.
 *
 * @public
 */
export interface DetectiveControlDeps {
  /** Client for Describe*, Stop* and Delete* calls, in the account and region watched. */
  sageMaker: SageMakerClient;
  /** Client for `BatchImportFindings`, in the same account and region. */
  securityHub: SecurityHubClient;
  /** The account the clients act in; events from other accounts are ignored. */
  accountId: string;
  /** The region the clients act in; events from other regions are ignored. */
  region: string;
  /** Defaults to `console`. */
  logger?: DetectiveControlLogger;
  /** Defaults to `enforce`. */
  mode?: RemediationMode;
  /** Settings for the rules: approved subnets, security groups, images, execution roles, shared spaces. */
  context?: ComplianceContext;
  /** Rules to apply; defaults to the shared default rules. */
  rules?: readonly ComplianceRule[];
  /** Security Hub product ARN; defaults to the account's default product. */
  productArn?: string;
  /** Attempts per AWS call when throttled (default 4). */
  maxAttempts?: number;
  /** Base backoff delay in milliseconds, doubled per attempt with jitter (default 200). */
  baseDelayMs?: number;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: the clock used for finding timestamps. */
  now?: () => Date;
}

/**
 * One thing that went wrong while handling an event.
 *
 * @public
 */
export interface DetectiveControlError {
  /** Which step failed: reading the resource back, stopping or deleting it, or recording findings. */
  stage: 'describe' | 'remediation' | 'securityhub';
  /** The AWS error name, or the Security Hub per-finding error code. */
  code?: string;
  message: string;
  /** The Security Hub finding id, for per-finding import failures. */
  findingId?: string;
}

/**
 * What the handler did with one event.
 *
 * @public
 */
export interface DetectiveControlOutcome {
  /** The CloudTrail event name, or an empty string when there was none. */
  eventName: string;
  /** Set when the event was not acted on, saying why. */
  ignored?: string;
  /** The kind of resource the event created or changed. */
  resourceKind?: SageMakerWorkloadKind;
  /** The name of the resource the event created or changed. */
  resourceName?: string;
  /** Every rule evaluated, including passed and not-applicable ones. */
  findings: ComplianceFinding[];
  /** What the remediation policy decided (also in report-only mode). */
  remediation: RemediationAction;
  /**
   * Whether the remediation took effect: the resource was stopped or deleted
   * by this or an earlier delivery of the event. False when nothing was
   * needed, in report-only mode, when the job had already finished on its
   * own, and when the call failed.
   */
  remediated: boolean;
  /** What became of the remediation, in more detail. */
  remediationResult: RemediationResultKind;
  /** The mode the handler ran in. */
  mode: RemediationMode;
  /** How many findings Security Hub accepted. */
  importedFindings: number;
  /** Failures; the event should be retried when this is not empty. */
  errors: DetectiveControlError[];
}
