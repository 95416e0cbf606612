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
import { createSageMakerStudioUserProfileRequestAction } from './userProfileRequest';

describeRequestAction(
  {
    id: 'sagemaker-studio:user-profile:request',
    create: createSageMakerStudioUserProfileRequestAction,
    input: {
      teamName: 'fraud-detection',
      domainId: 'd-abc123def456',
      envType: 'dev',
      requireNetworkIsolation: true,
    },
    // Without a profile name: the backend names the profile after the initiator.
    body: {
      product: 'userProfile',
      operation: 'provision',
      teamName: 'fraud-detection',
      domainId: 'd-abc123def456',
      parameters: { EnvType: 'dev', RequireNetworkIsolation: 'true' },
    },
    reported: {
      status: 'SUCCEEDED',
      entityRef: 'resource:default/dana-scientist-user-profile',
    },
    refusal: new InputError(
      'domainId: d-abc123def456 is not one of the configured domains',
    ),
  },
  () => {
    it('takes a domain id only, not the entity name of a domain read in another account', () => {
      const action = createSageMakerStudioUserProfileRequestAction(
        actionOptions(),
      );
      const field = (action.schema?.input as any).properties.domainId;
      const pattern = new RegExp(field.pattern);
      expect(pattern.test('d-abc123def456')).toBe(true);
      for (const wrong of [
        'd-abc123def456-210987654321-us-east-1',
        'resource:default/d-abc123def456',
        'D-ABC123',
        'd-',
      ]) {
        expect(pattern.test(wrong)).toBe(false);
      }
      expect((action.schema?.input as any).required).toContain('domainId');
      expect(field.description).toMatch(/sagemaker-studio\.aws\/domain-id/);
    });

    it('defaults to dev without network isolation', async () => {
      const options = actionOptions();
      const action = createSageMakerStudioUserProfileRequestAction(options);

      await action.handler(
        actionContext({
          teamName: 'fraud-detection',
          domainId: 'd-abc123def456',
        }),
      );

      expect(
        options.requests.createRequest.mock.calls[0][0].parameters,
      ).toEqual({
        EnvType: 'dev',
        RequireNetworkIsolation: 'false',
      });
    });
  },
);
