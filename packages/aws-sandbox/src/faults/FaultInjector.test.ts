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

import { FaultInjector } from './FaultInjector';
import { createSeededRandom } from './seededRandom';

describe('FaultInjector', () => {
  it('makes the same decisions for the same seed', () => {
    const decisions = () => {
      const injector = new FaultInjector({
        throttleRate: 0.3,
        errorRate: 0.3,
        seed: 42,
      });
      return Array.from(
        { length: 50 },
        () => injector.decide('sagemaker', 'ListDomains').fault ?? 'none',
      );
    };
    const first = decisions();
    expect(decisions()).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['throttle', 'server-error', 'none']),
    );
  });

  it('prefers service:Operation rules over Operation rules over the global rule', () => {
    const injector = new FaultInjector({
      latencyMs: 1,
      operations: {
        'sagemaker:ListDomains': { latencyMs: 3 },
        ListDomains: { latencyMs: 2 },
      },
    });
    expect(injector.decide('sagemaker', 'ListDomains').latencyMs).toBe(3);
    expect(injector.decide('other', 'ListDomains').latencyMs).toBe(2);
    expect(injector.decide('sagemaker', 'DescribeDomain').latencyMs).toBe(1);
  });

  it('never faults at rate 0 and always at rate 1', () => {
    expect(new FaultInjector({}).decide('s', 'o').fault).toBeUndefined();
    expect(new FaultInjector({ errorRate: 1 }).decide('s', 'o').fault).toBe(
      'server-error',
    );
  });

  it('applies a scope rule to the calls of its account or region only, most specific key first', () => {
    const injector = new FaultInjector({
      latencyMs: 1,
      scopes: {
        '210987654321': { connectionResetRate: 1 },
        '210987654321:eu-west-1': { unavailableRate: 1 },
        '*:us-west-2': {
          latencyMs: 5,
          operations: { 'sagemaker:ListDomains': { throttleRate: 1 } },
        },
      },
    });
    const at = (accountId: string, region: string) =>
      injector.decide('sagemaker', 'ListDomains', { accountId, region });
    expect(at('210987654321', 'us-east-1').fault).toBe('connection-reset');
    expect(at('210987654321', 'eu-west-1').fault).toBe('unavailable');
    expect(at('123456789012', 'us-west-2')).toEqual({
      latencyMs: 0,
      fault: 'throttle',
    });
    expect(
      injector.decide('sagemaker', 'DescribeDomain', {
        accountId: '123456789012',
        region: 'us-west-2',
      }),
    ).toEqual({ latencyMs: 5 });
    expect(at('123456789012', 'us-east-1')).toEqual({ latencyMs: 1 });
    // Calls without a target (as before scopes existed) see the global rule.
    expect(injector.decide('sagemaker', 'ListDomains')).toEqual({
      latencyMs: 1,
    });
  });

  it('sets and removes one scope, keeping the other settings', () => {
    const injector = new FaultInjector({ latencyMs: 2 });
    injector.configureScope('210987654321', { unavailableRate: 1 });
    expect(injector.current()).toEqual({
      latencyMs: 2,
      scopes: { '210987654321': { unavailableRate: 1 } },
    });
    injector.configureScope('210987654321', undefined);
    expect(injector.current()).toEqual({ latencyMs: 2 });
  });

  it('rejects scope keys that are not an account, account:region or *:region', () => {
    for (const key of ['2109', 'acme', '210987654321:', '*']) {
      expect(
        () => new FaultInjector({ scopes: { [key]: { errorRate: 1 } } }),
      ).toThrow('is not <account>, <account>:<region> or *:<region>');
    }
    expect(
      () =>
        new FaultInjector({
          scopes: { '210987654321': { connectionResetRate: 2 } },
        }),
    ).toThrow('210987654321: connectionResetRate must be a number from 0 to 1');
  });

  it('rejects rates outside 0..1 and negative latency', () => {
    expect(() => new FaultInjector({ throttleRate: 1.5 })).toThrow(
      'throttleRate',
    );
    expect(
      () => new FaultInjector({ operations: { X: { latencyMs: -1 } } }),
    ).toThrow('latencyMs');
  });
});

describe('createSeededRandom', () => {
  it('returns numbers in [0, 1) in a reproducible sequence', () => {
    const a = createSeededRandom(5);
    const b = createSeededRandom(5);
    for (let index = 0; index < 100; index++) {
      const value = a();
      expect(value).toBe(b());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
