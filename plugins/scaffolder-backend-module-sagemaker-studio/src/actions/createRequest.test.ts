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

import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createSageMakerStudioRequestAction } from './createRequest';
import { examples } from './createRequest.examples';

const exampleInput = yaml.parse(examples[0].example).steps[0].input;

function setup(response: { status: number; body: unknown }) {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) =>
    new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  global.fetch = fetchMock as any;
  const action = createSageMakerStudioRequestAction({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
  });
  return { action, fetchMock };
}

describe('sagemaker-studio:request:create', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('runs its documented example and posts the request on behalf of the initiator', async () => {
    const { action, fetchMock } = setup({
      status: 201,
      body: { id: 'req-1', status: 'PENDING_APPROVAL' },
    });
    const ctx = createMockActionContext({ input: exampleInput });

    await action.handler(ctx);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(/\/api\/sagemaker-studio\/requests$/);
    expect(init?.headers).toMatchObject({
      Authorization: expect.stringMatching(/^Bearer /),
    });
    expect(JSON.parse(String(init?.body))).toMatchObject({
      product: 'userProfile',
      teamName: 'fraud-detection',
      parameters: exampleInput.parameters,
      idempotencyKey: expect.stringContaining('userProfile:fraud-detection'),
    });
    expect(ctx.output).toHaveBeenCalledWith('requestId', 'req-1');
    expect(ctx.output).toHaveBeenCalledWith('status', 'PENDING_APPROVAL');
  });

  it('does nothing but describe the request in a dry run', async () => {
    const { action, fetchMock } = setup({ status: 500, body: {} });
    const ctx = {
      ...createMockActionContext({ input: exampleInput }),
      isDryRun: true,
    };

    await action.handler(ctx);

    expect(fetchMock).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
  });

  it('fails the step with the backend error, naming the field', async () => {
    const { action } = setup({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'teamName: must be 2-31 lower-case letters' },
        response: { statusCode: 400 },
      },
    });
    const ctx = createMockActionContext({ input: exampleInput });

    await expect(action.handler(ctx)).rejects.toThrow(/teamName: must be/);
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
