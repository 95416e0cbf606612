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
import type { Finding, TemplateSet } from '../template/types';
import { checkExportsAndImports } from './checkExportsAndImports';
import { checkNestedTemplates } from './checkNestedTemplates';
import { checkParameterValues } from './checkParameterValues';
import { checkReferences } from './checkReferences';
import { checkResourceSpec } from './checkResourceSpec';
import { checkStructure } from './checkStructure';
import type { ResourceSpec } from './resourceSpec';
import { emptyStats, ValidationStats } from './validationStats';

/** @public */
export interface ValidationResult {
  findings: Finding[];
  stats: ValidationStats;
}

/**
 * Runs every specification and reference check over a template set.
 *
 * @public
 */
export function validateTemplateSet(set: TemplateSet, spec: ResourceSpec): ValidationResult {
  const stats = emptyStats();
  const perTemplate = set.templates.flatMap(template => {
    stats.templates++;
    stats.resources += Object.keys(template.body.Resources ?? {}).length;
    return [
      ...checkStructure(template),
      ...checkResourceSpec(template, spec, stats),
      ...checkReferences(template, set, spec, stats),
      ...checkNestedTemplates(template, set),
      ...checkParameterValues(template, set),
    ];
  });
  return { findings: [...perTemplate, ...checkExportsAndImports(set)], stats };
}
