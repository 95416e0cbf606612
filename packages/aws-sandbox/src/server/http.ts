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

import type { IncomingHttpHeaders } from 'node:http';

/** A request as the codecs see it: fully read. */
export interface RawRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A response as the codecs produce it. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export function headerValue(
  headers: IncomingHttpHeaders,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Deep copy in which every Date is replaced by `convert(date)`. */
export function convertDates(
  value: unknown,
  convert: (date: Date) => unknown,
): unknown {
  if (value instanceof Date) {
    return convert(value);
  }
  if (Array.isArray(value)) {
    return value.map(item => convertDates(item, convert));
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) {
        copy[key] = convertDates(member, convert);
      }
    }
    return copy;
  }
  return value;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): RawResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
