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

import { ComplianceSeverity } from './compliance/types';

/**
 * Whether a finding is still true. `RESOLVED` findings were true once: the
 * resource was stopped, deleted or fixed since.
 *
 * @public
 */
export type ComplianceFindingState = 'OPEN' | 'RESOLVED';

/**
 * What was done about a finding: the detective control stopped or deleted
 * the resource, or only reported it.
 *
 * @public
 */
export type ComplianceActionTaken = 'stopped' | 'deleted' | 'reported';

/**
 * One finding as the compliance routes return it: one rule failed by one
 * resource. AWS error text never appears here.
 *
 * @public
 */
export interface ComplianceFindingView {
  /** Opaque, stable id of the finding. */
  id: string;
  ruleId: string;
  /** The rule title. */
  title: string;
  severity: ComplianceSeverity;
  state: ComplianceFindingState;
  resource: {
    /** A compliance workload kind, e.g. `TrainingJob`. */
    kind: string;
    name: string;
    arn?: string;
    /** The resource's status when last read, e.g. `InProgress`, `Stopped`, `Deleted`. */
    status?: string;
  };
  /** The team the resource is attributed to (its `TeamName` tag, else its execution role's team). */
  team?: string;
  accountId: string;
  region: string;
  /** Why the rule failed, naming the setting. */
  explanation: string;
  /** What to change so the rule passes. */
  remediation: string;
  /** What the detective control did, when it acted. */
  action?: {
    taken: ComplianceActionTaken;
    /** ISO 8601. */
    at?: string;
  };
  /** ISO 8601. */
  firstSeenAt: string;
  /** ISO 8601. */
  lastSeenAt: string;
  /** ISO 8601, set once the finding is `RESOLVED`. */
  resolvedAt?: string;
}

/**
 * The outcome of the latest sweep, so a page can say how fresh it is and
 * which account or region could not be read.
 *
 * @public
 */
export interface ComplianceSweepStatus {
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; absent while running. */
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  /** Accounts and regions that could not be read; fixed messages, never AWS text. */
  failedTargets: Array<{ accountId: string; region: string; message: string }>;
}

/**
 * Counts over a set of findings.
 *
 * @public
 */
export interface ComplianceSummary {
  /**
   * Percentage (0-100, whole) of evaluated resources with no open finding;
   * null when nothing was evaluated yet.
   */
  score: number | null;
  /** Resources evaluated by the latest sweep. */
  evaluatedResources: number;
  /** Open findings per severity (every severity present, 0 when none). */
  openBySeverity: Record<ComplianceSeverity, number>;
  lastSweep?: ComplianceSweepStatus;
}

/**
 * One day of the history kept by the sweep.
 *
 * @public
 */
export interface ComplianceHistoryPoint {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** Open findings per severity at the end of that day's last sweep. */
  openBySeverity: Record<ComplianceSeverity, number>;
  /** Findings resolved that day. */
  resolved: number;
  /** Actions the detective control took that day. */
  actions: number;
  /** The score at the end of that day, see {@link ComplianceSummary.score}. */
  score: number | null;
}

/**
 * `GET /entity/:namespace/:kind/:name/compliance`: a team's (Group or team
 * environment) or a user's compliance.
 *
 * @public
 */
export interface EntityComplianceResponse {
  /** The teams whose resources are counted. */
  teams: string[];
  summary: ComplianceSummary;
  /** Open findings, most severe first. */
  findings: ComplianceFindingView[];
  /** The latest actions the detective control took, newest first. */
  recentActions: ComplianceFindingView[];
  /** Daily history, oldest first, at most 30 days. */
  history: ComplianceHistoryPoint[];
}

/**
 * Filters of `GET /compliance/findings` (admins only). Every filter is
 * optional; several filters combine with AND.
 *
 * @public
 */
export interface ComplianceFindingsQuery {
  team?: string;
  ruleId?: string;
  severity?: ComplianceSeverity;
  accountId?: string;
  region?: string;
  state?: ComplianceFindingState;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  /** Page size, 1-100, default 25. */
  limit?: number;
}

/**
 * The filter fields of {@link ComplianceFindingsQuery} (every field but the
 * paging), in a stable order: the query string, the store's checks and the
 * page's filters all list them from here.
 *
 * @public
 */
export const COMPLIANCE_FINDINGS_FILTER_KEYS = [
  'team',
  'ruleId',
  'severity',
  'accountId',
  'region',
  'state',
] as const satisfies ReadonlyArray<keyof ComplianceFindingsQuery>;

/**
 * A page of `GET /compliance/findings`.
 *
 * @public
 */
export interface ComplianceFindingsPage {
  items: ComplianceFindingView[];
  nextCursor?: string;
  /** Over every finding that matches the filters (not only this page). */
  summary: ComplianceSummary;
  /** Daily history over the matching findings, oldest first, at most 30 days. */
  history: ComplianceHistoryPoint[];
  /** Values the filters can take, for the page's selects. */
  facets: {
    teams: string[];
    ruleIds: string[];
    accounts: string[];
    regions: string[];
  };
}
