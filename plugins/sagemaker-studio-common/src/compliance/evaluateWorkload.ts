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

import { defaultComplianceRules } from './rules';
import {
  ComplianceContext,
  ComplianceFinding,
  ComplianceRule,
  ComplianceSeverity,
  SageMakerWorkload,
} from './types';

/**
 * Runs every rule that applies to the workload's kind and returns one
 * finding per rule, including `PASSED` and `NOT_APPLICABLE` ones. A rule that
 * throws (a bug in a custom rule) is reported as `FAILED` with the error in
 * the reason, rather than silently passing.
 *
 * @public
 */
export function evaluateWorkload(
  workload: SageMakerWorkload,
  rules: readonly ComplianceRule[] = defaultComplianceRules,
  context?: ComplianceContext,
): ComplianceFinding[] {
  return rules
    .filter(rule => rule.appliesTo.includes(workload.kind))
    .map(rule => {
      let status: ComplianceFinding['status'];
      let reason: string;
      try {
        ({ status, reason } = rule.evaluate(workload, context));
      } catch (error) {
        status = 'FAILED';
        reason = `The rule could not be evaluated: ${String(error)}`;
      }
      const finding: ComplianceFinding = {
        ruleId: rule.id,
        title: rule.title,
        severity: rule.severity,
        status,
        reason,
        resourceKind: workload.kind,
        resourceName: workload.name,
      };
      if (workload.arn) {
        finding.resourceArn = workload.arn;
      }
      return finding;
    });
}

/**
 * The findings that failed.
 *
 * @public
 */
export function failedFindings(
  findings: readonly ComplianceFinding[],
): ComplianceFinding[] {
  return findings.filter(f => f.status === 'FAILED');
}

const SEVERITY_RANK: Record<ComplianceSeverity, number> = {
  LOW: 1,
  MEDIUM: 2,
  HIGH: 3,
  CRITICAL: 4,
};

/**
 * Compares severities: positive when `a` is more severe than `b`.
 *
 * @public
 */
export function compareSeverity(
  a: ComplianceSeverity,
  b: ComplianceSeverity,
): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}
