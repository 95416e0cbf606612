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
import { loadTemplateSet } from '../template/loadTemplateSet';
import type { Finding } from '../template/types';
import { runSecurityRules, SECURITY_RULES } from '../rules';
import { loadResourceSpec } from '../validate/resourceSpec';
import { validateTemplateSet } from '../validate/validateTemplateSet';
import type { ValidationStats } from '../validate/validationStats';

/** @public */
export interface ValidateOptions {
  dir: string;
  /** Skip the security rules and run only the specification checks. */
  specOnly?: boolean;
}

/** @public */
export interface ValidateReport {
  findings: Finding[];
  stats: ValidationStats & { rules: number };
}

/** `file: LogicalId: reason [check]` */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.logicalId}: ${finding.message} [${finding.check}]`;
}

/**
 * Validates every template below a directory against the specification and
 * runs the security rules over the set.
 *
 * @public
 */
export async function validateDirectory(options: ValidateOptions): Promise<ValidateReport> {
  const [{ set, parseFindings }, spec] = await Promise.all([loadTemplateSet(options.dir), loadResourceSpec()]);
  const { findings, stats } = validateTemplateSet(set, spec);
  const ruleFindings = options.specOnly ? [] : runSecurityRules({ set, spec });
  return {
    findings: [...parseFindings, ...findings, ...ruleFindings],
    stats: { ...stats, templates: stats.templates + parseFindings.length, rules: options.specOnly ? 0 : SECURITY_RULES.length },
  };
}

export function summaryLine(report: ValidateReport): string {
  const { stats, findings } = report;
  const errors = findings.length;
  return (
    `${errors === 0 ? 'OK' : 'FAILED'}: ${stats.templates} templates, ${stats.resources} resources, ` +
    `${stats.propertyValues} property values and ${stats.intrinsicReferences} references checked, ` +
    `${stats.rules} security rules; ${errors} error${errors === 1 ? '' : 's'}`
  );
}
