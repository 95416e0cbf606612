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

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { sageMakerStudioRequestsServiceRef } from '@internal/plugin-sagemaker-studio-node';
import {
  createSageMakerStudioDomainRequestAction,
  createSageMakerStudioTeamEnvironmentOffboardAction,
  createSageMakerStudioTeamEnvironmentRequestAction,
  createSageMakerStudioUserProfileOffboardAction,
  createSageMakerStudioUserProfileRequestAction,
  createSageMakerStudioUserProfileUpgradeAction,
} from './actions';

/**
 * Registers the SageMaker Studio scaffolder actions: one per product and per
 * day-2 operation, all calling the backend plugin's request API.
 *
 * @public
 */
export const scaffolderModuleSageMakerStudio = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'sagemaker-studio',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        requests: sageMakerStudioRequestsServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, requests, config }) {
        const options = { requests, config };
        scaffolder.addActions(
          createSageMakerStudioDomainRequestAction(options),
          createSageMakerStudioTeamEnvironmentRequestAction(options),
          createSageMakerStudioUserProfileRequestAction(options),
          createSageMakerStudioUserProfileUpgradeAction(options),
          createSageMakerStudioUserProfileOffboardAction(options),
          createSageMakerStudioTeamEnvironmentOffboardAction(options),
        );
      },
    });
  },
});
