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

import { InputError } from '@backstage/errors';
import { actionContext, actionOptions } from './__testUtils__/actionTestUtils';
import { describeRequestAction } from './__testUtils__/describeRequestAction';
import { createSageMakerStudioTeamEnvironmentRequestAction } from './teamEnvironmentRequest';

describeRequestAction(
  {
    id: 'sagemaker-studio:team-environment:request',
    create: createSageMakerStudioTeamEnvironmentRequestAction,
    input: { teamName: 'fraud-detection', envType: 'test' },
    body: {
      product: 'teamEnvironment',
      operation: 'provision',
      teamName: 'fraud-detection',
      parameters: { EnvType: 'test' },
    },
    refusal: new InputError(
      'teamName: you are not a member of team fraud-detection',
    ),
  },
  () => {
    it('defaults the environment type to dev', async () => {
      const options = actionOptions();
      const action = createSageMakerStudioTeamEnvironmentRequestAction(options);

      await action.handler(actionContext({ teamName: 'fraud-detection' }));

      expect(options.requests.createRequest).toHaveBeenCalledWith(
        expect.objectContaining({ parameters: { EnvType: 'dev' } }),
        expect.anything(),
      );
    });

    it('refuses a team name the product does not allow, naming the field, before calling the backend', async () => {
      const options = actionOptions();
      const action = createSageMakerStudioTeamEnvironmentRequestAction(options);

      await expect(
        action.handler(
          actionContext({ teamName: 'fraud-detection', envType: 'staging' }),
        ),
      ).rejects.toThrow(
        new InputError('EnvType: must be one of dev, test, prod'),
      );
      expect(options.requests.createRequest).not.toHaveBeenCalled();
    });
  },
);
