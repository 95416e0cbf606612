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

import { CustomErrorBase } from '@backstage/errors';

/**
 * Too many calls in a window: answered with 429 and a `Retry-After` header.
 *
 * @public
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/**
 * A per-person sliding-window limit, kept in this process's memory: with
 * several backend replicas behind a load balancer, each allows the limit, so
 * a person gets at most replicas × limit per window.
 */
export class SlidingWindowLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly options: {
      /** What is limited, for the error message. */
      what: string;
      limit: number;
      windowMs: number;
      now?: () => number;
    },
  ) {}

  /** Counts one call for the key, or throws TooManyRequestsError when over the limit. */
  take(key: string): void {
    const now = this.options.now?.() ?? Date.now();
    const since = now - this.options.windowMs;
    const recent = (this.calls.get(key) ?? []).filter(t => t > since);
    if (recent.length >= this.options.limit) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((recent[0] + this.options.windowMs - now) / 1000),
      );
      this.calls.set(key, recent);
      throw new TooManyRequestsError(
        `Too many ${this.options.what}: at most ${this.options.limit} per ${
          this.options.windowMs / 1000
        } s; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
    recent.push(now);
    this.calls.set(key, recent);
    if (this.calls.size > 10_000) {
      this.prune(since);
    }
  }

  private prune(since: number) {
    for (const [key, times] of this.calls) {
      if (!times.some(t => t > since)) this.calls.delete(key);
    }
  }
}
