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

/**
 * The contract between the sandbox's HTTP layer and the services it hosts.
 * A service is a set of operations named as in the AWS API reference; each
 * operation takes the decoded request (the same shape as the SDK command input)
 * and returns the output shape (the same shape as the SDK command output).
 * The wire protocol (JSON 1.1, query/XML, REST-JSON, REST-XML) is the HTTP
 * layer's business, not the operation's.
 */

import type { Clock } from '../state/Clock';
import type { StateStore } from '../state/StateStore';
import type { EventPublisher } from '../events/types';

/** Wire protocols the sandbox speaks. */
export type WireProtocol = 'json' | 'query' | 'rest-json' | 'rest-xml';

/** An AWS-shaped error: `code` is what the SDK turns into a named exception. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number = 400,
    readonly senderFault: boolean = statusCode < 500,
  ) {
    super(message);
    this.name = code;
  }
}

/** What an operation sees of the request besides its input. */
export interface RequestContext {
  /** Account id of the caller (from the access key; a fixed account by default). */
  accountId: string;
  region: string;
  /** A fresh request id, also returned to the SDK. */
  requestId: string;
  /** Access key id of the caller, as it appears in the SigV4 credential scope. */
  accessKeyId: string;
  /** Call another operation inside the sandbox, as the given service would be called over HTTP. */
  invoke(service: string, operation: string, input: any): Promise<any>;
}

export type OperationHandler = (
  input: any,
  ctx: RequestContext,
) => Promise<any> | any;

/** A REST route: `path` uses `{Name}` placeholders that become input members. */
export interface RestRoute {
  method: string;
  path: string;
  operation: string;
}

export interface ServiceDefinition {
  /** Short name used by `invoke`, e.g. `sagemaker`, `servicecatalog`, `cloudformation`. */
  name: string;
  /** The SigV4 signing name the SDK puts in the credential scope (routes requests). */
  signingName: string;
  protocol: WireProtocol;
  /** JSON 1.1: the prefix of the `X-Amz-Target` header, e.g. `SageMaker`. */
  jsonTargetPrefix?: string;
  /** Query: the API version, e.g. `2010-05-15`; also names the XML namespace. */
  queryVersion?: string;
  /** Query: the XML namespace of responses. */
  xmlNamespace?: string;
  /** REST protocols: the routes. */
  restRoutes?: RestRoute[];
  operations: Record<string, OperationHandler>;
  /**
   * The error code the real service answers throttled calls with
   * (`ThrottlingException` when absent).
   */
  throttlingErrorCode?: string;
  /** HTTP status of throttled calls (400 when absent). */
  throttlingStatusCode?: number;
  /** The code of injected server errors (`InternalFailure` when absent). */
  serverErrorCode?: string;
  /** Called once the server listens, e.g. to seed state through `ctx.invoke`. */
  start?(ctx: RequestContext): Promise<void> | void;
  /** Plain HTTP pages served by the sandbox (e.g. the stand-in for Studio). */
  pages?: PageRoute[];
}

/** A plain HTTP page, matched by path prefix, outside the AWS protocols. */
export interface PageRoute {
  /** Path prefix such as `/studio/`. */
  prefix: string;
  handle(request: PageRequest): PageResponse | Promise<PageResponse>;
}

export interface PageRequest {
  method: string;
  url: URL;
}

export interface PageResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Settings every service may read. */
export interface SandboxSettings {
  /** Account of callers whose access key is not a 12-digit account id. */
  accountId: string;
  /** Region used when a request carries none (internal calls). */
  region: string;
  /** How long asynchronous work (domain creation, jobs, stacks ...) takes, in ms. */
  delayMs: number;
  /** Whether the demo estate should be seeded at start. */
  demo: boolean;
}

/** Minimal logger, compatible with `console` and Backstage's LoggerService. */
export interface SandboxLogger {
  info(message: string, ...meta: unknown[]): void;
  warn(message: string, ...meta: unknown[]): void;
  error(message: string, ...meta: unknown[]): void;
}

/** What a service factory receives: everything shared across services. */
export interface SandboxEnvironment {
  /** Per-service tables of plain JSON records; persisted with `--state-file`. */
  state: StateStore;
  clock: Clock;
  settings: SandboxSettings;
  /** EventBridge stand-in: publish events, delivered after the call returns. */
  events: EventPublisher;
  logger: SandboxLogger;
  /** The sandbox's own URL (`http://127.0.0.1:<port>`), known once it listens. */
  baseUrl(): string;
  /** Call an operation of any registered service, bypassing HTTP and fault injection. */
  invoke(service: string, operation: string, input: any): Promise<any>;
}

/** How a service plugs in: a function from the environment to its definition. */
export type ServiceFactory = (env: SandboxEnvironment) => ServiceDefinition;
