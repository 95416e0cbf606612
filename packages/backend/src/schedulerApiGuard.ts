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

import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import {
  AuthService,
  coreServices,
  createServiceFactory,
  HttpAuthService,
  HttpRouterService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';

type Handler = Parameters<HttpRouterService['use']>[0];
type Request = Parameters<Handler>[0];
type Response = Parameters<Handler>[1];
type Next = Parameters<Handler>[2];

/** Where the scheduler mounts its REST API in every plugin. */
export const SCHEDULER_API_PREFIX = '/.backstage/scheduler';

/**
 * Whether a plugin-relative request path is under the scheduler's REST API
 * (`/.backstage/scheduler/...`), whatever its spelling: percent-encoded
 * characters (decoded until nothing changes), any letter case, repeated or
 * trailing slashes, backslashes. Malformed percent-encoding stops the
 * decoding there; what was decoded so far is what is checked.
 */
export function isSchedulerApiPath(path: string): boolean {
  let decoded = path;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const normalized = decoded
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase();
  return (
    normalized === SCHEDULER_API_PREFIX ||
    normalized.startsWith(`${SCHEDULER_API_PREFIX}/`)
  );
}

/**
 * Puts a check in front of the router of a plugin's scheduler REST API
 * (`GET /.backstage/scheduler/v1/tasks`, `POST .../tasks/:id/trigger` and
 * `.../cancel`), which Backstage serves to any signed-in caller
 * (backstage/backstage#30049).
 *
 * Only service principals reach that router. Anyone else (a person, or a
 * request without credentials where a plugin lets those in) gets 403
 * NotAllowedError on any path {@link isSchedulerApiPath} recognises, and
 * never reaches the scheduler's router on any other path either: a spelling
 * the check does not recognise but the router would match goes on to the
 * plugin's own routes instead (a 404, typically), not to the scheduler.
 */
export function guardSchedulerRouter(
  schedulerRouter: Handler,
  deps: {
    httpAuth: HttpAuthService;
    auth: AuthService;
    logger: LoggerService;
    pluginId: string;
  },
): Handler {
  const { httpAuth, auth, logger, pluginId } = deps;
  const guard = async (req: Request, res: Response, next: Next) => {
    if (!isSchedulerApiPath(req.path)) {
      next();
      return;
    }
    const credentials = await httpAuth.credentials(req);
    if (auth.isPrincipal(credentials, 'service')) {
      schedulerRouter(req, res, next);
      return;
    }
    const who = auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : 'a caller without credentials';
    logger.warn(
      `Refused ${req.method} ${req.originalUrl} to ${who}: the scheduler API answers only service principals`,
    );
    throw new NotAllowedError(
      `The scheduler API of plugin ${pluginId} (${SCHEDULER_API_PREFIX}/...) answers only other backends (service principals): ` +
        'people may not list, trigger or cancel background tasks. ' +
        'An admin starts a compliance sweep with POST /api/sagemaker-studio/compliance/sweep.',
    );
  };
  return (req, res, next) => {
    guard(req, res, next).catch(next);
  };
}

/**
 * The default scheduler service, with its REST API behind
 * {@link guardSchedulerRouter}: people get 403 on every plugin's
 * `/.backstage/scheduler/...`, other backends still use it. Everything else
 * (scheduling, running, the database) is Backstage's own
 * `DefaultSchedulerService`.
 */
export const guardedSchedulerServiceFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: {
    database: coreServices.database,
    logger: coreServices.logger,
    rootLifecycle: coreServices.rootLifecycle,
    httpRouter: coreServices.httpRouter,
    httpAuth: coreServices.httpAuth,
    auth: coreServices.auth,
    pluginMetadata: coreServices.pluginMetadata,
    metrics: metricsServiceRef,
  },
  async factory({
    database,
    logger,
    rootLifecycle,
    httpRouter,
    httpAuth,
    auth,
    pluginMetadata,
    metrics,
  }) {
    const pluginId = pluginMetadata.getId();
    const guardedRouter: HttpRouterService = {
      use: handler =>
        httpRouter.use(
          guardSchedulerRouter(handler, { httpAuth, auth, logger, pluginId }),
        ),
      addAuthPolicy: policy => httpRouter.addAuthPolicy(policy),
      addWebSocketHandler: options => httpRouter.addWebSocketHandler(options),
    };
    return DefaultSchedulerService.create({
      database,
      logger,
      rootLifecycle,
      httpRouter: guardedRouter,
      pluginMetadata,
      metrics,
    });
  },
});
