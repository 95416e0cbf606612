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

import { AwsError } from '../server/types';
import { createSeededRandom } from './seededRandom';

/** Faults applied to calls; rates are fractions between 0 and 1. */
export interface FaultRule {
  /** Fraction of calls answered with the service's throttling error. */
  throttleRate?: number;
  /** Fraction of calls answered with a 500 server error. */
  errorRate?: number;
  /** Latency added before answering, in milliseconds. */
  latencyMs?: number;
  /** Fraction of calls answered 503 `ServiceUnavailable` (AWS's common error for a temporary failure). */
  unavailableRate?: number;
  /** Fraction of calls whose connection is closed without an answer, as when an endpoint cannot be reached. */
  connectionResetRate?: number;
}

/** A rule for the calls of one account or region, with its own per-operation rules. */
export interface FaultScopeRule extends FaultRule {
  /** Rules for single operations within the scope, keyed as in {@link FaultSettings.operations}. */
  operations?: Record<string, FaultRule>;
}

export interface FaultSettings extends FaultRule {
  /** Seed of the random generator; reapplying settings restarts the sequence. */
  seed?: number;
  /**
   * Rules for single operations, replacing the global rule for them. Keys are
   * `service:Operation` (e.g. `sagemaker:ListDomains`) or a bare `Operation`.
   */
  operations?: Record<string, FaultRule>;
  /**
   * Rules for the calls of one account or region, replacing the global and
   * operation rules for them. Keys are `<account>:<region>`, `<account>` or
   * `*:<region>` (e.g. `210987654321` makes one account fail everywhere);
   * the most specific key that matches a call applies.
   */
  scopes?: Record<string, FaultScopeRule>;
}

/** Where a call goes: the account of its access key and the region of its credential scope. */
export interface FaultTarget {
  accountId: string;
  region: string;
}

/** What to do to one call. */
export interface FaultDecision {
  latencyMs: number;
  fault?: 'throttle' | 'server-error' | 'unavailable' | 'connection-reset';
}

const SCOPE_KEY = /^(\d{12}(:[a-z0-9-]+)?|\*:[a-z0-9-]+)$/;

const DEFAULT_SEED = 1;

export class FaultInjector {
  private settings: FaultSettings = {};
  private random = createSeededRandom(DEFAULT_SEED);

  constructor(settings: FaultSettings = {}) {
    this.configure(settings);
  }

  /** Replaces all settings and restarts the random sequence. */
  configure(settings: FaultSettings): void {
    validateFaultSettings(settings);
    this.settings = structuredClone(settings);
    this.random = createSeededRandom(settings.seed ?? DEFAULT_SEED);
  }

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  /** Sets (or, with undefined, removes) the rule of one scope, keeping the other settings. */
  configureScope(scope: string, rule: FaultScopeRule | undefined): void {
    const scopes = { ...this.settings.scopes };
    if (rule) {
      scopes[scope] = rule;
    } else {
      delete scopes[scope];
    }
    const next: FaultSettings = { ...this.settings, scopes };
    if (Object.keys(scopes).length === 0) {
      delete next.scopes;
    }
    this.configure(next);
  }

  decide(
    service: string,
    operation: string,
    target?: FaultTarget,
  ): FaultDecision {
    const scopes = this.settings.scopes;
    const scope =
      target && scopes
        ? scopes[`${target.accountId}:${target.region}`] ??
          scopes[target.accountId] ??
          scopes[`*:${target.region}`]
        : undefined;
    const base: FaultSettings | FaultScopeRule = scope ?? this.settings;
    const rule =
      base.operations?.[`${service}:${operation}`] ??
      base.operations?.[operation] ??
      base;
    const decision: FaultDecision = { latencyMs: rule.latencyMs ?? 0 };
    if (rule.connectionResetRate && this.random() < rule.connectionResetRate) {
      decision.fault = 'connection-reset';
    } else if (rule.unavailableRate && this.random() < rule.unavailableRate) {
      decision.fault = 'unavailable';
    } else if (rule.throttleRate && this.random() < rule.throttleRate) {
      decision.fault = 'throttle';
    } else if (rule.errorRate && this.random() < rule.errorRate) {
      decision.fault = 'server-error';
    }
    return decision;
  }
}

function validateFaultSettings(settings: FaultSettings) {
  for (const scope of Object.keys(settings.scopes ?? {})) {
    if (!SCOPE_KEY.test(scope)) {
      throw new AwsError(
        'ValidationException',
        `scopes: ${scope} is not <account>, <account>:<region> or *:<region> (a 12-digit account id)`,
      );
    }
  }
  const rules: Array<[string, FaultRule]> = [
    ['global', settings],
    ...Object.entries(settings.operations ?? {}),
    ...Object.entries(settings.scopes ?? {}).flatMap(([scope, rule]) => [
      [scope, rule] as [string, FaultRule],
      ...Object.entries(rule.operations ?? {}).map(
        ([operation, operationRule]) =>
          [`${scope} ${operation}`, operationRule] as [string, FaultRule],
      ),
    ]),
  ];
  for (const [name, rule] of rules) {
    if (typeof rule !== 'object' || rule === null) {
      throw new AwsError('ValidationException', `${name}: must be an object`);
    }
    for (const key of [
      'throttleRate',
      'errorRate',
      'unavailableRate',
      'connectionResetRate',
    ] as const) {
      const rate = rule[key];
      if (
        rate !== undefined &&
        (typeof rate !== 'number' || rate < 0 || rate > 1)
      ) {
        throw new AwsError(
          'ValidationException',
          `${name}: ${key} must be a number from 0 to 1`,
        );
      }
    }
    if (
      rule.latencyMs !== undefined &&
      (typeof rule.latencyMs !== 'number' || rule.latencyMs < 0)
    ) {
      throw new AwsError(
        'ValidationException',
        `${name}: latencyMs must be a number of at least 0`,
      );
    }
  }
}
