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
  OperationHandler,
  RequestContext,
  SandboxEnvironment,
} from '../../server/types';
import { CatalogStore } from './CatalogStore';
import { Provisioner } from './Provisioner';

/** What an operation works with: the caller's account and region of the catalog. */
export interface CatalogSession {
  store: CatalogStore;
  provisioner: Provisioner;
}

/** A Service Catalog operation, given the session of its caller. */
export type CatalogOperation = (
  input: any,
  ctx: RequestContext,
  session: CatalogSession,
) => unknown;

/** Turns catalog operations into sandbox operations that open a session per call. */
export function withSessions(
  env: SandboxEnvironment,
  operations: Record<string, CatalogOperation>,
): Record<string, OperationHandler> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [
      name,
      (input: any, ctx: RequestContext) => {
        const store = new CatalogStore(env, ctx);
        return operation(input, ctx, {
          store,
          provisioner: new Provisioner(store, env),
        });
      },
    ]),
  );
}
