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

import { readFile } from 'node:fs/promises';
import { resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseS3Url } from '../../services/s3';
import { TemplateError } from './types';

export type Invoke = (
  service: string,
  operation: string,
  input: unknown,
) => Promise<any>;

/** Where templates may come from besides the sandbox's S3. */
export interface TemplateSourceOptions {
  /** Directories whose files may be referenced as `file://` URLs (used for seeding). */
  localRoots?: string[];
}

export async function bodyToString(body: unknown): Promise<string> {
  if (typeof body === 'string') {
    return body;
  }
  if (body instanceof Uint8Array) {
    return Buffer.from(body).toString('utf8');
  }
  const withTransform = body as { transformToString?: () => Promise<string> };
  if (withTransform && typeof withTransform.transformToString === 'function') {
    return withTransform.transformToString();
  }
  const iterable = body as AsyncIterable<Uint8Array | string>;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of iterable) {
      chunks.push(
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk),
      );
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  throw new Error('unreadable object body');
}

/** Reads a template from a `TemplateURL` / `LoadTemplateFromURL`, as CloudFormation would from S3. */
export async function fetchTemplate(
  url: string,
  invoke: Invoke,
  options: TemplateSourceOptions = {},
): Promise<string> {
  if (url.startsWith('file://')) {
    return readLocalTemplate(url, options);
  }
  const location = parseS3Url(url);
  if (!location) {
    throw new TemplateError(`TemplateURL must be a supported URL.`);
  }
  try {
    const object = await invoke('s3', 'GetObject', {
      Bucket: location.bucket,
      Key: location.key,
    });
    return await bodyToString(object.Body);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name;
    throw new TemplateError(
      `Error occurred while GetObject. S3 Error Code: ${code}. S3 Error Message: ${
        (error as Error).message
      }`,
    );
  }
}

async function readLocalTemplate(
  url: string,
  options: TemplateSourceOptions,
): Promise<string> {
  const path = resolvePath(fileURLToPath(url));
  const allowed = (options.localRoots ?? []).some(root => {
    const resolvedRoot = resolvePath(root);
    return path === resolvedRoot || path.startsWith(resolvedRoot + sep);
  });
  if (!allowed) {
    throw new TemplateError(
      `TemplateURL ${url} is outside the sandbox's local template directories.`,
    );
  }
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new TemplateError(`Unable to read template at ${url}.`);
  }
}

/** A `TemplateURL` written relative to its parent's template, as before `aws cloudformation package`. */
export function resolveTemplateUrl(
  url: string,
  parentTemplateUrl: string | undefined,
): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !parentTemplateUrl) {
    return url;
  }
  return new URL(url, parentTemplateUrl).toString();
}
