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

import { ResponseError } from '@backstage/errors';
import { SageMakerStudioClient } from './SageMakerStudioClient';

function client(respond: (url: string, init?: RequestInit) => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const api = new SageMakerStudioClient({
    discoveryApi: {
      getBaseUrl: async plugin => `http://backend/api/${plugin}`,
    },
    fetchApi: {
      fetch: async (input: any, init?: RequestInit) => {
        calls.push({ url: String(input), init });
        return respond(String(input), init);
      },
    },
  });
  return { api, calls };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('SageMakerStudioClient', () => {
  it('reads domains from the backend plugin', async () => {
    const { api, calls } = client(() =>
      json(200, { items: [{ domainId: 'd-1' }], errors: [] }),
    );
    await expect(api.listDomains()).resolves.toEqual({
      items: [{ domainId: 'd-1' }],
      errors: [],
    });
    expect(calls[0].url).toBe('http://backend/api/sagemaker-studio/domains');
  });

  it('URL-encodes the request id and posts the review as JSON', async () => {
    const { api, calls } = client(() => json(200, { id: 'a/b' }));
    await api.reviewRequest('a/b', { decision: 'reject', comment: 'no' });
    expect(calls[0].url).toBe(
      'http://backend/api/sagemaker-studio/requests/a%2Fb/review',
    );
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      decision: 'reject',
      comment: 'no',
    });
  });

  it.each([403, 404, 500])(
    'keeps the structured error of a %s',
    async status => {
      const { api } = client(() =>
        json(status, {
          error: { name: 'NotAllowedError', message: 'permission denied' },
          response: { statusCode: status },
        }),
      );
      const error = await api.listRequests('all').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(status);
      expect(error.body.error.message).toBe('permission denied');
    },
  );
});
