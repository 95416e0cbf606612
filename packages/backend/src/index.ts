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

import { createBackend } from '@backstage/backend-defaults';
import { ConfigSources } from '@backstage/config-loader';
import { findConfigProblems } from './startupChecks';
import { authModuleLocalIdentities } from './modules/localIdentities';
import { permissionModuleSageMakerStudioPolicy } from './modules/permissionPolicy';
import { guardedSchedulerServiceFactory } from './schedulerApiGuard';

async function main() {
  // Read the same config the backend will, and stop with a readable message
  // (the key and what to do) rather than a stack trace from deep inside.
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ argv: process.argv }),
  );
  const problems = findConfigProblems(config);
  if (problems.length > 0) {
    process.stderr.write(
      `Configuration error, the backend will not start:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}\n`,
    );
    process.exit(1);
  }

  const backend = createBackend();

  // Every plugin's scheduler REST API (/.backstage/scheduler/...) answers
  // only service principals; people get 403 (backstage/backstage#30049).
  backend.add(guardedSchedulerServiceFactory);

  backend.add(import('@backstage/plugin-app-backend'));
  backend.add(import('@backstage/plugin-events-backend'));

  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(authModuleLocalIdentities);

  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
  backend.add(
    import('@internal/plugin-catalog-backend-module-sagemaker-studio'),
  );

  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(permissionModuleSageMakerStudioPolicy);

  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(
    import('@backstage/plugin-scaffolder-backend-module-notifications'),
  );
  backend.add(
    import('@internal/plugin-scaffolder-backend-module-sagemaker-studio'),
  );

  backend.add(import('@backstage/plugin-search-backend'));
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));

  backend.add(import('@backstage/plugin-notifications-backend'));
  backend.add(import('@backstage/plugin-signals-backend'));
  backend.add(import('@backstage/plugin-user-settings-backend'));

  backend.add(import('@internal/plugin-sagemaker-studio-backend'));

  await backend.start();
}

main().catch(error => {
  process.stderr.write(`Backend failed to start: ${error?.message ?? error}\n`);
  process.exit(1);
});
