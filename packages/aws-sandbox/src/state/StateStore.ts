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

/** Plain JSON data: what the state store can persist. */
export type StateData = Record<string, Record<string, Record<string, unknown>>>;

/**
 * One table of records, keyed by a string (a name, an id or an ARN).
 * Records must be plain JSON (no Dates, Maps or class instances): store
 * timestamps as epoch milliseconds so the store survives a restart.
 */
export class StateTable<T> {
  constructor(
    private readonly store: StateStore,
    readonly service: string,
    readonly name: string,
  ) {}

  get(key: string): T | undefined {
    return this.records()[key];
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.records(), key);
  }

  set(key: string, value: T): T {
    this.records()[key] = value;
    return value;
  }

  delete(key: string): boolean {
    const records = this.records();
    if (!Object.prototype.hasOwnProperty.call(records, key)) {
      return false;
    }
    delete records[key];
    return true;
  }

  keys(): string[] {
    return Object.keys(this.records());
  }

  values(): T[] {
    return Object.values(this.records());
  }

  get size(): number {
    return this.keys().length;
  }

  clear(): void {
    for (const key of this.keys()) {
      this.delete(key);
    }
  }

  private records(): Record<string, T> {
    return this.store.rawTable(this.service, this.name) as Record<string, T>;
  }
}

/**
 * The sandbox's whole state: service → table → key → record, all plain JSON.
 * Tables are looked up on every access, so `replace` and `clear` (used by
 * restart and reset) are seen by every holder of a `StateTable`.
 */
export class StateStore {
  private data: StateData;

  constructor(initial: StateData = {}) {
    this.data = structuredClone(initial);
  }

  table<T>(service: string, name: string): StateTable<T> {
    return new StateTable<T>(this, service, name);
  }

  /** The live object behind a table; created on first use. */
  rawTable(service: string, name: string): Record<string, unknown> {
    const serviceData = (this.data[service] ??= {});
    return (serviceData[name] ??= {});
  }

  snapshot(): StateData {
    return structuredClone(this.data);
  }

  replace(data: StateData): void {
    this.data = structuredClone(data);
  }

  clear(): void {
    this.data = {};
  }
}
