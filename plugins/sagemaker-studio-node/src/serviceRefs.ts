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
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { readSageMakerStudioConfig } from './config';
import { SageMakerStudioAwsClients } from './aws/SageMakerStudioAwsClients';
import { ServiceCatalogProvisioner } from './provisioning/ServiceCatalogProvisioner';
import { SageMakerStudioProvisioner } from './provisioning/types';

/**
 * The AWS clients of the plugin set, one per backend process, shared by the
 * backend plugin and the scaffolder and catalog modules. Replace the factory
 * to change how clients are built.
 *
 * @public
 */
export const sageMakerStudioAwsClientsServiceRef =
  createServiceRef<SageMakerStudioAwsClients>({
    id: 'sagemaker-studio.aws-clients',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) =>
          new SageMakerStudioAwsClients({
            config: readSageMakerStudioConfig(config),
            credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
          }),
      }),
  });

/**
 * Launches and follows the Service Catalog products. The default goes
 * through AWS Service Catalog with the clients above; replace the factory to
 * provision another way.
 *
 * @public
 */
export const sageMakerStudioProvisionerServiceRef =
  createServiceRef<SageMakerStudioProvisioner>({
    id: 'sagemaker-studio.provisioner',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          clients: sageMakerStudioAwsClientsServiceRef,
        },
        factory: ({ config, clients }) =>
          new ServiceCatalogProvisioner({
            config: readSageMakerStudioConfig(config),
            clients,
          }),
      }),
  });
