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

import { AwsError } from './types';

export interface PageOptions {
  nextToken?: unknown;
  maxResults?: unknown;
  /** Page size when the caller gives none. */
  defaultPageSize: number;
  /** Largest page size the real API accepts. */
  maxPageSize: number;
  /** Name of the page-size member, for messages (`maxResults`, `MaxKeys` ...). */
  maxResultsName?: string;
  /** The service's error code for bad tokens and sizes. */
  errorCode?: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string, errorCode: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Number.isInteger(parsed.offset) && parsed.offset >= 0) {
      return parsed.offset;
    }
  } catch {
    // fall through to the AWS-shaped error below
  }
  throw new AwsError(errorCode, 'The pagination token is invalid.');
}

/** Offset pagination with opaque tokens, checking sizes the way AWS does. */
export function paginate<T>(items: T[], options: PageOptions): Page<T> {
  const errorCode = options.errorCode ?? 'ValidationException';
  let pageSize = options.defaultPageSize;
  if (options.maxResults !== undefined && options.maxResults !== null) {
    const requested = Number(options.maxResults);
    const name = options.maxResultsName ?? 'maxResults';
    if (
      !Number.isInteger(requested) ||
      requested < 1 ||
      requested > options.maxPageSize
    ) {
      throw new AwsError(
        errorCode,
        `1 validation error detected: Value '${String(
          options.maxResults,
        )}' at '${name}' failed to satisfy constraint: Member must have value between 1 and ${
          options.maxPageSize
        }`,
      );
    }
    pageSize = requested;
  }
  const offset =
    options.nextToken === undefined ||
    options.nextToken === null ||
    options.nextToken === ''
      ? 0
      : decodeToken(String(options.nextToken), errorCode);
  const end = offset + pageSize;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(end) : undefined,
  };
}
