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
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  ProvisionedProductReader,
  StudioDomainReader,
  readSageMakerStudioConfig,
  sageMakerStudioAwsClientsServiceRef,
} from '@internal/plugin-sagemaker-studio-node';
import { SageMakerStudioEntityProvider } from './provider/SageMakerStudioEntityProvider';

/**
 * Adds the SageMaker Studio entity providers to the catalog, one per
 * account and region of `sageMakerStudio.accounts`: domains, team
 * environments and user profiles, refreshed on the configured schedule and
 * when the backend reports a finished provisioning request.
 *
 * @public
 */
export const catalogModuleSageMakerStudioEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'sagemaker-studio-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        awsClients: sageMakerStudioAwsClientsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, events, awsClients }) {
        const { products } = readSageMakerStudioConfig(config);
        // One provider per configured account and region.
        catalog.addEntityProvider(
          SageMakerStudioEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            events,
            domains: target =>
              new StudioDomainReader(awsClients.forTarget(target), { logger }),
            estate: target =>
              new ProvisionedProductReader({
                clients: awsClients.forTarget(target),
                products,
              }),
          }),
        );
      },
    });
  },
});
