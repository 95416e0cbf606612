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

import { TemplateError, TemplateValue } from './types';
import { Invoke } from './templateSource';

const DYNAMIC_REFERENCE = /\{\{resolve:([a-z-]+):([^}]*)\}\}/g;

async function resolveInString(text: string, invoke: Invoke): Promise<string> {
  const references = [...text.matchAll(DYNAMIC_REFERENCE)];
  let resolved = text;
  for (const [reference, service, argument] of references) {
    if (service !== 'ssm' && service !== 'ssm-secure') {
      throw new TemplateError(
        `Dynamic references to ${service} are not supported by the sandbox: ${reference}`,
      );
    }
    const name = argument.replace(/:\d+$/, '');
    let value: string;
    try {
      const result = await invoke('ssm', 'GetParameter', {
        Name: name,
        WithDecryption: true,
      });
      value = result.Parameter.Value;
    } catch {
      throw new TemplateError(
        `Unable to fetch parameters [${name}] from parameter store for this account.`,
      );
    }
    resolved = resolved.replace(reference, value);
  }
  return resolved;
}

/** Replaces `{{resolve:ssm:name}}` and `{{resolve:ssm-secure:name}}` with values from SSM. */
export async function resolveDynamicReferences(
  value: TemplateValue,
  invoke: Invoke,
): Promise<TemplateValue> {
  if (typeof value === 'string') {
    return value.includes('{{resolve:')
      ? resolveInString(value, invoke)
      : value;
  }
  if (Array.isArray(value)) {
    return Promise.all(
      value.map(item => resolveDynamicReferences(item, invoke)),
    );
  }
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(
        async ([key, member]) =>
          [key, await resolveDynamicReferences(member, invoke)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
