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

import {
  SlidingWindowLimiter,
  TooManyRequestsError,
} from './SlidingWindowLimiter';

describe('SlidingWindowLimiter', () => {
  it('allows the limit per window per key, then answers with the seconds to wait', () => {
    let now = 1_000_000;
    const limiter = new SlidingWindowLimiter({
      what: 'requests',
      limit: 2,
      windowMs: 60_000,
      now: () => now,
    });
    limiter.take('dana');
    now += 10_000;
    limiter.take('dana');
    limiter.take('sam');
    let error: TooManyRequestsError | undefined;
    try {
      limiter.take('dana');
    } catch (e) {
      error = e as TooManyRequestsError;
    }
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error?.statusCode).toBe(429);
    expect(error?.retryAfterSeconds).toBe(50);
    expect(error?.message).toMatch(/at most 2 per 60 s; try again in 50 s/);

    now += 50_001;
    expect(() => limiter.take('dana')).not.toThrow();
  });
});
