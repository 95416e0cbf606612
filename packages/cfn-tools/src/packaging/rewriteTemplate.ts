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
import path from 'node:path';
import { parseDocument } from 'yaml';
import { isPlainObject } from '../template/intrinsics';
import { nestedStacks } from '../template/nestedStacks';
import type { ParsedTemplate } from '../template/types';

/** @public */
export interface RewriteValues {
  /** URL of the uploaded template folder, without a trailing slash. */
  baseUrl: string;
  /** Parameter name → new default, e.g. `TemplateBaseUrl` → the base URL. */
  parameterDefaults: Record<string, string>;
}

/** @public */
export interface RewrittenTemplate {
  body: Buffer;
  /** One line per change, e.g. `Parameters.TemplateBaseUrl.Default`. */
  changes: string[];
}

function isRelativePath(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/');
}

/**
 * Points a template at its uploaded location: parameter defaults for the
 * base URL and artifact locations, and local relative `TemplateURL` /
 * `LoadTemplateFromURL` paths made absolute. YAML is edited in place, so
 * comments and short-form tags survive; an unchanged template keeps its bytes.
 *
 * @public
 */
export function rewriteTemplate(template: ParsedTemplate, source: string, values: RewriteValues): RewrittenTemplate {
  const edits: Array<{ path: Array<string | number>; value: string }> = [];
  for (const name of Object.keys(template.body.Parameters ?? {})) {
    const value = values.parameterDefaults[name];
    if (value !== undefined) edits.push({ path: ['Parameters', name, 'Default'], value });
  }
  const absolute = (relative: string) =>
    `${values.baseUrl}/${path.posix.normalize(path.posix.join(path.posix.dirname(template.file), relative))}`;
  for (const stack of nestedStacks(template)) {
    if (typeof stack.templateUrl === 'string' && isRelativePath(stack.templateUrl)) {
      edits.push({ path: ['Resources', stack.logicalId, 'Properties', 'TemplateURL'], value: absolute(stack.templateUrl) });
    }
  }
  for (const [logicalId, resource] of Object.entries(template.body.Resources ?? {})) {
    const artifacts = isPlainObject(resource?.Properties) ? resource.Properties.ProvisioningArtifactParameters : undefined;
    (Array.isArray(artifacts) ? artifacts : []).forEach((artifact, index) => {
      const url = isPlainObject(artifact) && isPlainObject(artifact.Info) ? artifact.Info.LoadTemplateFromURL : undefined;
      if (typeof url === 'string' && isRelativePath(url)) {
        edits.push({
          path: ['Resources', logicalId, 'Properties', 'ProvisioningArtifactParameters', index, 'Info', 'LoadTemplateFromURL'],
          value: absolute(url),
        });
      }
    });
  }
  if (edits.length === 0) return { body: Buffer.from(source), changes: [] };
  const changes = edits.map(edit => `${edit.path.join('.')} = ${edit.value}`);
  if (template.file.endsWith('.json')) {
    const body = structuredClone(template.body) as Record<string, unknown>;
    for (const edit of edits) setIn(body, edit.path, edit.value);
    return { body: Buffer.from(`${JSON.stringify(body, null, 2)}\n`), changes };
  }
  // Without custom tags the parser keeps `!Ref`/`!Sub` nodes as tagged
  // scalars and collections, and writes them back unchanged.
  const document = parseDocument(source, { logLevel: 'silent' });
  for (const edit of edits) document.setIn(edit.path, edit.value);
  return { body: Buffer.from(document.toString({ lineWidth: 0 })), changes };
}

function setIn(target: Record<string, unknown>, keys: Array<string | number>, value: unknown): void {
  let current: unknown = target;
  keys.slice(0, -1).forEach(key => {
    current = (current as Record<string | number, unknown>)[key];
  });
  (current as Record<string | number, unknown>)[keys[keys.length - 1]] = value;
}
