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

import { SandboxEnvironment, ServiceDefinition } from '../../server/types';
import { constraintOperations } from './constraintOperations';
import { planOperations } from './planOperations';
import { portfolioOperations } from './portfolioOperations';
import { productOperations } from './productOperations';
import { provisioningOperations } from './provisioningOperations';
import { withSessions } from './session';

/**
 * AWS Service Catalog over JSON 1.1. Every provisioned product is a real stack in the
 * sandbox's CloudFormation, reached through `invoke('cloudformation', ...)`.
 */
export function createServiceCatalogService(
  env: SandboxEnvironment,
): ServiceDefinition {
  return {
    name: 'servicecatalog',
    signingName: 'servicecatalog',
    protocol: 'json',
    jsonTargetPrefix: 'AWS242ServiceCatalogService',
    operations: withSessions(env, {
      ...portfolioOperations(env),
      ...productOperations(env),
      ...constraintOperations(),
      ...provisioningOperations(),
      ...planOperations(),
    }),
  };
}
