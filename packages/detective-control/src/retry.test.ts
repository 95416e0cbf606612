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

import { classifyRemediationError } from './remediate';
import { isThrottlingError, withThrottlingRetries } from './retry';

const named = (name: string, message = '') =>
  Object.assign(new Error(message), { name });

describe('isThrottlingError', () => {
  it.each([
    [named('ThrottlingException'), true],
    [named('TooManyRequestsException'), true],
    [
      Object.assign(named('Unknown'), { $metadata: { httpStatusCode: 429 } }),
      true,
    ],
    [
      Object.assign(named('Unknown'), { $retryable: { throttling: true } }),
      true,
    ],
    [named('ValidationException'), false],
    ['ThrottlingException', false],
    [null, false],
  ])('%p is %p', (error, expected) => {
    expect(isThrottlingError(error)).toBe(expected);
  });
});

describe('withThrottlingRetries', () => {
  it('doubles the backoff ceiling per attempt and rethrows at the limit', async () => {
    const sleep = jest.fn(async (_ms: number) => {});
    const call = jest.fn(async () => {
      throw named('ThrottlingException');
    });
    await expect(
      withThrottlingRetries(call, { maxAttempts: 4, baseDelayMs: 100, sleep }),
    ).rejects.toThrow();
    expect(call).toHaveBeenCalledTimes(4);
    const delays = sleep.mock.calls.map(c => c[0]);
    expect(delays).toHaveLength(3);
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(d).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it('does not retry other errors', async () => {
    const call = jest.fn(async () => {
      throw named('AccessDeniedException');
    });
    await expect(
      withThrottlingRetries(call, {
        maxAttempts: 4,
        baseDelayMs: 1,
        sleep: async () => {},
      }),
    ).rejects.toThrow();
    expect(call).toHaveBeenCalledTimes(1);
  });
});

describe('classifyRemediationError', () => {
  it.each([
    [named('ResourceNotFound', 'Could not find job'), 'already-gone'],
    [
      named(
        'ValidationException',
        'Could not find endpoint configuration "x".',
      ),
      'already-gone',
    ],
    [
      named(
        'ValidationException',
        'The request was rejected because the training job is in status Failed.',
      ),
      'already-finished',
    ],
    [
      named('ValidationException', 'The job has already been stopped'),
      'already-stopped',
    ],
    [
      named('ValidationException', 'Status (Pending) not in ([InService])'),
      'error',
    ],
    [named('ValidationException', '1 validation error detected'), 'error'],
    [named('AccessDeniedException', 'Could not find permission'), 'error'],
    ['boom', 'error'],
  ])('%p is %s', (error, expected) => {
    expect(classifyRemediationError(error)).toBe(expected);
  });
});
