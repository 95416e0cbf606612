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

/*
 * A real Backstage backend with only the SageMaker Studio plugin, run as a
 * child process by twoBackends.test.ts:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs backendProcess.ts
 *
 * STUDIO_BACKEND_CONFIG: the whole config, as JSON.
 * STUDIO_TASK_TIMEOUT_SECONDS: optional; replaces the timeout the plugin gives
 *   its scheduled task, so a killed instance's lock runs out in test time.
 *
 * Prints `ROUND start <pid>` / `ROUND end <pid>` around every provisioning
 * round, so the test knows which process runs one.
 */

import { createBackend } from '@backstage/backend-defaults';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import {
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ConfigReader } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { sageMakerStudioPlugin } from '../../plugin';

const config = JSON.parse(process.env.STUDIO_BACKEND_CONFIG ?? '{}');
const timeoutSeconds = Number(process.env.STUDIO_TASK_TIMEOUT_SECONDS ?? 0);

function mark(what: string) {
  process.stdout.write(`ROUND ${what} ${process.pid}\n`);
}

const backend = createBackend();

backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(config),
  }),
);

// The default scheduler, with each round marked and, when asked, a shorter timeout.
backend.add(
  createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      database: coreServices.database,
      logger: coreServices.logger,
      rootLifecycle: coreServices.rootLifecycle,
      httpRouter: coreServices.httpRouter,
      pluginMetadata: coreServices.pluginMetadata,
      metrics: metricsServiceRef,
    },
    factory(deps) {
      const scheduler = DefaultSchedulerService.create(deps);
      return Object.assign(Object.create(scheduler), {
        scheduleTask: (task: Parameters<SchedulerService['scheduleTask']>[0]) =>
          scheduler.scheduleTask({
            ...task,
            ...(timeoutSeconds ? { timeout: { seconds: timeoutSeconds } } : {}),
            fn: async signal => {
              mark('start');
              try {
                await task.fn(signal);
              } finally {
                mark('end');
              }
            },
          }),
      });
    },
  }),
);

// The executor needs neither the catalog nor notifications.
backend.add(
  createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy({} as any, {
        get: (_, name) =>
          name === 'then'
            ? undefined
            : async () => {
                throw new Error(
                  `catalog.${String(name)} is not in this test backend`,
                );
              },
      }),
  }),
);
backend.add(
  createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({ send: async () => {} }),
  }),
);

backend.add(sageMakerStudioPlugin);

backend.start().catch(error => {
  process.stderr.write(`backend failed to start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
