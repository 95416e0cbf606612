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
  TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleSageMakerStudio } from './module';

describe('scaffolderModuleSageMakerStudio', () => {
  it('registers one action per product and day-2 operation, in one call', async () => {
    const addActions = jest.fn<void, TemplateAction<any, any>[]>();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleSageMakerStudio,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });

    expect(addActions).toHaveBeenCalledTimes(1);
    expect(addActions.mock.calls[0].map(action => action.id)).toEqual([
      'sagemaker-studio:domain:request',
      'sagemaker-studio:team-environment:request',
      'sagemaker-studio:user-profile:request',
      'sagemaker-studio:user-profile:upgrade',
      'sagemaker-studio:user-profile:offboard',
      'sagemaker-studio:team-environment:offboard',
    ]);
    expect(
      addActions.mock.calls[0].every(action => action.supportsDryRun),
    ).toBe(true);
  });
});
