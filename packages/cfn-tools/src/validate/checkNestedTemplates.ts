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
import { isPlainObject } from '../template/intrinsics';
import {
  nestedStacks,
  resolveTemplateReference,
} from '../template/nestedStacks';
import { productArtifactUrls } from '../template/productArtifacts';
import type { Finding, ParsedTemplate, TemplateSet } from '../template/types';

/**
 * Checks that nested stacks and Service Catalog product versions point at
 * templates of the set, and that each nested stack passes exactly the
 * parameters its template declares (all those without a default).
 *
 * @public
 */
export function checkNestedTemplates(
  template: ParsedTemplate,
  set: TemplateSet,
): Finding[] {
  const findings: Finding[] = [];
  const add = (logicalId: string, check: string, message: string) =>
    findings.push({ file: template.file, logicalId, check, message });

  for (const stack of nestedStacks(template)) {
    if (stack.templateUrl === undefined) {
      add(stack.logicalId, 'nested-stack', 'the nested stack has no TemplateURL');
      continue;
    }
    const child = resolveTemplateReference(stack.templateUrl, template, set);
    if (!child) {
      add(stack.logicalId, 'nested-stack', `TemplateURL ${JSON.stringify(stack.templateUrl)} does not point at a template of the set`);
      continue;
    }
    const declared = isPlainObject(child.body.Parameters) ? child.body.Parameters : {};
    for (const name of Object.keys(stack.parameters)) {
      if (!(name in declared)) {
        add(stack.logicalId, 'nested-stack', `passes parameter ${name}, which ${child.file} does not declare`);
      }
    }
    for (const [name, declaration] of Object.entries(declared)) {
      if (!(name in stack.parameters) && !(isPlainObject(declaration) && 'Default' in declaration)) {
        add(stack.logicalId, 'nested-stack', `does not pass parameter ${name}, which ${child.file} requires (no Default)`);
      }
    }
  }

  for (const artifact of productArtifactUrls(template)) {
    if (!resolveTemplateReference(artifact.url, template, set)) {
      add(artifact.logicalId, 'product-template', `LoadTemplateFromURL ${JSON.stringify(artifact.url)} does not point at a template of the set`);
    }
  }
  return findings;
}
