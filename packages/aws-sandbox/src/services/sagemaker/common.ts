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

import { randomBytes } from 'node:crypto';
import { paginate } from '../../server/pagination';
import { AwsError, RequestContext } from '../../server/types';
import { validationError } from '../../server/validation';
import { settleStatus, StatusCarrier, StateTable } from '../../state';

export interface Tag {
  Key: string;
  Value: string;
}

/** What every SageMaker record has; `status` moves on by its schedule. */
export interface SageMakerRecord extends StatusCarrier {
  arn: string;
  name: string;
  account: string;
  region: string;
  creationTime: number;
  lastModifiedTime: number;
  /** The create request as given, without tags: describe calls echo it. */
  input: Record<string, any>;
  tags: Tag[];
  /** Members computed at creation (ids, URLs ...). */
  extra: Record<string, any>;
}

/** A status meaning "gone": the record is dropped when it is reached. */
export const REMOVED = '__Removed';

export const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

export function lowerCaseId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, byte => alphabet[byte % alphabet.length]).join('');
}

export function sageMakerArn(
  ctx: RequestContext,
  type: string,
  name: string,
): string {
  return `arn:aws:sagemaker:${ctx.region}:${
    ctx.accountId
  }:${type}/${name.toLowerCase()}`;
}

/** Records are keyed per account and region so several accounts can share a sandbox. */
export function recordKey(
  ctx: Pick<RequestContext, 'accountId' | 'region'>,
  ...parts: string[]
): string {
  return [ctx.accountId, ctx.region, ...parts].join('/');
}

export function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFound', message);
}

export function inUse(message: string): AwsError {
  return new AwsError('ResourceInUse', message);
}

export function requireName(
  input: Record<string, any>,
  member: string,
  maxLength = 63,
) {
  const value = input[member];
  if (value === undefined || value === null || value === '') {
    throw validationError(member, undefined, 'Member must not be null');
  }
  if (
    typeof value !== 'string' ||
    value.length > maxLength ||
    !NAME_PATTERN.test(value)
  ) {
    throw validationError(
      member,
      value,
      `Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,${
        maxLength - 1
      }}`,
    );
  }
}

export function requireRoleArn(
  input: Record<string, any>,
  member: string,
  required = true,
) {
  const value = input[member];
  if (value === undefined && !required) {
    return;
  }
  if (
    typeof value !== 'string' ||
    !/^arn:aws[a-z\-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/.test(value)
  ) {
    throw validationError(
      member,
      value,
      'Member must satisfy regular expression pattern: ^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$',
    );
  }
}

export function requireTags(tags: unknown) {
  if (tags === undefined) {
    return;
  }
  if (!Array.isArray(tags) || tags.length > 50) {
    throw validationError(
      'Tags',
      tags,
      'Member must have length less than or equal to 50',
    );
  }
  for (const tag of tags) {
    if (
      !tag ||
      typeof tag.Key !== 'string' ||
      tag.Key.length < 1 ||
      tag.Key.length > 128
    ) {
      throw validationError(
        'Tags',
        JSON.stringify(tag),
        'Tag keys must have length between 1 and 128',
      );
    }
  }
}

export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(existing.map(tag => [tag.Key, tag]));
  for (const tag of added) {
    byKey.set(tag.Key, { Key: tag.Key, Value: tag.Value ?? '' });
  }
  return [...byKey.values()];
}

/** Settles every record of a table, dropping removed ones; returns the live records of the caller's account. */
export function liveRecords<T extends SageMakerRecord>(
  table: StateTable<T>,
  ctx: RequestContext,
  now: number,
): T[] {
  const live: T[] = [];
  for (const key of table.keys()) {
    const record = table.get(key)!;
    settleStatus(record, now);
    if (record.status === REMOVED) {
      table.delete(key);
    } else if (
      record.account === ctx.accountId &&
      record.region === ctx.region
    ) {
      live.push(record);
    }
  }
  return live;
}

/** Reads one record, settling its status first; undefined when absent or removed. */
export function liveRecord<T extends SageMakerRecord>(
  table: StateTable<T>,
  key: string,
  now: number,
): T | undefined {
  const record = table.get(key);
  if (!record) {
    return undefined;
  }
  settleStatus(record, now);
  if (record.status === REMOVED) {
    table.delete(key);
    return undefined;
  }
  return record;
}

export interface ListFilters {
  NameContains?: string;
  StatusEquals?: string;
  CreationTimeAfter?: number;
  CreationTimeBefore?: number;
  LastModifiedTimeAfter?: number;
  LastModifiedTimeBefore?: number;
  SortBy?: string;
  SortOrder?: string;
  NextToken?: string;
  MaxResults?: number;
}

function epochMs(value: unknown): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  // JSON 1.1 timestamps arrive as epoch seconds.
  return typeof value === 'number' ? value * 1000 : Date.parse(String(value));
}

/** The filters, sorting and paging shared by SageMaker's List* calls. */
export function listPage<T extends SageMakerRecord>(
  records: T[],
  filters: ListFilters,
) {
  const after = epochMs(filters.CreationTimeAfter);
  const before = epochMs(filters.CreationTimeBefore);
  const modifiedAfter = epochMs(filters.LastModifiedTimeAfter);
  const modifiedBefore = epochMs(filters.LastModifiedTimeBefore);
  const nameContains = filters.NameContains?.toLowerCase();
  const filtered = records.filter(
    record =>
      (!nameContains || record.name.toLowerCase().includes(nameContains)) &&
      (!filters.StatusEquals || record.status === filters.StatusEquals) &&
      (after === undefined || record.creationTime > after) &&
      (before === undefined || record.creationTime < before) &&
      (modifiedAfter === undefined ||
        record.lastModifiedTime > modifiedAfter) &&
      (modifiedBefore === undefined ||
        record.lastModifiedTime < modifiedBefore),
  );
  const sortBy = filters.SortBy ?? 'CreationTime';
  const direction =
    (filters.SortOrder ?? 'Descending') === 'Ascending' ? 1 : -1;
  const sortKeys: Record<string, (record: T) => string | number> = {
    Name: record => record.name,
    Status: record => record.status,
    LastModifiedTime: record => record.lastModifiedTime,
  };
  const sortKey = sortKeys[sortBy] ?? ((record: T) => record.creationTime);
  filtered.sort((a, b) => {
    const left = sortKey(a);
    const right = sortKey(b);
    if (left === right) {
      return a.name < b.name ? -direction : direction;
    }
    return left < right ? -direction : direction;
  });
  return paginate(filtered, {
    nextToken: filters.NextToken,
    maxResults: filters.MaxResults,
    defaultPageSize: 10,
    maxPageSize: 100,
  });
}

export function withoutTags(input: Record<string, any>): Record<string, any> {
  const { Tags: _tags, ...rest } = input;
  return structuredClone(rest);
}

export function times(record: SageMakerRecord) {
  return {
    CreationTime: new Date(record.creationTime),
    LastModifiedTime: new Date(record.lastModifiedTime),
  };
}

/**
 * A live record that lives inside a domain (user profile, space), or AWS's
 * ResourceNotFound error naming its ARN.
 */
export function findInDomain<T extends SageMakerRecord>(
  table: StateTable<T>,
  ctx: RequestContext,
  now: number,
  what: { label: string; arnType: string; domainId: unknown; name: unknown },
): T {
  const { domainId, name } = what;
  const record =
    typeof domainId === 'string' && typeof name === 'string'
      ? liveRecord(table, recordKey(ctx, domainId, name), now)
      : undefined;
  if (!record) {
    throw notFound(
      `${what.label} ${sageMakerArn(
        ctx,
        what.arnType,
        `${domainId}/${name}`,
      )} does not exist`,
    );
  }
  return record;
}

/** The `DomainIdEquals` filter of the List operations: no value keeps every record. */
export function inDomain(
  domainIdEquals: unknown,
): (record: SageMakerRecord) => boolean {
  return record => !domainIdEquals || record.extra.DomainId === domainIdEquals;
}
