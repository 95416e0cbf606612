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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpSageMakerStudioRequestsClient } from './HttpSageMakerStudioRequestsClient';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body?: any;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise(resolve => {
    let data = '';
    req.on('data', chunk => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
  });
}

describe('HttpSageMakerStudioRequestsClient', () => {
  let server: Server;
  let seen: Seen[];
  let answer: { status: number; body: unknown };
  let client: HttpSageMakerStudioRequestsClient;
  const credentials = mockCredentials.user('user:default/dana-scientist');

  const request = {
    product: 'teamEnvironment' as const,
    teamName: 'fraud-detection',
    parameters: { EnvType: 'dev' },
    idempotencyKey: 'key-1',
  };

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const text = await readBody(req);
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = HttpSageMakerStudioRequestsClient.create({
      discovery: {
        getBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
        getExternalBaseUrl: async pluginId =>
          `http://127.0.0.1:${port}/api/${pluginId}`,
      },
      auth: mockServices.auth(),
    });
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    seen = [];
  });

  it('posts a request with a token on behalf of the caller and answers the recorded request', async () => {
    answer = { status: 201, body: { id: 'r-1', status: 'PENDING_APPROVAL' } };

    await expect(
      client.createRequest(request, { credentials }),
    ).resolves.toEqual({ id: 'r-1', status: 'PENDING_APPROVAL' });

    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/sagemaker-studio/requests',
        authorization: mockCredentials.service.header({
          onBehalfOf: credentials,
          targetPluginId: 'sagemaker-studio',
        }),
        body: request,
      },
    ]);
  });

  it('previews a request as a dry run', async () => {
    const preview = { product: 'teamEnvironment', requiresApproval: true };
    answer = { status: 200, body: preview };

    await expect(
      client.previewRequest(request, { credentials }),
    ).resolves.toEqual(preview);

    expect(seen[0].body).toEqual({ ...request, dryRun: true });
  });

  it('reads one request, encoding its id', async () => {
    answer = { status: 200, body: { id: 'a/b', status: 'SUCCEEDED' } };

    await client.getRequest('a/b', { credentials });

    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/sagemaker-studio/requests/a%2Fb',
    });
  });

  it.each([
    [400, 'InputError', InputError],
    [401, 'AuthenticationError', AuthenticationError],
    [413, 'PayloadTooLargeError', InputError],
    [403, 'NotAllowedError', NotAllowedError],
    [404, 'NotFoundError', NotFoundError],
    [409, 'ConflictError', ConflictError],
    [429, 'TooManyRequestsError', ServiceUnavailableError],
    [500, 'Error', ServiceUnavailableError],
    [503, 'ServiceUnavailableError', ServiceUnavailableError],
  ])(
    'turns a %s answer into the matching error with the backend message',
    async (status, name, type) => {
      answer = {
        status,
        body: {
          error: { name, message: `teamName: refused (${status})` },
          response: { statusCode: status },
        },
      };

      const error = await client
        .createRequest(request, { credentials })
        .catch(e => e);

      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(`teamName: refused (${status})`);
    },
  );

  it('names the status when the answer has no error body', async () => {
    answer = { status: 502, body: 'bad gateway' };

    const error = await client.getRequest('r-1', { credentials }).catch(e => e);

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(/502/);
  });
});
