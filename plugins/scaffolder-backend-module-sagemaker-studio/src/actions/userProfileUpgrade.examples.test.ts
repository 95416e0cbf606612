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

import yaml from 'yaml';
import { actionContext, actionOptions } from './__testUtils__/actionTestUtils';
import { createSageMakerStudioUserProfileUpgradeAction } from './userProfileUpgrade';
import { examples } from './userProfileUpgrade.examples';

describe('sagemaker-studio:user-profile:upgrade examples', () => {
  it('runs its example', async () => {
    const options = actionOptions();
    const action = createSageMakerStudioUserProfileUpgradeAction(options);
    const { input } = yaml.parse(examples[0].example).steps[0];

    await action.handler(actionContext(input));

    expect(options.requests.createRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        product: 'userProfile',
        operation: 'update',
        provisionedProductId: input.provisionedProductId,
      }),
      expect.anything(),
    );
  });
});
