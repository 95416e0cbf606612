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
import { mockStudioDomain } from '@internal/plugin-sagemaker-studio-common/testUtils';
import { SageMakerStudioEntityProvider } from './SageMakerStudioEntityProvider';

describe('SageMakerStudioEntityProvider', () => {
  function provider(domains = [mockStudioDomain()]) {
    const tasks: Array<() => Promise<void>> = [];
    const instance = new SageMakerStudioEntityProvider({
      id: 'default',
      owner: 'group:default/data-science-admins',
      source: { listDomains: async () => ({ items: domains, errors: [] }) },
      logger: mockServices.logger.mock(),
      taskRunner: { run: async ({ fn }) => void tasks.push(fn as any) },
    });
    return { instance, tasks };
  }

  it('replaces its entities with the domains read, as Resources owned by the admins', async () => {
    const { instance, tasks } = provider([
      mockStudioDomain(),
      mockStudioDomain({ domainId: '', arn: '' }),
    ]);
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await instance.connect(connection);
    expect(tasks).toHaveLength(1);

    await tasks[0]();

    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          locationKey: 'sagemaker-studio:default',
          entity: expect.objectContaining({
            kind: 'Resource',
            metadata: expect.objectContaining({
              name: 'd-abc123def456',
              title: 'ds-studio',
              annotations: expect.objectContaining({
                'sagemaker-studio.aws/domain-id': 'd-abc123def456',
              }),
            }),
            spec: {
              type: 'sagemaker-studio-domain',
              owner: 'group:default/data-science-admins',
            },
          }),
        },
      ],
    });
  });

  it('keeps the catalog as it is when one domain could not be read', async () => {
    const tasks: Array<() => Promise<void>> = [];
    const instance = new SageMakerStudioEntityProvider({
      id: 'default',
      owner: 'group:default/admins',
      source: {
        listDomains: async () => ({
          items: [mockStudioDomain()],
          errors: [
            {
              source: 'sagemaker:us-east-1:domain/d-2',
              errorType: 'THROTTLED',
              message: 'slow down',
            },
          ],
        }),
      },
      logger: mockServices.logger.mock(),
      taskRunner: { run: async ({ fn }) => void tasks.push(fn as any) },
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await instance.connect(connection);
    await tasks[0]();
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('keeps the catalog as it is when the read fails', async () => {
    const tasks: Array<() => Promise<void>> = [];
    const logger = mockServices.logger.mock();
    const instance = new SageMakerStudioEntityProvider({
      id: 'default',
      owner: 'group:default/admins',
      source: {
        listDomains: async () => {
          throw new Error('throttled');
        },
      },
      logger,
      taskRunner: { run: async ({ fn }) => void tasks.push(fn as any) },
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await instance.connect(connection);
    await tasks[0]();
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });
});
