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

/** A status a record reaches at a given time. */
export interface ScheduledStatus {
  status: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * A record whose status moves on by itself, like AWS's asynchronous
 * resources. Nothing runs in the background: readers call `settleStatus`
 * with the current time, so the schedule survives a restart and tests can
 * move an injected clock instead of waiting.
 */
export interface StatusCarrier {
  status: string;
  schedule?: ScheduledStatus[];
  lastModifiedTime?: number;
}

/** Applies every scheduled status that is due; returns true if the status changed. */
export function settleStatus(record: StatusCarrier, now: number): boolean {
  if (!record.schedule || record.schedule.length === 0) {
    return false;
  }
  let changed = false;
  while (record.schedule.length > 0 && record.schedule[0].at <= now) {
    const next = record.schedule.shift()!;
    record.status = next.status;
    record.lastModifiedTime = next.at;
    changed = true;
  }
  if (record.schedule.length === 0) {
    delete record.schedule;
  }
  return changed;
}

/** Replaces the schedule: `steps` are [status, delay after now] pairs. */
export function scheduleStatuses(
  record: StatusCarrier,
  now: number,
  steps: Array<[status: string, delayMs: number]>,
): void {
  record.schedule = steps.map(([status, delayMs]) => ({
    status,
    at: now + delayMs,
  }));
  settleStatus(record, now);
}
