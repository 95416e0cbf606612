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

import { headerValue, RawRequest } from '../http';
import { AwsError, ServiceDefinition } from '../types';
import { escapeXml, toQueryXml, xmlElement } from '../xml';
import type { CallIdentity, DecodedRequest, ProtocolCodec } from './types';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const KEY_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

type Tree = { [segment: string]: Tree | string };

/**
 * Turns flat query parameters (`Tags.member.1.Key=a`) into the input shape
 * (`{ Tags: [{ Key: 'a' }] }`). Lists are `Name.member.N`, maps
 * `Name.entry.N.key/value`; every scalar stays a string, as on the wire.
 */
export function decodeQueryParameters(
  parameters: Iterable<[string, string]>,
): Record<string, unknown> {
  const root: Tree = {};
  for (const [key, value] of parameters) {
    if (!KEY_PATTERN.test(key)) {
      throw new AwsError(
        'MalformedQueryString',
        `Malformed query parameter name: ${key}`,
      );
    }
    const segments = key.split('.');
    let node = root;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        node[segment] = value;
        return;
      }
      const child = node[segment];
      if (typeof child === 'string') {
        throw new AwsError(
          'MalformedQueryString',
          `Conflicting query parameters at ${key}`,
        );
      }
      node = node[segment] = child ?? {};
    });
  }
  return shape(root) as Record<string, unknown>;
}

function isIndexed(tree: Tree): boolean {
  const keys = Object.keys(tree);
  return keys.length > 0 && keys.every(key => /^[1-9]\d*$/.test(key));
}

function shape(node: Tree | string): unknown {
  if (typeof node === 'string') {
    return node;
  }
  const keys = Object.keys(node);
  if (
    keys.length === 1 &&
    keys[0] === 'member' &&
    typeof node.member !== 'string'
  ) {
    return indexedValues(node.member).map(shape);
  }
  if (
    keys.length === 1 &&
    keys[0] === 'entry' &&
    typeof node.entry !== 'string'
  ) {
    return Object.fromEntries(
      indexedValues(node.entry).map(entry => {
        if (typeof entry === 'string' || typeof entry.key !== 'string') {
          throw new AwsError('MalformedQueryString', 'Map entries need a key');
        }
        return [entry.key, entry.value === undefined ? '' : shape(entry.value)];
      }),
    );
  }
  if (isIndexed(node)) {
    return indexedValues(node).map(shape);
  }
  return Object.fromEntries(keys.map(key => [key, shape(node[key])]));
}

function indexedValues(node: Tree | string): Array<Tree | string> {
  if (typeof node === 'string' || !isIndexed(node)) {
    throw new AwsError(
      'MalformedQueryString',
      'List members must be numbered from 1',
    );
  }
  return Object.keys(node)
    .sort((a, b) => Number(a) - Number(b))
    .map(key => node[key]);
}

function namespaceOf(service: ServiceDefinition): string {
  return (
    service.xmlNamespace ??
    `https://${service.signingName}.amazonaws.com/doc/${
      service.queryVersion ?? ''
    }/`
  );
}

/** AWS query: form-encoded `Action`/`Version`, XML responses. */
export const queryProtocol: ProtocolCodec = {
  decode(request: RawRequest, service: ServiceDefinition): DecodedRequest {
    const contentType = headerValue(request.headers, 'content-type') ?? '';
    if (request.body.length > 0 && !contentType.startsWith(FORM_CONTENT_TYPE)) {
      throw new AwsError(
        'MalformedQueryString',
        `Query requests must be ${FORM_CONTENT_TYPE}, not ${
          contentType || 'untyped'
        }`,
      );
    }
    const parameters = new URLSearchParams(request.body.toString('utf8'));
    request.url.searchParams.forEach((value, key) => {
      if (!key.startsWith('X-Amz-')) {
        parameters.append(key, value);
      }
    });
    const operation = parameters.get('Action');
    if (!operation) {
      throw new AwsError(
        'MissingAction',
        'The request must contain the parameter Action',
      );
    }
    if (!Object.prototype.hasOwnProperty.call(service.operations, operation)) {
      throw new AwsError(
        'InvalidAction',
        `The action ${operation} is not valid for this web service.`,
      );
    }
    parameters.delete('Action');
    parameters.delete('Version');
    return { operation, input: decodeQueryParameters(parameters) };
  },

  encodeOutput(output: unknown, call: CallIdentity) {
    const operation = call.operation!;
    const body = [
      `<${operation}Response xmlns="${namespaceOf(call.service)}">`,
      xmlElement(`${operation}Result`, toQueryXml(output ?? {})),
      xmlElement('ResponseMetadata', xmlElement('RequestId', call.requestId)),
      `</${operation}Response>`,
    ].join('');
    return {
      status: 200,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': call.requestId,
      },
      body,
    };
  },

  encodeError(error: AwsError, call: CallIdentity) {
    const details = [
      xmlElement('Type', error.senderFault ? 'Sender' : 'Receiver'),
      xmlElement('Code', escapeXml(error.code)),
      xmlElement('Message', escapeXml(error.message)),
    ].join('');
    const body = [
      `<ErrorResponse xmlns="${namespaceOf(call.service)}">`,
      xmlElement('Error', details),
      xmlElement('RequestId', call.requestId),
      '</ErrorResponse>',
    ].join('');
    return {
      status: error.statusCode,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': call.requestId,
      },
      body,
    };
  },
};
