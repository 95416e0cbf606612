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

import { InputError, NotAllowedError } from '@backstage/errors';
import { actionContext, actionOptions } from './__testUtils__/actionTestUtils';
import { describeRequestAction } from './__testUtils__/describeRequestAction';
import { createSageMakerStudioDomainRequestAction } from './domainRequest';

const input = {
  StudioDomainName: 'data-science',
  DefaultInstanceType: 'ml.m5.large',
  IdleTimeoutInMinutes: 120,
  MaximumEbsVolumeSizeInGb: 50,
};

describeRequestAction(
  {
    id: 'sagemaker-studio:domain:request',
    create: createSageMakerStudioDomainRequestAction,
    input,
    // Every parameter as a string.
    body: {
      product: 'studioDomain',
      operation: 'provision',
      parameters: {
        StudioDomainName: 'data-science',
        DefaultInstanceType: 'ml.m5.large',
        IdleTimeoutInMinutes: '120',
        MaximumEbsVolumeSizeInGb: '50',
      },
    },
    refusal: new NotAllowedError(
      'only data-science admins may request a Studio domain',
    ),
  },
  () => {
    it('leaves out the volume cap when not given and applies the defaults', async () => {
      const options = actionOptions();
      const action = createSageMakerStudioDomainRequestAction(options);

      await action.handler(actionContext({ StudioDomainName: 'data-science' }));

      expect(
        options.requests.createRequest.mock.calls[0][0].parameters,
      ).toEqual({
        StudioDomainName: 'data-science',
        DefaultInstanceType: 'ml.t3.medium',
        IdleTimeoutInMinutes: '60',
      });
    });

    it.each([
      [
        { IdleTimeoutInMinutes: 30 },
        'IdleTimeoutInMinutes: must be a number from 60 to 525600',
      ],
      [
        { MaximumEbsVolumeSizeInGb: 20000 },
        'MaximumEbsVolumeSizeInGb: must be a number from 5 to 16384',
      ],
      [
        { StudioDomainName: 'data--science-' },
        'StudioDomainName: must be at most 63 letters, digits and single dashes, starting and ending with a letter or digit',
      ],
    ])(
      'refuses %j before calling the backend, naming the field',
      async (change, message) => {
        const options = actionOptions();
        const action = createSageMakerStudioDomainRequestAction(options);

        await expect(
          action.handler(actionContext({ ...input, ...change })),
        ).rejects.toThrow(new InputError(message));
        expect(options.requests.createRequest).not.toHaveBeenCalled();
      },
    );
  },
);
