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

import { field, isRecord, str } from './fields';
import type { ComplianceActionTaken } from '../complianceApi';
import { actionTakenFor } from './remediation';
import {
  SAGEMAKER_WORKLOAD_KINDS,
  ComplianceFinding,
  ComplianceSeverity,
  ComplianceStatus,
  RemediationAction,
  SageMakerWorkloadKind,
} from './types';

/**
 * Security Hub severity labels.
 *
 * @public
 */
export type AsffSeverityLabel = ComplianceSeverity | 'INFORMATIONAL';

/**
 * Security Hub compliance statuses.
 *
 * @public
 */
export type AsffComplianceStatus =
  | 'PASSED'
  | 'WARNING'
  | 'FAILED'
  | 'NOT_AVAILABLE';

/**
 * The subset of the AWS Security Finding Format (ASFF) that this product
 * writes, as a plain object. It is assignable to the SDK's
 * `AwsSecurityFinding`, without depending on the SDK.
 *
 * @public
 */
export interface AsffFinding {
  SchemaVersion: '2018-10-08';
  Id: string;
  ProductArn: string;
  GeneratorId: string;
  AwsAccountId: string;
  Region: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: AsffSeverityLabel };
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string } };
  ProductFields: Record<string, string>;
  Resources: Array<{
    Type: string;
    Id: string;
    Partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
    Region?: string;
  }>;
  Compliance: { Status: AsffComplianceStatus };
  RecordState: 'ACTIVE' | 'ARCHIVED';
}

/**
 * Options for {@link toAsffFinding}.
 *
 * @public
 */
export interface ToAsffFindingOptions {
  /** Account the resource lives in. */
  accountId: string;
  /** Region the resource lives in. */
  region: string;
  /** Defaults to the account's default product, `arn:aws:securityhub:<region>:<account>:product/<account>/default`. */
  productArn?: string;
  /** Defaults to `sagemaker-studio/<ruleId>`. */
  generatorId?: string;
  /** Defaults to the finding's `resourceArn`; needed for a stable finding id. */
  resourceArn?: string;
  /** When the finding was observed (`CreatedAt` and `UpdatedAt`). */
  now: Date | string;
  /** The team that owns the resource, if known. */
  teamName?: string;
  /** What the remediation policy decided for the resource. */
  remediation?: RemediationAction;
  /** Whether that remediation was carried out. */
  remediated?: boolean;
  /** Defaults to `aws`. */
  partition?: 'aws' | 'aws-cn' | 'aws-us-gov';
}

/**
 * Keys under `ProductFields` that this product writes:
 *
 * - `RuleId`, `RuleSeverity`, `ResourceKind`, `ResourceName`, `TeamName`:
 *   what was judged;
 * - `Remediation` (`STOP` | `DELETE` | `NONE`): what the policy decided;
 *   `Remediated` (`true` | `false`): whether it took effect;
 * - `Action` (`stopped` | `deleted` | `reported`, failed findings only): the
 *   two above as the action taken ({@link ComplianceActionTaken});
 *   `ActionAt` (ISO 8601, with `stopped` and `deleted`): when the finding
 *   recording that action was written;
 * - `Resolution` (`stopped` | `deleted` | `compliant`): set by
 *   `resolveFinding` when the finding no longer holds, saying why.
 *
 * @public
 */
export const ASFF_PRODUCT_FIELDS = {
  ruleId: 'sagemaker-studio/RuleId',
  ruleSeverity: 'sagemaker-studio/RuleSeverity',
  resourceKind: 'sagemaker-studio/ResourceKind',
  resourceName: 'sagemaker-studio/ResourceName',
  remediation: 'sagemaker-studio/Remediation',
  remediated: 'sagemaker-studio/Remediated',
  teamName: 'sagemaker-studio/TeamName',
  action: 'sagemaker-studio/Action',
  actionAt: 'sagemaker-studio/ActionAt',
  resolution: 'sagemaker-studio/Resolution',
} as const;

/**
 * The ASFF finding type used for every rule.
 *
 * @public
 */
export const ASFF_FINDING_TYPE =
  'Software and Configuration Checks/AWS Security Best Practices';

/** Kinds whose settings cannot be updated after creation. */
const IMMUTABLE_KINDS: ReadonlySet<SageMakerWorkloadKind> =
  new Set<SageMakerWorkloadKind>([
    'TrainingJob',
    'ProcessingJob',
    'TransformJob',
    'HyperParameterTuningJob',
    'AutoMLJob',
    'Model',
    'EndpointConfig',
  ]);

const TITLE_LIMIT = 256;
const DESCRIPTION_LIMIT = 1024;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

const COMPLIANCE_STATUS: Record<ComplianceStatus, AsffComplianceStatus> = {
  PASSED: 'PASSED',
  FAILED: 'FAILED',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
};

/**
 * Maps a finding to an ASFF finding for `BatchImportFindings`.
 *
 * The `Id` is derived from account, region, rule and resource, so importing
 * the same finding twice (a retried event, the next sweep) updates one
 * Security Hub finding instead of creating another. Findings that did not
 * fail get the `INFORMATIONAL` label; the rule's own severity stays in
 * `ProductFields`.
 *
 * @public
 */
export function toAsffFinding(
  finding: ComplianceFinding,
  options: ToAsffFindingOptions,
): AsffFinding {
  const { accountId, region } = options;
  const partition = options.partition ?? 'aws';
  const now =
    typeof options.now === 'string' ? options.now : options.now.toISOString();
  const resourceId =
    options.resourceArn ??
    finding.resourceArn ??
    `${finding.resourceKind}/${finding.resourceName}`;
  const productFields: Record<string, string> = {
    [ASFF_PRODUCT_FIELDS.ruleId]: finding.ruleId,
    [ASFF_PRODUCT_FIELDS.ruleSeverity]: finding.severity,
    [ASFF_PRODUCT_FIELDS.resourceKind]: finding.resourceKind,
    [ASFF_PRODUCT_FIELDS.resourceName]: finding.resourceName,
    [ASFF_PRODUCT_FIELDS.remediation]: options.remediation ?? 'NONE',
  };
  if (options.remediated !== undefined) {
    productFields[ASFF_PRODUCT_FIELDS.remediated] = String(options.remediated);
  }
  if (options.teamName) {
    productFields[ASFF_PRODUCT_FIELDS.teamName] = options.teamName;
  }
  if (finding.status === 'FAILED') {
    const action = actionTakenFor(
      options.remediation ?? 'NONE',
      options.remediated,
    );
    productFields[ASFF_PRODUCT_FIELDS.action] = action;
    if (action !== 'reported') {
      productFields[ASFF_PRODUCT_FIELDS.actionAt] = now;
    }
  }
  return {
    SchemaVersion: '2018-10-08',
    Id: `sagemaker-studio/${accountId}/${region}/${finding.ruleId}/${resourceId}`,
    ProductArn:
      options.productArn ??
      `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`,
    GeneratorId: options.generatorId ?? `sagemaker-studio/${finding.ruleId}`,
    AwsAccountId: accountId,
    Region: region,
    Types: [ASFF_FINDING_TYPE],
    CreatedAt: now,
    UpdatedAt: now,
    Severity: {
      Label: finding.status === 'FAILED' ? finding.severity : 'INFORMATIONAL',
    },
    Title: clip(finding.title, TITLE_LIMIT),
    Description: clip(
      `${finding.resourceKind} ${finding.resourceName}: ${finding.reason}`,
      DESCRIPTION_LIMIT,
    ),
    Remediation: {
      Recommendation: {
        Text: clip(
          `Make the ${finding.resourceKind} comply: ${finding.title}.${
            IMMUTABLE_KINDS.has(finding.resourceKind)
              ? ' Jobs, models and endpoint configurations cannot be changed once created; create a compliant one instead.'
              : ''
          }`,
          512,
        ),
      },
    },
    ProductFields: productFields,
    Resources: [
      {
        Type:
          finding.resourceKind === 'NotebookInstance'
            ? 'AwsSageMakerNotebookInstance'
            : 'Other',
        Id: resourceId,
        Partition: partition,
        Region: region,
      },
    ],
    Compliance: { Status: COMPLIANCE_STATUS[finding.status] },
    RecordState: 'ACTIVE',
  };
}

/**
 * A finding read back from Security Hub.
 *
 * @public
 */
export interface DecodedAsffFinding {
  /** The Security Hub finding id. */
  id: string;
  /** The compliance finding it was made from. */
  finding: ComplianceFinding;
  accountId: string;
  region?: string;
  createdAt?: string;
  updatedAt?: string;
  teamName?: string;
  remediation?: RemediationAction;
  remediated?: boolean;
  /** What was done to the resource (failed findings). */
  action?: ComplianceActionTaken;
  /** When the action was recorded (`stopped` / `deleted`), ISO 8601. */
  actionAt?: string;
  /** Why the finding was resolved, when `resolveFinding` resolved it. */
  resolution?: string;
  /** `ACTIVE` or `ARCHIVED`. */
  recordState?: string;
  /** `Workflow.Status`, when Security Hub returned one. */
  workflowStatus?: string;
  /** `ProductArn` of the finding. */
  productArn?: string;
  /** `GeneratorId` of the finding. */
  generatorId?: string;
}

const SEVERITIES: readonly ComplianceSeverity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
];
const REMEDIATIONS: readonly RemediationAction[] = ['STOP', 'DELETE', 'NONE'];
const ACTIONS: readonly ComplianceActionTaken[] = [
  'stopped',
  'deleted',
  'reported',
];

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  return typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/**
 * Reads back a finding written by {@link toAsffFinding}, from an SDK
 * `AwsSecurityFinding` or the plain object. Returns undefined for findings
 * that other products wrote or that lack the fields this product sets.
 *
 * @public
 */
export function fromAsffFinding(asff: unknown): DecodedAsffFinding | undefined {
  if (!isRecord(asff)) {
    return undefined;
  }
  const fields = field(asff, 'ProductFields');
  const ruleId = str(field(fields, ASFF_PRODUCT_FIELDS.ruleId));
  const severity = oneOf(
    field(fields, ASFF_PRODUCT_FIELDS.ruleSeverity),
    SEVERITIES,
  );
  const resourceKind = oneOf<SageMakerWorkloadKind>(
    field(fields, ASFF_PRODUCT_FIELDS.resourceKind),
    SAGEMAKER_WORKLOAD_KINDS,
  );
  const resourceName = str(field(fields, ASFF_PRODUCT_FIELDS.resourceName));
  const id = str(field(asff, 'Id'));
  const accountId = str(field(asff, 'AwsAccountId'));
  if (
    !ruleId ||
    !severity ||
    !resourceKind ||
    !resourceName ||
    !id ||
    !accountId
  ) {
    return undefined;
  }
  const complianceStatus = str(field(field(asff, 'Compliance'), 'Status'));
  const status: ComplianceStatus =
    complianceStatus === 'PASSED' || complianceStatus === 'FAILED'
      ? complianceStatus
      : 'NOT_APPLICABLE';
  const description = str(field(asff, 'Description')) ?? '';
  const prefix = `${resourceKind} ${resourceName}: `;
  const resources = field(asff, 'Resources');
  const resourceArn = Array.isArray(resources)
    ? str(field(resources[0], 'Id'))
    : undefined;
  const finding: ComplianceFinding = {
    ruleId,
    title: str(field(asff, 'Title')) ?? ruleId,
    severity,
    status,
    reason: description.startsWith(prefix)
      ? description.slice(prefix.length)
      : description,
    resourceKind,
    resourceName,
  };
  if (resourceArn && resourceArn.startsWith('arn:')) {
    finding.resourceArn = resourceArn;
  }
  const remediatedText = str(field(fields, ASFF_PRODUCT_FIELDS.remediated));
  const decoded: DecodedAsffFinding = {
    id,
    finding,
    accountId,
    region: str(field(asff, 'Region')),
    createdAt: str(field(asff, 'CreatedAt')),
    updatedAt: str(field(asff, 'UpdatedAt')),
    teamName: str(field(fields, ASFF_PRODUCT_FIELDS.teamName)),
    remediation: oneOf(
      field(fields, ASFF_PRODUCT_FIELDS.remediation),
      REMEDIATIONS,
    ),
    remediated:
      remediatedText === undefined ? undefined : remediatedText === 'true',
    action: oneOf(field(fields, ASFF_PRODUCT_FIELDS.action), ACTIONS),
    actionAt: str(field(fields, ASFF_PRODUCT_FIELDS.actionAt)),
    resolution: str(field(fields, ASFF_PRODUCT_FIELDS.resolution)),
    recordState: str(field(asff, 'RecordState')),
    workflowStatus: str(field(field(asff, 'Workflow'), 'Status')),
    productArn: str(field(asff, 'ProductArn')),
    generatorId: str(field(asff, 'GeneratorId')),
  };
  return Object.fromEntries(
    Object.entries(decoded).filter(([, v]) => v !== undefined),
  ) as unknown as DecodedAsffFinding;
}
