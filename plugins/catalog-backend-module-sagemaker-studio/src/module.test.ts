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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  EntityProvider,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { catalogModuleSageMakerStudioEntityProvider } from './module';

describe('catalogModuleSageMakerStudioEntityProvider', () => {
  it('adds the provider, scheduled from config and subscribed to provisioning events', async () => {
    const providers: EntityProvider[] = [];
    const events = mockServices.events.mock();
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: jest.fn(() => ({ run: async () => {} })),
    });

    await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (...added: any[]) =>
              providers.push(...added.flat()),
          },
        ],
      ],
      features: [
        catalogModuleSageMakerStudioEntityProvider,
        mockServices.rootConfig.factory({
          data: {
            sageMakerStudio: {
              region: 'us-east-1',
              adminGroup: 'group:default/data-science-admins',
              catalog: { frequencyMinutes: 5 },
            },
          },
        }),
        scheduler.factory,
        events.factory,
      ],
    });

    expect(providers.map(p => p.getProviderName())).toEqual([
      'sagemaker-studio:default',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 5 },
      timeout: { minutes: 3 },
      initialDelay: { seconds: 15 },
    });

    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await providers[0].connect(connection);
    expect(events.subscribe).toHaveBeenCalledWith(
      expect.objectContaining({ topics: ['sagemaker-studio.provisioning'] }),
    );
  });
});
