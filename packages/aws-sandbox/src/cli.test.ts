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

import { DEFAULT_PORT, parseCliArguments } from './cli';

describe('parseCliArguments', () => {
  it('defaults to the reserved port and a 2 s delay', () => {
    expect(parseCliArguments([])).toMatchObject({
      port: DEFAULT_PORT,
      delayMs: 2000,
      demo: false,
      detectiveControl: true,
      seedPlatform: true,
      templatesDir: expect.stringMatching(/cloudformation$/),
    });
    expect(DEFAULT_PORT).toBe(4580);
  });

  it('reads every option', () => {
    expect(
      parseCliArguments([
        '--port',
        '0',
        '--demo',
        '--state-file',
        'state.json',
        '--delay-ms',
        '10',
        '--throttle-rate',
        '0.1',
        '--latency-ms',
        '50',
        '--error-rate',
        '0.01',
        '--seed',
        '3',
        '--unavailable',
        '210987654321',
        '--unreachable',
        '*:eu-west-1',
        '--unreachable',
        '111122223333:us-east-1',
        '--account-id',
        '111122223333',
        '--region',
        'eu-west-1',
        '--no-detective-control',
        '--templates',
        '/tmp/templates',
        '--no-seed',
      ]),
    ).toEqual({
      templatesDir: '/tmp/templates',
      seedPlatform: false,
      port: 0,
      demo: true,
      stateFile: 'state.json',
      delayMs: 10,
      accountId: '111122223333',
      region: 'eu-west-1',
      detectiveControl: false,
      faults: {
        throttleRate: 0.1,
        latencyMs: 50,
        errorRate: 0.01,
        seed: 3,
        scopes: {
          '210987654321': { unavailableRate: 1 },
          '*:eu-west-1': { connectionResetRate: 1 },
          '111122223333:us-east-1': { connectionResetRate: 1 },
        },
      },
    });
  });

  it('returns undefined for --help and throws for unknown options or non-numbers', () => {
    expect(parseCliArguments(['--help'])).toBeUndefined();
    expect(() => parseCliArguments(['--bogus'])).toThrow();
    expect(() => parseCliArguments(['--port', 'x'])).toThrow(
      '--port must be a number',
    );
  });
});
