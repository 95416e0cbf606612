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
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { HttpSageMakerStudioRequestsClient } from './HttpSageMakerStudioRequestsClient';
import { SageMakerStudioRequestsService } from './types';

/**
 * The client of the SageMaker Studio backend's request API, for other
 * plugins and modules (plugin scope: each plugin gets its own, with its own
 * auth service). Replace the factory to call the backend some other way.
 *
 * @public
 */
export const sageMakerStudioRequestsServiceRef =
  createServiceRef<SageMakerStudioRequestsService>({
    id: 'sagemaker-studio.requests-client',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          discovery: coreServices.discovery,
          auth: coreServices.auth,
        },
        factory: ({ discovery, auth }) =>
          HttpSageMakerStudioRequestsClient.create({ discovery, auth }),
      }),
  });
