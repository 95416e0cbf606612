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

import { rawRequest, startTestSandbox, TestSandbox } from '../testing';

describe('sandbox admin endpoints', () => {
  let test: TestSandbox;

  beforeAll(async () => {
    test = await startTestSandbox();
  });

  afterAll(() => test.sandbox.close());

  const admin = (path: string, options: Parameters<typeof rawRequest>[1]) =>
    rawRequest(`${test.sandbox.url}/_sandbox/${path}`, options);
  const json = { 'content-type': 'application/json' };

  it.each(['127.0.0.1:4580', 'localhost:4580', 'LOCALHOST', '[::1]:4580'])(
    'answers a loopback Host (%s), as curl and the scripts send it',
    async host => {
      const health = await admin('health', { headers: { host } });
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body).status).toBe('ok');
    },
  );

  it('answers a JSON POST from a local caller', async () => {
    const faults = await admin('faults', {
      method: 'POST',
      headers: { ...json, origin: 'http://localhost:3000' },
      body: '{}',
    });
    expect(faults.status).toBe(200);
  });

  it.each([
    ['a rebound DNS name', 'attacker.example:4580'],
    ['a name that only starts like a local one', '127.0.0.1.nip.io:4580'],
    ['a Host with credentials', 'x@127.0.0.1:4580'],
  ])('refuses %s as Host with 403, for reads too', async (_what, host) => {
    for (const path of ['health', 'events', 'faults']) {
      const res = await admin(path, { headers: { host } });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).__type).toBe('ForeignHost');
    }
    const reset = await admin('reset', {
      method: 'POST',
      headers: { ...json, host },
      body: '{}',
    });
    expect(reset.status).toBe(403);
  });

  it.each(['https://attacker.example', 'null'])(
    'refuses a request from the web page %s with 403',
    async origin => {
      const res = await admin('faults', {
        method: 'POST',
        headers: { ...json, origin },
        body: JSON.stringify({ errorRate: 1 }),
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).__type).toBe('ForeignOrigin');
      expect(JSON.parse((await admin('faults', {})).body)).toEqual({});
    },
  );

  it.each([
    ['no Content-Type (a form without enctype)', {}],
    ['text/plain (a cross-site form)', { 'content-type': 'text/plain' }],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON look-alikes', { 'content-type': 'application/jsonp' }],
  ])(
    'refuses a POST with %s with 415 and changes nothing',
    async (_what, headers) => {
      for (const path of ['reset', 'faults']) {
        const res = await admin(path, {
          method: 'POST',
          headers,
          body: JSON.stringify({ errorRate: 1 }),
        });
        expect(res.status).toBe(415);
        expect(JSON.parse(res.body).message).toContain(
          'needs Content-Type: application/json',
        );
      }
      expect(JSON.parse((await admin('faults', {})).body)).toEqual({});
    },
  );

  it('accepts a JSON content type with parameters', async () => {
    const res = await admin('faults', {
      method: 'PUT',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });
});
