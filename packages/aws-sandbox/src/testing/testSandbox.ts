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

import http from 'node:http';
import { ManualClock } from '../state';
import { Sandbox, SandboxOptions, startSandbox } from '../sandbox';

/** SDK client settings pointing at a sandbox, with retries off so faults show as they are. */
export function clientConfig(sandbox: Sandbox, accessKeyId = 'test') {
  return {
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  };
}

export interface TestSandbox {
  sandbox: Sandbox;
  clock: ManualClock;
}

/** A sandbox on an ephemeral port with a manual clock and no detective control. */
export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<TestSandbox> {
  const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0));
  const sandbox = await startSandbox({
    detectiveControl: false,
    clock,
    delayMs: 1000,
    ...options,
  });
  return { sandbox, clock };
}

export interface RawHttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Plain HTTP to the sandbox (Jest blocks fetch; IP literals need no DNS lookup). */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: new http.Agent(),
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A SigV4-looking Authorization header for the given signing name. */
export function signedFor(service: string, accessKeyId = 'test'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261126/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

/** Runs `call` and returns the error it throws (failing the test when it does not). */
export async function errorOf(call: () => Promise<unknown>): Promise<any> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail');
}
