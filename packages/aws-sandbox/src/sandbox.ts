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

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { EventBus, EventHandler, loadDetectiveControlHandler } from './events';
import { FaultInjector, FaultSettings } from './faults';
import { createRequestListener, ServiceRegistry } from './server';
import { jsonResponse, RawRequest, RawResponse } from './server/http';
import { parseJsonObject } from './server/protocols/jsonProtocol';
import {
  AwsError,
  RequestContext,
  SandboxEnvironment,
  SandboxLogger,
  SandboxSettings,
  ServiceFactory,
} from './server/types';
import { defaultServiceFactories } from './serviceFactories';
import {
  Clock,
  loadStateFile,
  saveStateFile,
  StateStore,
  systemClock,
} from './state';

/** How to start a sandbox; every member is optional. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Default account (calls whose access key is a 12-digit number use that account instead). */
  accountId?: string;
  /** Default region, used by internal calls. */
  region?: string;
  /** Duration of asynchronous work (domain creation, jobs, stacks ...), in ms. Default 0. */
  delayMs?: number;
  /** Seed the demo estate at start. */
  demo?: boolean;
  /** Persist the state to this JSON file after every call, and load it at start. */
  stateFile?: string;
  /** Source of time; a `ManualClock` lets tests move time without waiting. */
  clock?: Clock;
  /** Faults injected into HTTP calls from the start. */
  faults?: FaultSettings;
  /**
   * Delivery of SageMaker API events to the detective-control handler:
   * `true` (default) loads the workspace package if present, `false` turns
   * delivery off, a function is used as the handler instead.
   */
  detectiveControl?: boolean | EventHandler;
  /** Services to host; defaults to all of them. */
  services?: ServiceFactory[];
  logger?: SandboxLogger;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the endpoint to give every SDK client. */
  url: string;
  port: number;
  settings: SandboxSettings;
  state: StateStore;
  clock: Clock;
  /** The EventBridge stand-in; `await sandbox.events.drain()` waits for deliveries. */
  events: EventBus;
  faults: FaultInjector;
  /** Calls an operation directly (no HTTP, no faults), as the default account. */
  invoke(service: string, operation: string, input?: any): Promise<any>;
  /**
   * The sandbox as seen by another account (and region): `invoke` calls as a
   * caller whose access key is that account id would, and `settings` name that
   * account and region. For seeding an estate in more than one account.
   */
  forAccount(
    accountId: string,
    region?: string,
  ): Pick<Sandbox, 'invoke' | 'settings' | 'state'>;
  /** Forgets all state and seeds again. */
  reset(): Promise<void>;
  /** Writes the state file now (no-op without one). */
  save(): void;
  /** Waits for event deliveries, saves, and stops listening. */
  close(): Promise<void>;
}

const DEFAULT_ACCOUNT_ID = '123456789012';
const DEFAULT_REGION = 'us-east-1';
const ACCOUNT_ID_PATTERN = /^\d{12}$/;

const quietLogger: SandboxLogger = {
  info: () => {},
  warn: () => {},
  error: (message: string) => console.error(message),
};

export async function startSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const logger = options.logger ?? quietLogger;
  const settings: SandboxSettings = {
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    region: options.region ?? DEFAULT_REGION,
    delayMs: options.delayMs ?? 0,
    demo: options.demo ?? false,
  };
  const clock = options.clock ?? systemClock;
  const state = new StateStore(
    options.stateFile ? loadStateFile(options.stateFile) : {},
  );
  const events = new EventBus(logger);
  const faults = new FaultInjector(options.faults);
  const registry = new ServiceRegistry();
  let baseUrl = '';

  function createContext(caller: {
    accessKeyId: string;
    region?: string;
    requestId: string;
  }): RequestContext {
    const context: RequestContext = {
      accountId: ACCOUNT_ID_PATTERN.test(caller.accessKeyId)
        ? caller.accessKeyId
        : settings.accountId,
      region: caller.region ?? settings.region,
      requestId: caller.requestId,
      accessKeyId: caller.accessKeyId,
      invoke: (service, operation, input) =>
        invokeAs(
          { accessKeyId: context.accessKeyId, region: context.region },
          service,
          operation,
          input,
        ),
    };
    return context;
  }

  async function invokeAs(
    caller: { accessKeyId: string; region?: string },
    serviceName: string,
    operation: string,
    input: any,
  ) {
    const service = registry.get(serviceName);
    if (!service) {
      throw new AwsError(
        'UnknownServiceException',
        `The sandbox does not host the service ${serviceName}`,
      );
    }
    const handler = service.operations[operation];
    if (!handler) {
      throw new AwsError(
        'InvalidAction',
        `The action ${operation} is not valid for ${serviceName}`,
      );
    }
    return handler(
      input ?? {},
      createContext({ ...caller, requestId: randomUUID() }),
    );
  }

  const defaultCaller = {
    accessKeyId: settings.accountId,
    region: settings.region,
  };
  const environment: SandboxEnvironment = {
    state,
    clock,
    settings,
    events,
    logger,
    baseUrl: () => baseUrl,
    invoke: (service, operation, input) =>
      invokeAs(defaultCaller, service, operation, input),
  };
  for (const factory of options.services ?? defaultServiceFactories) {
    registry.register(factory(environment));
  }

  function save() {
    if (options.stateFile) {
      saveStateFile(options.stateFile, state);
    }
  }

  async function runStartHooks() {
    for (const service of registry.all()) {
      await service.start?.(
        createContext({ ...defaultCaller, requestId: randomUUID() }),
      );
    }
    save();
  }

  async function reset() {
    await events.drain();
    state.clear();
    await runStartHooks();
  }

  async function handleAdmin(request: RawRequest): Promise<RawResponse> {
    const route = `${request.method} ${request.url.pathname.replace(
      /\/$/,
      '',
    )}`;
    try {
      const scoped = /^(PUT|DELETE) \/_sandbox\/faults\/scopes\/([^/]+)$/.exec(
        route,
      );
      if (scoped) {
        faults.configureScope(
          decodeURIComponent(scoped[2]),
          scoped[1] === 'PUT' ? parseJsonObject(request.body) : undefined,
        );
        return jsonResponse(200, faults.current());
      }
      switch (route) {
        case 'GET /_sandbox/health':
          return jsonResponse(200, {
            status: 'ok',
            url: baseUrl,
            accountId: settings.accountId,
            region: settings.region,
            services: registry.all().map(service => service.name),
          });
        case 'POST /_sandbox/reset':
          await reset();
          return jsonResponse(200, { status: 'reset' });
        case 'GET /_sandbox/faults':
          return jsonResponse(200, faults.current());
        case 'POST /_sandbox/faults':
        case 'PUT /_sandbox/faults':
          faults.configure(parseJsonObject(request.body));
          return jsonResponse(200, faults.current());
        case 'DELETE /_sandbox/faults':
          faults.configure({});
          return jsonResponse(200, faults.current());
        case 'GET /_sandbox/events':
          return jsonResponse(200, {
            events: events.recent,
            failures: events.failures,
          });
        default:
          return jsonResponse(404, {
            __type: 'NotFound',
            message: `No sandbox endpoint ${route}`,
          });
      }
    } catch (error) {
      const awsError =
        error instanceof AwsError
          ? error
          : new AwsError('InternalFailure', String(error), 500);
      return jsonResponse(awsError.statusCode, {
        __type: awsError.code,
        message: awsError.message,
      });
    }
  }

  const server = http.createServer(
    createRequestListener({
      registry,
      faults,
      logger,
      createContext,
      handleAdmin,
      afterCall: save,
      onRequest: responseSent => events.deferUntil(responseSent),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  if (options.detectiveControl !== false) {
    const handler =
      typeof options.detectiveControl === 'function'
        ? options.detectiveControl
        : loadDetectiveControlHandler({ baseUrl, settings, logger });
    if (handler) {
      events.subscribe(handler);
    }
  }

  try {
    await runStartHooks();
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    url: baseUrl,
    port,
    settings,
    state,
    clock,
    events,
    faults,
    invoke: environment.invoke,
    forAccount(accountId, region) {
      if (!ACCOUNT_ID_PATTERN.test(accountId)) {
        throw new Error(`${accountId} is not a 12-digit account id`);
      }
      const caller = {
        accessKeyId: accountId,
        region: region ?? settings.region,
      };
      return {
        state,
        settings: { ...settings, accountId, region: caller.region },
        invoke: (service, operation, input) =>
          invokeAs(caller, service, operation, input),
      };
    },
    reset,
    save,
    async close() {
      await events.drain();
      save();
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
