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
}

export interface FaultSettings extends FaultRule {
  /** Seed of the random generator; reapplying settings restarts the sequence. */
  seed?: number;
  /**
   * Rules for single operations, replacing the global rule for them. Keys are
   * `service:Operation` (e.g. `sagemaker:ListDomains`) or a bare `Operation`.
   */
  operations?: Record<string, FaultRule>;
}

/** What to do to one call. */
export interface FaultDecision {
  latencyMs: number;
  fault?: 'throttle' | 'server-error';
}

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

  decide(service: string, operation: string): FaultDecision {
    const rule =
      this.settings.operations?.[`${service}:${operation}`] ??
      this.settings.operations?.[operation] ??
      this.settings;
    const decision: FaultDecision = { latencyMs: rule.latencyMs ?? 0 };
    if (rule.throttleRate && this.random() < rule.throttleRate) {
      decision.fault = 'throttle';
    } else if (rule.errorRate && this.random() < rule.errorRate) {
      decision.fault = 'server-error';
    }
    return decision;
  }
}

function validateFaultSettings(settings: FaultSettings) {
  const rules: Array<[string, FaultRule]> = [
    ['global', settings],
    ...Object.entries(settings.operations ?? {}),
  ];
  for (const [name, rule] of rules) {
    for (const key of ['throttleRate', 'errorRate'] as const) {
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
