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
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { sageMakerStudioPermissions } from '@internal/plugin-sagemaker-studio-common';
import {
  StudioDomainReader,
  readSageMakerStudioConfig,
  sageMakerStudioAwsClientsServiceRef,
} from '@internal/plugin-sagemaker-studio-node';
import { DatabaseRequestStore } from './requests/DatabaseRequestStore';
import { createRouter } from './router/createRouter';
import { DefaultSageMakerStudioService } from './service/DefaultSageMakerStudioService';

/**
 * The SageMaker Studio backend plugin: domain and team status, the
 * provisioning request and approval store, and the compliance sweeps.
 *
 * @public
 */
export const sageMakerStudioPlugin = createBackendPlugin({
  pluginId: 'sagemaker-studio',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        awsClients: sageMakerStudioAwsClientsServiceRef,
      },
      async init(deps) {
        const config = readSageMakerStudioConfig(deps.config);
        deps.permissionsRegistry.addPermissions(sageMakerStudioPermissions);
        const service = new DefaultSageMakerStudioService({
          config,
          domains: new StudioDomainReader(deps.awsClients),
          requests: await DatabaseRequestStore.create({
            database: deps.database,
          }),
          permissions: deps.permissions,
          auditor: deps.auditor,
          logger: deps.logger,
        });
        deps.httpRouter.use(
          await createRouter({ httpAuth: deps.httpAuth, service }),
        );
      },
    });
  },
});
