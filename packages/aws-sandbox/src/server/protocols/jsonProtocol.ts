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

import { convertDates, headerValue, RawRequest } from '../http';
import { AwsError, ServiceDefinition } from '../types';
import type { CallIdentity, DecodedRequest, ProtocolCodec } from './types';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Parses a JSON object body; an empty body is an empty input. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (!text) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AwsError(
      'SerializationException',
      `Could not parse the request body as JSON: ${(error as Error).message}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError(
      'SerializationException',
      'The request body must be a JSON object',
    );
  }
  return parsed as Record<string, unknown>;
}

/** AWS JSON 1.1: `X-Amz-Target: Prefix.Operation`, timestamps as epoch seconds. */
export const jsonProtocol: ProtocolCodec = {
  decode(request: RawRequest, service: ServiceDefinition): DecodedRequest {
    const target = headerValue(request.headers, 'x-amz-target') ?? '';
    const separator = target.lastIndexOf('.');
    const prefix = target.slice(0, separator);
    const operation = target.slice(separator + 1);
    if (
      separator < 0 ||
      prefix !== service.jsonTargetPrefix ||
      !Object.prototype.hasOwnProperty.call(service.operations, operation)
    ) {
      throw new AwsError(
        'UnknownOperationException',
        `Unknown operation ${target || '(no X-Amz-Target header)'}`,
      );
    }
    return { operation, input: parseJsonObject(request.body) };
  },

  encodeOutput(output: unknown, call: CallIdentity) {
    return {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPE,
        'x-amzn-requestid': call.requestId,
      },
      body: JSON.stringify(
        convertDates(output ?? {}, date => date.getTime() / 1000),
      ),
    };
  },

  encodeError(error: AwsError, call: CallIdentity) {
    return {
      status: error.statusCode,
      headers: {
        'content-type': CONTENT_TYPE,
        'x-amzn-requestid': call.requestId,
        'x-amzn-errortype': error.code,
      },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  },
};
