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

import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FaultInjector } from '../faults';
import { refuseForeignAdminRequest } from './adminGuard';
import { headerValue, RawRequest, RawResponse } from './http';
import { protocolCodecs } from './protocols';
import type { ServiceRegistry } from './ServiceRegistry';
import { CredentialScope, parseCredentialScope } from './sigv4';
import {
  AwsError,
  RequestContext,
  SandboxLogger,
  ServiceDefinition,
} from './types';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface RequestListenerOptions {
  registry: ServiceRegistry;
  faults: FaultInjector;
  logger: SandboxLogger;
  /** Builds the context operations see for a caller. */
  createContext(caller: {
    accessKeyId: string;
    region?: string;
    requestId: string;
  }): RequestContext;
  /** Answers `/_sandbox/...` requests. */
  handleAdmin(request: RawRequest): Promise<RawResponse>;
  /** Runs after every AWS call, e.g. to persist state. */
  afterCall(): void;
  /** Told when a request starts, with a promise settled once its response is sent. */
  onRequest?(responseSent: Promise<void>): void;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new AwsError('EntityTooLarge', 'The request body is too large', 413),
        );
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, raw: RawResponse) {
  const body = raw.body ?? '';
  // HEAD answers keep the length of the object they describe.
  response.writeHead(raw.status, {
    'content-length': String(Buffer.byteLength(body)),
    ...raw.headers,
  });
  response.end(body);
}

function sleep(milliseconds: number) {
  return new Promise(resolve => setTimeout(resolve, milliseconds));
}

/** A service-less error, for requests the sandbox cannot attribute to any service. */
function unknownServiceResponse(
  requestId: string,
  message: string,
): RawResponse {
  return {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': 'UnknownServiceException',
    },
    body: JSON.stringify({ __type: 'UnknownServiceException', message }),
  };
}

/** An injected fault that closes the connection without an answer. */
class ConnectionReset extends Error {}

function injectedError(
  service: ServiceDefinition,
  fault: 'throttle' | 'server-error' | 'unavailable',
): AwsError {
  if (fault === 'unavailable') {
    // AWS's common error for a temporary failure of the service.
    return new AwsError(
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
      503,
    );
  }
  if (fault === 'throttle') {
    const code =
      service.throttlingErrorCode ??
      (service.protocol === 'query' ? 'Throttling' : 'ThrottlingException');
    return new AwsError(
      code,
      'Rate exceeded',
      service.throttlingStatusCode ?? 400,
      true,
    );
  }
  const code =
    service.serverErrorCode ??
    (service.protocol === 'rest-xml' ? 'InternalError' : 'InternalFailure');
  return new AwsError(
    code,
    'The request processing has failed because of an unknown error.',
    500,
  );
}

function resolveService(
  registry: ServiceRegistry,
  request: RawRequest,
  scope: CredentialScope | undefined,
): ServiceDefinition | undefined {
  if (scope) {
    return registry.forSigningName(scope.service);
  }
  const target = headerValue(request.headers, 'x-amz-target');
  return target ? registry.forTargetPrefix(target.split('.')[0]) : undefined;
}

/** The node:http listener: admin endpoints, pages, then AWS calls by signing name. */
export function createRequestListener(options: RequestListenerOptions) {
  const { registry, faults, logger } = options;
  const pages = registry.all().flatMap(service => service.pages ?? []);

  async function handleAwsCall(
    request: RawRequest,
    requestId: string,
  ): Promise<RawResponse> {
    const scope = parseCredentialScope(request.headers, request.url);
    const service = resolveService(registry, request, scope);
    if (!service) {
      return unknownServiceResponse(
        requestId,
        scope
          ? `The sandbox does not host the service ${scope.service}`
          : 'Requests must be SigV4-signed (Authorization header with a credential scope)',
      );
    }
    const codec = protocolCodecs[service.protocol];
    let operation: string | undefined;
    try {
      const decoded = codec.decode(request, service);
      operation = decoded.operation;
      const context = options.createContext({
        accessKeyId: scope?.accessKeyId ?? 'anonymous',
        region: scope?.region,
        requestId,
      });
      const decision = faults.decide(service.name, operation, {
        accountId: context.accountId,
        region: context.region,
      });
      if (decision.latencyMs > 0) {
        await sleep(decision.latencyMs);
      }
      if (decision.fault === 'connection-reset') {
        throw new ConnectionReset();
      }
      if (decision.fault) {
        throw injectedError(service, decision.fault);
      }
      const output = await service.operations[operation](
        decoded.input,
        context,
      );
      return codec.encodeOutput(output, { service, operation, requestId });
    } catch (error) {
      if (error instanceof ConnectionReset) {
        throw error;
      }
      const awsError =
        error instanceof AwsError
          ? error
          : new AwsError(
              'InternalFailure',
              'The request processing has failed because of an unknown error.',
              500,
            );
      if (!(error instanceof AwsError)) {
        logger.error(
          `${service.name}:${operation ?? '?'} failed: ${
            (error as Error)?.stack ?? error
          }`,
        );
      }
      return codec.encodeError(awsError, { service, operation, requestId });
    } finally {
      options.afterCall();
    }
  }

  async function handle(incoming: IncomingMessage): Promise<RawResponse> {
    const requestId = randomUUID();
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request: RawRequest = {
      method: (incoming.method ?? 'GET').toUpperCase(),
      url,
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    if (url.pathname.startsWith('/_sandbox/')) {
      return refuseForeignAdminRequest(request) ?? options.handleAdmin(request);
    }
    const page = pages.find(candidate =>
      url.pathname.startsWith(candidate.prefix),
    );
    if (page && !request.headers.authorization) {
      const answer = await page.handle({ method: request.method, url });
      // Pages may change state too (opening a presigned URL starts its session).
      options.afterCall();
      return {
        status: answer.status,
        headers: { 'content-type': answer.contentType },
        body: answer.body,
      };
    }
    return handleAwsCall(request, requestId);
  }

  return (incoming: IncomingMessage, response: ServerResponse) => {
    options.onRequest?.(
      new Promise<void>(resolve => response.once('close', () => resolve())),
    );
    handle(incoming)
      .then(raw => send(response, raw))
      .catch(error => {
        if (error instanceof ConnectionReset) {
          response.destroy();
          return;
        }
        const awsError =
          error instanceof AwsError
            ? error
            : new AwsError(
                'InternalFailure',
                String(error?.message ?? error),
                500,
              );
        if (!(error instanceof AwsError)) {
          logger.error(`Sandbox request failed: ${error?.stack ?? error}`);
        }
        if (response.headersSent) {
          response.destroy();
          return;
        }
        send(response, {
          status: awsError.statusCode,
          headers: {
            'content-type': 'application/json',
            'x-amzn-errortype': awsError.code,
          },
          body: JSON.stringify({
            __type: awsError.code,
            message: awsError.message,
          }),
        });
      });
  };
}
