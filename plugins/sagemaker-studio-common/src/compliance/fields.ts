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

/*
 * Defensive readers for untyped API payloads. CloudTrail writes request
 * parameters in lowerCamelCase ("vpcConfig", "autoMLJobName") and the SDK
 * returns PascalCase ("VpcConfig", "AutoMLJobName"), so fields are matched
 * without regard to case. Anything of the wrong type reads as undefined.
 */

/** A JSON object of unknown shape. */
export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `name` from `record`, ignoring case; exact matches win. */
export function field(record: unknown, name: string): unknown {
  if (!isRecord(record)) {
    return undefined;
  }
  if (name in record) {
    return record[name];
  }
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) {
      return record[key];
    }
  }
  return undefined;
}

/** Follows a path of field names. */
export function path(record: unknown, ...names: string[]): unknown {
  let current: unknown = record;
  for (const name of names) {
    current = field(current, name);
  }
  return current;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Booleans, also accepting the strings "true"/"false" some producers emit. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    !isNaN(Number(value))
  ) {
    return Number(value);
  }
  return undefined;
}

export function strings(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
}

export function records(value: unknown): UnknownRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/**
 * Tags as a plain map, from `[{Key, Value}]` (SDK), `[{key, value}]`
 * (CloudTrail) or an already-flat map.
 */
export function tagMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const entry of records(value)) {
      const key = str(field(entry, 'Key'));
      if (key) {
        const tagValue = field(entry, 'Value');
        result[key] = typeof tagValue === 'string' ? tagValue : '';
      }
    }
  } else if (isRecord(value)) {
    for (const [key, tagValue] of Object.entries(value)) {
      if (typeof tagValue === 'string') {
        result[key] = tagValue;
      }
    }
  }
  return result;
}
