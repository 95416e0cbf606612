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
import { InputError } from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import {
  COMPLIANCE_FINDINGS_FILTER_KEYS,
  ComplianceActionTaken,
  ComplianceFindingView,
  ComplianceHistoryPoint,
  ComplianceSeverity,
  ComplianceSummary,
  ComplianceSweepStatus,
  sageMakerArnFor,
} from '@internal/plugin-sagemaker-studio-common';
import {
  DetectiveControlFinding,
  SweptResource,
} from '@internal/plugin-sagemaker-studio-node';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor, migratedClient } from '../database';
import { ComplianceFindingQuery } from './permissionRules';
import {
  ComplianceFailedTarget,
  ComplianceFilter,
  ComplianceResourceCount,
} from './types';
import { hasControlCharacters } from '../router/validation';

const FINDINGS = 'sagemaker_studio_compliance_findings';
const HISTORY = 'sagemaker_studio_compliance_history';
const RESOURCES = 'sagemaker_studio_compliance_resources';
const SWEEPS = 'sagemaker_studio_compliance_sweeps';

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const WRITE_BATCH = 100;
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

/** Every severity, most severe first. */
export const SEVERITIES: readonly ComplianceSeverity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
];
const RANK: Record<ComplianceSeverity, number> = {
  CRITICAL: 4,
  HIGH: 3,
  MEDIUM: 2,
  LOW: 1,
};

/** Kinds whose settings cannot change once created. */
const IMMUTABLE_KINDS = new Set([
  'TrainingJob',
  'ProcessingJob',
  'TransformJob',
  'HyperParameterTuningJob',
  'AutoMLJob',
  'Model',
  'EndpointConfig',
]);

type Timestamp = Date | string | number;

interface FindingRow {
  id: string;
  target_key: string;
  account_id: string;
  region: string;
  resource_arn: string;
  resource_kind: string;
  resource_name: string;
  resource_status: string | null;
  team: string | null;
  rule_id: string;
  title: string;
  severity: string;
  severity_rank: number;
  state: string;
  explanation: string;
  remediation: string;
  action_taken: string | null;
  action_at: Timestamp | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  resolved_at: Timestamp | null;
  sweep_id: string | null;
}

interface SweepRow {
  id: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: string;
  failed_targets: string | null;
}

function iso(value: Timestamp): string {
  return new Date(value).toISOString();
}

/** `YYYY-MM-DD` (UTC) of a time. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

function dayBounds(day: string): [Date, Date] {
  const start = new Date(`${day}T00:00:00.000Z`);
  return [start, new Date(start.getTime() + 86_400_000)];
}

/** The stable id of a finding: account, region, resource and rule. */
export function complianceFindingId(options: {
  accountId: string;
  region: string;
  resourceArn: string;
  ruleId: string;
}): string {
  return createHash('sha256')
    .update(
      [
        options.accountId,
        options.region,
        options.resourceArn.toLowerCase(),
        options.ruleId,
      ].join('\n'),
    )
    .digest('hex')
    .slice(0, 40);
}

/** What to change so the rule passes, for people. */
export function remediationText(kind: string, title: string): string {
  return IMMUTABLE_KINDS.has(kind)
    ? `Create a compliant replacement (${title}): the settings of a ${kind} cannot be changed once it exists; stop or delete this one.`
    : `Change the ${kind}'s settings so that it complies: ${title}.`;
}

function zeroes(): Record<ComplianceSeverity, number> {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
}

function scoreOf(evaluated: number, compliant: number): number | null {
  return evaluated > 0 ? Math.round((100 * compliant) / evaluated) : null;
}

function findingCursor(row: Pick<FindingRow, 'severity_rank' | 'id'>): string {
  return encodeCursor({ r: row.severity_rank, i: row.id });
}

function readFindingCursor(cursor: string): { rank: number; id: string } {
  return decodeCursor(cursor, ({ r, i }) =>
    // Only what this API gives out, so a forged cursor never reaches SQL.
    typeof r === 'number' &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 4 &&
    typeof i === 'string' &&
    /^[0-9a-f]{40}$/.test(i)
      ? { rank: r, id: i }
      : undefined,
  );
}

/** Control (NUL included) and bidi characters: PostgreSQL refuses NUL, and neither belongs in a filter. */
function checkText(field: string, value: unknown): void {
  if (typeof value !== 'string' || hasControlCharacters(value)) {
    throw new InputError(
      `${field}: must be text without control or bidi characters`,
    );
  }
}

function checkCriteria(
  criteria: PermissionCriteria<ComplianceFindingQuery>,
): void {
  if (isAndCriteria(criteria)) criteria.allOf.forEach(checkCriteria);
  else if (isOrCriteria(criteria)) criteria.anyOf.forEach(checkCriteria);
  else if (isNotCriteria(criteria)) checkCriteria(criteria.not);
  else for (const team of criteria.teams) checkText('access.teams', team);
}

/**
 * Refuses a filter holding a control or bidi character (or a non-string)
 * before any SQL is built: the routes refuse them too, this keeps other
 * callers from reaching the database with them.
 */
function checkFilter(filter: ComplianceFilter): void {
  for (const team of filter.teams ?? []) checkText('teams', team);
  if (filter.access) checkCriteria(filter.access);
  for (const field of COMPLIANCE_FINDINGS_FILTER_KEYS) {
    if (filter[field] !== undefined) checkText(field, filter[field]);
  }
}

/** Adds a permission criteria tree to a query as SQL on the `team` column. */
function whereAccess(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<ComplianceFindingQuery>,
): void {
  if (isAndCriteria(criteria)) {
    builder.where(all => {
      for (const sub of criteria.allOf) all.andWhere(q => whereAccess(q, sub));
    });
  } else if (isOrCriteria(criteria)) {
    builder.where(any => {
      for (const sub of criteria.anyOf) any.orWhere(q => whereAccess(q, sub));
    });
  } else if (isNotCriteria(criteria)) {
    builder.whereNot(q => whereAccess(q, criteria.not));
  } else if (criteria.teams.length > 0) {
    builder.whereIn('team', criteria.teams);
  } else {
    builder.whereRaw('1 = 0');
  }
}

/** Filters on what both findings and resource counts have: team, account, region. */
function whereScope(builder: Knex.QueryBuilder, filter: ComplianceFilter) {
  if (filter.teams) {
    if (filter.teams.length > 0) builder.whereIn('team', filter.teams);
    else builder.whereRaw('1 = 0');
  }
  if (filter.access) whereAccess(builder, filter.access);
  if (filter.team !== undefined) builder.where('team', filter.team);
  if (filter.accountId !== undefined) {
    builder.where('account_id', filter.accountId);
  }
  if (filter.region !== undefined) builder.where('region', filter.region);
}

/** Every filter, on the findings table. */
function whereFinding(builder: Knex.QueryBuilder, filter: ComplianceFilter) {
  whereScope(builder, filter);
  if (filter.ruleId !== undefined) builder.where('rule_id', filter.ruleId);
  if (filter.severity !== undefined) builder.where('severity', filter.severity);
  if (filter.state !== undefined) builder.where('state', filter.state);
}

function toView(row: FindingRow): ComplianceFindingView {
  return {
    id: row.id,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity as ComplianceSeverity,
    state: row.state as ComplianceFindingView['state'],
    resource: {
      kind: row.resource_kind,
      name: row.resource_name,
      arn: row.resource_arn,
      ...(row.resource_status ? { status: row.resource_status } : {}),
    },
    ...(row.team ? { team: row.team } : {}),
    accountId: row.account_id,
    region: row.region,
    explanation: row.explanation,
    remediation: row.remediation,
    ...(row.action_taken
      ? {
          action: {
            taken: row.action_taken as ComplianceActionTaken,
            ...(row.action_at ? { at: iso(row.action_at) } : {}),
          },
        }
      : {}),
    firstSeenAt: iso(row.first_seen_at),
    lastSeenAt: iso(row.last_seen_at),
    ...(row.resolved_at ? { resolvedAt: iso(row.resolved_at) } : {}),
  };
}

function actionOf(finding: DetectiveControlFinding): ComplianceActionTaken {
  if (finding.remediated && finding.remediation === 'STOP') return 'stopped';
  if (finding.remediated && finding.remediation === 'DELETE') return 'deleted';
  return 'reported';
}

const STATUS_AFTER_ACTION: Partial<Record<ComplianceActionTaken, string>> = {
  stopped: 'Stopped',
  deleted: 'Deleted',
};

/**
 * Compliance findings, their daily history and the sweep runs, in the
 * plugin's own database (SQLite locally, PostgreSQL in production).
 */
export class DatabaseComplianceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseComplianceStore> {
    return new DatabaseComplianceStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  // --- sweep runs -----------------------------------------------------

  async startSweep(now: Date): Promise<string> {
    const id = randomUUID();
    await this.db<SweepRow>(SWEEPS).insert({
      id,
      started_at: now,
      status: 'running',
    });
    return id;
  }

  async finishSweep(options: {
    id: string;
    now: Date;
    status: ComplianceSweepStatus['status'];
    failedTargets: ComplianceFailedTarget[];
  }): Promise<void> {
    await this.db<SweepRow>(SWEEPS)
      .where({ id: options.id })
      .update({
        finished_at: options.now,
        status: options.status,
        failed_targets: JSON.stringify(options.failedTargets),
      });
  }

  async latestSweep(): Promise<ComplianceSweepStatus | undefined> {
    const row = await this.db<SweepRow>(SWEEPS)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    if (!row) return undefined;
    return {
      startedAt: iso(row.started_at),
      ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
      status: row.status as ComplianceSweepStatus['status'],
      failedTargets: row.failed_targets ? JSON.parse(row.failed_targets) : [],
    };
  }

  // --- what a sweep writes ---------------------------------------------

  /**
   * Writes one page of judged resources: each failed rule of an active
   * resource is OPEN (inserted, or refreshed and reopened); the open
   * findings of a resource that is no longer active become RESOLVED with
   * its status.
   */
  async recordResources(options: {
    sweepId: string;
    targetKey: string;
    now: Date;
    resources: SweptResource[];
  }): Promise<void> {
    const { sweepId, targetKey, now, resources } = options;
    const rows: FindingRow[] = [];
    const inactive = new Map<string, string | null>();
    for (const resource of resources) {
      if (!resource.active) {
        inactive.set(resource.arn, resource.status ?? null);
        continue;
      }
      for (const finding of resource.failed) {
        rows.push({
          id: complianceFindingId({
            accountId: resource.accountId,
            region: resource.region,
            resourceArn: resource.arn,
            ruleId: finding.ruleId,
          }),
          target_key: targetKey,
          account_id: resource.accountId,
          region: resource.region,
          resource_arn: resource.arn,
          resource_kind: resource.kind,
          resource_name: resource.name,
          resource_status: resource.status ?? null,
          team: resource.team ?? null,
          rule_id: finding.ruleId,
          title: finding.title,
          severity: finding.severity,
          severity_rank: RANK[finding.severity],
          state: 'OPEN',
          explanation: finding.reason,
          remediation: remediationText(resource.kind, finding.title),
          action_taken: null,
          action_at: null,
          first_seen_at: now,
          last_seen_at: now,
          resolved_at: null,
          sweep_id: sweepId,
        });
      }
    }
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await this.db<FindingRow>(FINDINGS)
        .insert(rows.slice(i, i + WRITE_BATCH))
        .onConflict('id')
        .merge([
          'target_key',
          'resource_status',
          'resource_name',
          'team',
          'title',
          'severity',
          'severity_rank',
          'state',
          'explanation',
          'remediation',
          'last_seen_at',
          'resolved_at',
          'sweep_id',
        ]);
    }
    // Grouped by status: one UPDATE per status for the whole page.
    const byStatus = new Map<string | null, string[]>();
    for (const [arn, status] of inactive) {
      byStatus.set(status, [...(byStatus.get(status) ?? []), arn]);
    }
    for (const [status, arns] of byStatus) {
      await this.db<FindingRow>(FINDINGS)
        .where({ target_key: targetKey, state: 'OPEN' })
        .whereIn('resource_arn', arns)
        .update({
          state: 'RESOLVED',
          resolved_at: now,
          last_seen_at: now,
          ...(status ? { resource_status: status } : {}),
        });
    }
  }

  /**
   * Merges one page of the detective control's findings: their action
   * (stopped, deleted, reported) goes on the matching finding; a finding
   * the sweep did not find true is RESOLVED here (inserted when the sweep
   * never saw it, e.g. a model the control deleted). Returns the Security
   * Hub findings to resolve there (archive and workflow).
   */
  async mergeDetectiveFindings(options: {
    sweepId: string;
    targetKey: string;
    now: Date;
    findings: DetectiveControlFinding[];
  }): Promise<Array<{ id: string; productArn: string }>> {
    const { sweepId, targetKey, now } = options;
    const byId = new Map<string, DetectiveControlFinding & { arn: string }>();
    for (const finding of options.findings) {
      const arn =
        finding.resourceArn ??
        sageMakerArnFor(
          { kind: finding.resourceKind, name: finding.resourceName },
          { accountId: finding.accountId, region: finding.region },
        );
      if (!arn) continue;
      byId.set(
        complianceFindingId({
          accountId: finding.accountId,
          region: finding.region,
          resourceArn: arn,
          ruleId: finding.ruleId,
        }),
        { ...finding, arn },
      );
    }
    if (byId.size === 0) return [];
    const existing = new Map(
      (await this.db<FindingRow>(FINDINGS).whereIn('id', [...byId.keys()])).map(
        row => [row.id, row],
      ),
    );
    const toResolve: Array<{ id: string; productArn: string }> = [];
    const inserts: FindingRow[] = [];
    for (const [id, finding] of byId) {
      const taken = actionOf(finding);
      const at = finding.createdAt ? new Date(finding.createdAt) : now;
      const row = existing.get(id);
      const stillTrue = row?.sweep_id === sweepId && row.state === 'OPEN';
      // Still ACTIVE in Security Hub (GetFindings reads no other), so still
      // to archive even when someone set its workflow to RESOLVED.
      if (!stillTrue) {
        toResolve.push({ id: finding.id, productArn: finding.productArn });
      }
      if (row) {
        const changes: Partial<FindingRow> = {};
        if (row.action_taken !== taken) {
          changes.action_taken = taken;
          changes.action_at = at;
        }
        if (!stillTrue && row.state !== 'RESOLVED') {
          changes.state = 'RESOLVED';
          changes.resolved_at = now;
        }
        if (!stillTrue && !row.resource_status && STATUS_AFTER_ACTION[taken]) {
          changes.resource_status = STATUS_AFTER_ACTION[taken]!;
        }
        if (Object.keys(changes).length > 0) {
          await this.db<FindingRow>(FINDINGS).where({ id }).update(changes);
        }
        continue;
      }
      inserts.push({
        id,
        target_key: targetKey,
        account_id: finding.accountId,
        region: finding.region,
        resource_arn: finding.arn,
        resource_kind: finding.resourceKind,
        resource_name: finding.resourceName,
        resource_status: STATUS_AFTER_ACTION[taken] ?? null,
        team: finding.teamName ?? null,
        rule_id: finding.ruleId,
        title: finding.title,
        severity: finding.severity,
        severity_rank: RANK[finding.severity],
        state: 'RESOLVED',
        explanation: finding.reason,
        remediation: remediationText(finding.resourceKind, finding.title),
        action_taken: taken,
        action_at: at,
        first_seen_at: at,
        last_seen_at: at,
        resolved_at: now,
        sweep_id: null,
      });
    }
    for (let i = 0; i < inserts.length; i += WRITE_BATCH) {
      await this.db<FindingRow>(FINDINGS)
        .insert(inserts.slice(i, i + WRITE_BATCH))
        .onConflict('id')
        .ignore();
    }
    return toResolve;
  }

  /** Resolves the open findings of a target that this sweep did not find true. */
  async resolveUnseen(options: {
    sweepId: string;
    targetKey: string;
    now: Date;
  }): Promise<number> {
    return this.db<FindingRow>(FINDINGS)
      .where({ target_key: options.targetKey, state: 'OPEN' })
      .where(q =>
        q.whereNull('sweep_id').orWhereNot('sweep_id', options.sweepId),
      )
      .update({ state: 'RESOLVED', resolved_at: options.now });
  }

  /** Replaces a target's resource counts of a day. */
  async writeResourceCounts(options: {
    day: string;
    targetKey: string;
    counts: ComplianceResourceCount[];
  }): Promise<void> {
    const { day, targetKey } = options;
    await this.db.transaction(async tx => {
      await tx(RESOURCES).where({ day, target_key: targetKey }).delete();
      const rows = options.counts.map(c => ({
        day,
        target_key: targetKey,
        team: c.team ?? '',
        account_id: c.accountId,
        region: c.region,
        evaluated: c.evaluated,
        compliant: c.compliant,
      }));
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        await tx(RESOURCES).insert(rows.slice(i, i + WRITE_BATCH));
      }
    });
  }

  /**
   * Keeps a target's last known resource counts for the day, when the
   * target could not be read this time (so the score does not jump).
   */
  async carryResourceCounts(options: {
    day: string;
    targetKey: string;
  }): Promise<void> {
    const { day, targetKey } = options;
    const today = await this.db(RESOURCES)
      .where({ day, target_key: targetKey })
      .first();
    if (today) return;
    const last = await this.db(RESOURCES)
      .where({ target_key: targetKey })
      .where('day', '<', day)
      .max({ day: 'day' })
      .first();
    if (!last?.day) return;
    const rows = await this.db(RESOURCES).where({
      day: last.day,
      target_key: targetKey,
    });
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await this.db(RESOURCES).insert(
        rows.slice(i, i + WRITE_BATCH).map(row => ({ ...row, day })),
      );
    }
  }

  /** Recomputes the history of a day from the findings as they are now. */
  async writeHistory(day: string): Promise<void> {
    const [start, end] = dayBounds(day);
    const groups = ['team', 'account_id', 'region', 'rule_id', 'severity'];
    const counted = async (where: (q: Knex.QueryBuilder) => void) =>
      (await this.db(FINDINGS)
        .select(groups)
        .count({ n: '*' })
        .where(where)
        .groupBy(groups)) as Array<Record<string, string | number | null>>;
    const [open, resolved, actions] = await Promise.all([
      counted(q => q.where('state', 'OPEN')),
      counted(q =>
        q.where('resolved_at', '>=', start).andWhere('resolved_at', '<', end),
      ),
      counted(q =>
        q.where('action_at', '>=', start).andWhere('action_at', '<', end),
      ),
    ]);
    const rows = new Map<string, Record<string, string | number>>();
    const add = (
      list: Array<Record<string, string | number | null>>,
      column: 'open' | 'resolved' | 'actions',
    ) => {
      for (const r of list) {
        const key = [r.team ?? '', r.account_id, r.region, r.rule_id].join(
          '\n',
        );
        const row = rows.get(key) ?? {
          day,
          team: (r.team as string | null) ?? '',
          account_id: r.account_id as string,
          region: r.region as string,
          rule_id: r.rule_id as string,
          severity: r.severity as string,
          open: 0,
          resolved: 0,
          actions: 0,
        };
        row[column] = Number(row[column]) + Number(r.n);
        rows.set(key, row);
      }
    };
    add(open, 'open');
    add(resolved, 'resolved');
    add(actions, 'actions');
    await this.db.transaction(async tx => {
      await tx(HISTORY).where({ day }).delete();
      const list = [...rows.values()];
      for (let i = 0; i < list.length; i += WRITE_BATCH) {
        await tx(HISTORY).insert(list.slice(i, i + WRITE_BATCH));
      }
    });
  }

  // --- reads -------------------------------------------------------------

  /** Counts over the findings that match, the score of the latest sweep's day, and the latest sweep. */
  async summary(filter: ComplianceFilter): Promise<ComplianceSummary> {
    checkFilter(filter);
    const openBySeverity = zeroes();
    const open = (await this.db(FINDINGS)
      .select('severity')
      .count({ n: '*' })
      .where(q => whereFinding(q, { ...filter }))
      .where('state', 'OPEN')
      .groupBy('severity')) as Array<{ severity: string; n: string | number }>;
    for (const row of open) {
      if (row.severity in openBySeverity) {
        openBySeverity[row.severity as ComplianceSeverity] = Number(row.n);
      }
    }
    const latest = await this.db(RESOURCES).max({ day: 'day' }).first();
    let evaluated = 0;
    let compliant = 0;
    if (latest?.day) {
      const totals = await this.db(RESOURCES)
        .sum({ evaluated: 'evaluated', compliant: 'compliant' })
        .where({ day: latest.day })
        .where(q => whereScope(q, filter))
        .first();
      evaluated = Number(totals?.evaluated ?? 0);
      compliant = Number(totals?.compliant ?? 0);
    }
    const lastSweep = await this.latestSweep();
    return {
      score: scoreOf(evaluated, compliant),
      evaluatedResources: evaluated,
      openBySeverity,
      ...(lastSweep ? { lastSweep } : {}),
    };
  }

  /** Daily history over the matching findings, oldest first. */
  async history(
    filter: ComplianceFilter,
    options: { now: Date; days?: number },
  ): Promise<ComplianceHistoryPoint[]> {
    checkFilter(filter);
    const days = options.days ?? 30;
    const first = dayOf(
      new Date(options.now.getTime() - (days - 1) * 86_400_000),
    );
    const rows = (await this.db(HISTORY)
      .select('day', 'severity')
      .sum({ open: 'open', resolved: 'resolved', actions: 'actions' })
      .where('day', '>=', first)
      .where(q => whereFinding(q, { ...filter, state: undefined }))
      .groupBy('day', 'severity')) as Array<Record<string, string | number>>;
    const scores = (await this.db(RESOURCES)
      .select('day')
      .sum({ evaluated: 'evaluated', compliant: 'compliant' })
      .where('day', '>=', first)
      .where(q => whereScope(q, filter))
      .groupBy('day')) as Array<Record<string, string | number>>;
    const points = new Map<string, ComplianceHistoryPoint>();
    const point = (day: string) => {
      let p = points.get(day);
      if (!p) {
        p = {
          day,
          openBySeverity: zeroes(),
          resolved: 0,
          actions: 0,
          score: null,
        };
        points.set(day, p);
      }
      return p;
    };
    for (const row of rows) {
      const p = point(String(row.day));
      if (String(row.severity) in p.openBySeverity) {
        p.openBySeverity[row.severity as ComplianceSeverity] += Number(
          row.open,
        );
      }
      p.resolved += Number(row.resolved);
      p.actions += Number(row.actions);
    }
    for (const row of scores) {
      point(String(row.day)).score = scoreOf(
        Number(row.evaluated),
        Number(row.compliant),
      );
    }
    return [...points.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** A page of matching findings, most severe first, with a keyset cursor. */
  async listFindings(
    filter: ComplianceFilter,
    page: { cursor?: string; limit?: number } = {},
  ): Promise<{ items: ComplianceFindingView[]; nextCursor?: string }> {
    checkFilter(filter);
    const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const builder = this.db<FindingRow>(FINDINGS)
      .where(q => whereFinding(q, filter))
      .orderBy('severity_rank', 'desc')
      .orderBy('id', 'asc')
      .limit(limit + 1);
    if (page.cursor) {
      const { rank, id } = readFindingCursor(page.cursor);
      builder.where(q =>
        q
          .where('severity_rank', '<', rank)
          .orWhere(q2 =>
            q2.where('severity_rank', rank).andWhere('id', '>', id),
          ),
      );
    }
    const rows = (await builder) as FindingRow[];
    const items = rows.slice(0, limit);
    return {
      items: items.map(toView),
      ...(rows.length > limit
        ? { nextCursor: findingCursor(items[items.length - 1]) }
        : {}),
    };
  }

  /** Findings by id, in the order asked (undefined where there is none). */
  async findingsByIds(
    ids: string[],
  ): Promise<Array<ComplianceFindingView | undefined>> {
    const rows = (await this.db<FindingRow>(FINDINGS).whereIn(
      'id',
      ids,
    )) as FindingRow[];
    const byId = new Map(rows.map(row => [row.id, toView(row)]));
    return ids.map(id => byId.get(id));
  }

  /** Open findings, most severe and most recently seen first. */
  async openFindings(
    filter: ComplianceFilter,
    limit: number,
  ): Promise<ComplianceFindingView[]> {
    checkFilter(filter);
    const rows = (await this.db<FindingRow>(FINDINGS)
      .where(q => whereFinding(q, { ...filter, state: 'OPEN' }))
      .orderBy('severity_rank', 'desc')
      .orderBy('last_seen_at', 'desc')
      .orderBy('id', 'asc')
      .limit(limit)) as FindingRow[];
    return rows.map(toView);
  }

  /** Findings the detective control acted on, newest action first. */
  async recentActions(
    filter: ComplianceFilter,
    limit: number,
  ): Promise<ComplianceFindingView[]> {
    checkFilter(filter);
    const rows = (await this.db<FindingRow>(FINDINGS)
      .where(q => whereFinding(q, { ...filter, state: undefined }))
      .whereNotNull('action_taken')
      .orderBy('action_at', 'desc')
      .orderBy('id', 'asc')
      .limit(limit)) as FindingRow[];
    return rows.map(toView);
  }

  /** The values the filters can take among the findings the caller may see. */
  async facets(filter: Pick<ComplianceFilter, 'access' | 'teams'>): Promise<{
    teams: string[];
    ruleIds: string[];
    accounts: string[];
    regions: string[];
  }> {
    checkFilter(filter);
    const distinct = async (column: string) =>
      (
        (await this.db(FINDINGS)
          .distinct(column)
          .where(q => whereScope(q, filter))
          .whereNotNull(column)
          .orderBy(column)) as Array<Record<string, string>>
      ).map(row => row[column]);
    const [teams, ruleIds, accounts, regions] = await Promise.all([
      distinct('team'),
      distinct('rule_id'),
      distinct('account_id'),
      distinct('region'),
    ]);
    return { teams, ruleIds, accounts, regions };
  }
}
