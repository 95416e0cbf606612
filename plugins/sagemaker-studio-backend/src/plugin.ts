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
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  sageMakerStudioComplianceReadPermission,
  sageMakerStudioPermissions,
} from '@internal/plugin-sagemaker-studio-common';
import {
  StudioDomainReader,
  readSageMakerStudioConfig,
  sageMakerStudioAwsClientsServiceRef,
  sageMakerStudioProvisionerServiceRef,
} from '@internal/plugin-sagemaker-studio-node';
import {
  ComplianceService,
  ComplianceSweep,
  complianceFindingPermissionResourceRef,
  DatabaseComplianceStore,
  sageMakerStudioComplianceRules,
} from './compliance';
import { SlidingWindowLimiter } from './limits/SlidingWindowLimiter';
import { RequestPolicy } from './policy/RequestPolicy';
import { ProvisioningExecutor } from './provisioning/ProvisioningExecutor';
import { RequestNotifier } from './provisioning/RequestNotifier';
import { DatabaseRequestStore } from './requests/DatabaseRequestStore';
import {
  COMPLIANCE_SWEEP_TASK_ID,
  createComplianceSweepRoutes,
} from './router/complianceRoutes';
import { createRouter } from './router/createRouter';
import { DefaultSageMakerStudioService } from './service/DefaultSageMakerStudioService';
import { DefaultSageMakerStudioEntityService } from './service/DefaultSageMakerStudioEntityService';

/**
 * The SageMaker Studio backend plugin: domain status, the provisioning
 * request and approval store, and the scheduled provisioning of approved
 * requests through Service Catalog.
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
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
        awsClients: sageMakerStudioAwsClientsServiceRef,
        provisioner: sageMakerStudioProvisionerServiceRef,
      },
      async init(deps) {
        const config = readSageMakerStudioConfig(deps.config);
        deps.permissionsRegistry.addPermissions(sageMakerStudioPermissions);
        const requests = await DatabaseRequestStore.create({
          database: deps.database,
        });
        const complianceStore = await DatabaseComplianceStore.create({
          database: deps.database,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: complianceFindingPermissionResourceRef,
          permissions: [sageMakerStudioComplianceReadPermission],
          rules: Object.values(sageMakerStudioComplianceRules),
          getResources: ids => complianceStore.findingsByIds(ids),
        });
        const domains = new StudioDomainReader(deps.awsClients);
        const notifier = new RequestNotifier({
          adminGroup: config.adminGroup,
          logger: deps.logger,
          notifications: deps.notifications,
          events: deps.events,
        });
        const service = new DefaultSageMakerStudioService({
          config,
          domains,
          requests,
          policy: new RequestPolicy({
            config,
            catalog: deps.catalog,
            permissions: deps.permissions,
            provisioner: deps.provisioner,
            domains,
            store: requests,
          }),
          notifier,
          permissions: deps.permissions,
          catalog: deps.catalog,
          auditor: deps.auditor,
          logger: deps.logger,
        });
        const executor = new ProvisioningExecutor({
          store: requests,
          provisioner: deps.provisioner,
          config,
          logger: deps.logger.child({ task: 'provisioning' }),
          auditor: deps.auditor,
          notifier,
        });
        // Global: one instance at a time runs a round, whatever the replica count.
        await deps.scheduler.scheduleTask({
          id: 'sagemaker-studio:provisioning',
          scope: 'global',
          frequency: { seconds: config.provisioning.frequencySeconds },
          // A round only makes a few calls per request; a short timeout frees
          // the lock of an instance that died mid-round sooner.
          timeout: { seconds: 90 },
          initialDelay: { seconds: 1 },
          fn: async () => {
            await executor.runOnce();
          },
        });
        const sweepSettings = config.sweep ?? {
          enabled: true,
          frequencyMinutes: 60,
        };
        if (sweepSettings.enabled) {
          const sweep = new ComplianceSweep({
            clients: deps.awsClients,
            store: complianceStore,
            logger: deps.logger.child({ task: 'compliance-sweep' }),
            context: config.sweep?.context,
          });
          // Global: one sweep at a time across instances.
          await deps.scheduler.scheduleTask({
            id: COMPLIANCE_SWEEP_TASK_ID,
            scope: 'global',
            frequency: { minutes: sweepSettings.frequencyMinutes },
            // Frees the lock of an instance that died mid-sweep.
            timeout: { minutes: 30 },
            initialDelay: { seconds: 30 },
            fn: async () => {
              await sweep.run();
            },
          });
        }
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            service,
            createLimiter: new SlidingWindowLimiter({
              what: 'new requests',
              limit: config.limits.requestsPerMinute,
              windowMs: 60_000,
            }),
            entityService: DefaultSageMakerStudioEntityService.create({
              config,
              clients: deps.awsClients,
              catalog: deps.catalog,
              permissions: deps.permissions,
              cache: deps.cache,
              auditor: deps.auditor,
              logger: deps.logger,
            }),
            openStudioLimiter: new SlidingWindowLimiter({
              what: 'Studio sessions',
              limit: config.limits.openStudioPerMinute,
              windowMs: 60_000,
            }),
            complianceService: new ComplianceService({
              store: complianceStore,
              catalog: deps.catalog,
              permissions: deps.permissions,
              ruleset: deps.permissionsRegistry.getPermissionRuleset(
                complianceFindingPermissionResourceRef,
              ),
            }),
          }),
        );
        // An admin's "sweep now" (the scheduler's own REST API is closed to
        // people, see packages/backend/src/schedulerApiGuard.ts).
        deps.httpRouter.use(
          createComplianceSweepRoutes({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            scheduler: deps.scheduler,
            sweepEnabled: sweepSettings.enabled,
          }),
        );
      },
    });
  },
});
