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

import { ListDomainsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  clientConfig,
  rawRequest,
  startTestSandbox,
  TestSandbox,
} from '../testing';

const SECOND = '210987654321';

async function outcome(client: SageMakerClient): Promise<string> {
  try {
    await client.send(new ListDomainsCommand({}));
    return 'ok';
  } catch (error) {
    const { name, $metadata } = error as {
      name: string;
      $metadata?: { httpStatusCode?: number };
    };
    return $metadata?.httpStatusCode
      ? `${name} ${$metadata.httpStatusCode}`
      : name;
  }
}

describe('faults scoped to an account', () => {
  let test: TestSandbox;
  let home: SageMakerClient;
  let second: SageMakerClient;

  beforeAll(async () => {
    test = await startTestSandbox();
    home = new SageMakerClient(clientConfig(test.sandbox));
    second = new SageMakerClient(clientConfig(test.sandbox, SECOND));
  });

  afterEach(() => test.sandbox.faults.configure({}));
  afterAll(async () => {
    home.destroy();
    second.destroy();
    await test.sandbox.close();
  });

  it('answers every call of the account 503 ServiceUnavailable while the home account works', async () => {
    test.sandbox.faults.configureScope(SECOND, { unavailableRate: 1 });
    expect(await outcome(second)).toBe('ServiceUnavailable 503');
    expect(await outcome(home)).toBe('ok');
  });

  it('closes the connections of an unreachable account without an answer', async () => {
    test.sandbox.faults.configure({
      scopes: { [SECOND]: { connectionResetRate: 1 } },
    });
    const answer = await outcome(second);
    expect(answer).not.toBe('ok');
    // No HTTP status: the SDK saw the socket close, as with an endpoint it cannot reach.
    expect(answer).not.toMatch(/\d{3}$/);
    expect(await outcome(home)).toBe('ok');
  });

  it('is set and cleared per scope over the admin endpoint', async () => {
    const url = `${test.sandbox.url}/_sandbox/faults/scopes/${SECOND}:us-east-1`;
    const set = await rawRequest(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unavailableRate: 1 }),
    });
    expect(set.status).toBe(200);
    expect(JSON.parse(set.body)).toEqual({
      scopes: { [`${SECOND}:us-east-1`]: { unavailableRate: 1 } },
    });
    expect(await outcome(second)).toBe('ServiceUnavailable 503');

    const bad = await rawRequest(
      `${test.sandbox.url}/_sandbox/faults/scopes/not-an-account`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ unavailableRate: 1 }),
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).message).toMatch(/not-an-account is not/);

    const cleared = await rawRequest(url, { method: 'DELETE' });
    expect(JSON.parse(cleared.body)).toEqual({});
    expect(await outcome(second)).toBe('ok');
  });
});
