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
import { isPlainObject, visitIntrinsics } from '../template/intrinsics';
import type { Finding, ParsedTemplate, TemplateSet } from '../template/types';
import {
  isOpaquePattern,
  NamePattern,
  namePattern,
  patternsOverlap,
  patternText,
} from './namePattern';

interface Export {
  template: ParsedTemplate;
  output: string;
  pattern: NamePattern;
}

function collectExports(set: TemplateSet): Export[] {
  return set.templates.flatMap(template =>
    Object.entries(template.body.Outputs ?? {}).flatMap(([output, declaration]) => {
      if (!isPlainObject(declaration) || !isPlainObject(declaration.Export)) return [];
      const pattern = namePattern(declaration.Export.Name);
      return pattern ? [{ template, output, pattern }] : [];
    }),
  );
}

function duplicateExportFindings(exports: Export[]): Finding[] {
  const findings: Finding[] = [];
  exports.forEach((current, index) => {
    const earlier = exports.slice(0, index).find(other => {
      if (patternText(other.pattern) !== patternText(current.pattern)) return false;
      // Names built from the stack name differ between stacks, but not
      // between two outputs of one stack.
      return other.template === current.template || !current.pattern.stackUnique;
    });
    if (earlier) {
      findings.push({
        file: current.template.file,
        logicalId: current.output,
        check: 'export/duplicate',
        message: `export name ${patternText(current.pattern)} is also exported by ${earlier.template.file} output ${earlier.output}`,
      });
    }
  });
  return findings;
}

function missingImportFindings(set: TemplateSet, exports: Export[]): Finding[] {
  const findings: Finding[] = [];
  for (const template of set.templates) {
    const sections: Array<[string, Record<string, unknown> | undefined]> = [
      ['Resources', template.body.Resources],
      ['Outputs', template.body.Outputs],
    ];
    for (const [, entries] of sections) {
      for (const [logicalId, declaration] of Object.entries(entries ?? {})) {
        visitIntrinsics(declaration, (name, argument) => {
          if (name !== 'Fn::ImportValue') return;
          const wanted = namePattern(argument);
          if (!wanted || isOpaquePattern(wanted)) return;
          const found = exports.some(
            candidate => candidate.template !== template && patternsOverlap(candidate.pattern, wanted),
          );
          if (!found) {
            findings.push({
              file: template.file,
              logicalId,
              check: 'import/not-exported',
              message: `Fn::ImportValue ${patternText(wanted)} matches no export of any other template in the set`,
            });
          }
        });
      }
    }
  }
  return findings;
}

/**
 * Checks, across the whole set, that export names are unique and that every
 * `Fn::ImportValue` whose name can be known matches some export. Parameter
 * and pseudo-parameter substitutions act as wildcards on both sides.
 *
 * @public
 */
export function checkExportsAndImports(set: TemplateSet): Finding[] {
  const exports = collectExports(set);
  return [...duplicateExportFindings(exports), ...missingImportFindings(set, exports)];
}
