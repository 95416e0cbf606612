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

import { convertDates, RawRequest } from '../http';
import { AwsError, RestRoute, ServiceDefinition } from '../types';
import { parseJsonObject } from './jsonProtocol';
import type { CallIdentity, DecodedRequest, ProtocolCodec } from './types';

/** Matches `path` against a route template; returns the `{Name}` members or undefined. */
export function matchRoutePath(
  template: string,
  path: string,
): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)(\+?)\}/g, (_, name, greedy) => {
      names.push(name);
      return greedy ? '(.+)' : '([^/]+)';
    });
  const match = new RegExp(`^${pattern}/?$`).exec(path);
  if (!match) {
    return undefined;
  }
  return Object.fromEntries(
    names.map((name, index) => [name, decodeURIComponent(match[index + 1])]),
  );
}

function findRoute(
  service: ServiceDefinition,
  request: RawRequest,
): [RestRoute, Record<string, string>] {
  for (const route of service.restRoutes ?? []) {
    if (route.method.toUpperCase() !== request.method) {
      continue;
    }
    const members = matchRoutePath(route.path, request.url.pathname);
    if (members) {
      return [route, members];
    }
  }
  throw new AwsError(
    'UnknownOperationException',
    `No operation for ${request.method} ${request.url.pathname}`,
    404,
  );
}

/** AWS REST-JSON: routes by method and path, JSON bodies, ISO 8601 timestamps. */
export const restJsonProtocol: ProtocolCodec = {
  decode(request: RawRequest, service: ServiceDefinition): DecodedRequest {
    const [route, pathMembers] = findRoute(service, request);
    const body = parseJsonObject(request.body);
    return { operation: route.operation, input: { ...body, ...pathMembers } };
  },

  encodeOutput(output: unknown, call: CallIdentity) {
    return {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': call.requestId,
      },
      body: JSON.stringify(
        convertDates(output ?? {}, date => date.toISOString()),
      ),
    };
  },

  encodeError(error: AwsError, call: CallIdentity) {
    return {
      status: error.statusCode,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': call.requestId,
        'x-amzn-errortype': error.code,
      },
      body: JSON.stringify({
        Code: error.code,
        Message: error.message,
        message: error.message,
      }),
    };
  },
};
