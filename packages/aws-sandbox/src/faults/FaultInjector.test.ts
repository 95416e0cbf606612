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
