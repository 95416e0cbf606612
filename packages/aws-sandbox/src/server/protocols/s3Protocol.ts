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

import { headerValue, RawRequest, RawResponse } from '../http';
import { AwsError, ServiceDefinition } from '../types';
import { escapeXml, isWellFormedXml, xmlElement } from '../xml';
import type { CallIdentity, DecodedRequest, ProtocolCodec } from './types';

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/**
 * Bodies the SDK streams with trailing checksums arrive in `aws-chunked`
 * framing: `<hex size>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n<trailers>`.
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) {
      throw new AwsError('IncompleteBody', 'The aws-chunked body ended early');
    }
    const size = parseInt(
      body.subarray(offset, lineEnd).toString('latin1').split(';')[0],
      16,
    );
    if (Number.isNaN(size)) {
      throw new AwsError('InvalidRequest', 'Malformed aws-chunked body');
    }
    if (size === 0) {
      return Buffer.concat(chunks);
    }
    const start = lineEnd + 2;
    chunks.push(body.subarray(start, start + size));
    offset = start + size + 2;
  }
}

function isChunked(request: RawRequest): boolean {
  const encoding = headerValue(request.headers, 'content-encoding') ?? '';
  const payload = headerValue(request.headers, 'x-amz-content-sha256') ?? '';
  return encoding.includes('aws-chunked') || payload.startsWith('STREAMING-');
}

function metadataFromHeaders(request: RawRequest): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-meta-') && typeof value === 'string') {
      metadata[name.slice('x-amz-meta-'.length)] = value;
    }
  }
  return metadata;
}

function bucketOperation(request: RawRequest): string {
  const query = request.url.searchParams;
  const subresources = [...query.keys()].filter(
    key =>
      ![
        'list-type',
        'prefix',
        'delimiter',
        'max-keys',
        'continuation-token',
        'start-after',
        'encoding-type',
        'fetch-owner',
        'x-id',
      ].includes(key),
  );
  if (subresources.length > 0) {
    throw new AwsError(
      'NotImplemented',
      `The sandbox does not implement ?${subresources[0]}`,
      501,
    );
  }
  switch (request.method) {
    case 'PUT':
      return 'CreateBucket';
    case 'HEAD':
      return 'HeadBucket';
    case 'GET':
      return 'ListObjectsV2';
    case 'DELETE':
      return 'DeleteBucket';
    default:
      throw new AwsError(
        'MethodNotAllowed',
        `${request.method} is not allowed on a bucket`,
        405,
      );
  }
}

function objectOperation(request: RawRequest): string {
  if (request.headers['x-amz-copy-source']) {
    throw new AwsError(
      'NotImplemented',
      'The sandbox does not implement CopyObject',
      501,
    );
  }
  switch (request.method) {
    case 'PUT':
      return 'PutObject';
    case 'GET':
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return 'DeleteObject';
    default:
      throw new AwsError(
        'MethodNotAllowed',
        `${request.method} is not allowed on an object`,
        405,
      );
  }
}

function optionalNumber(value: string | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function listObjectsXml(output: any): string {
  const contents = (output.Contents ?? [])
    .map((item: any) =>
      xmlElement(
        'Contents',
        xmlElement('Key', escapeXml(item.Key)) +
          xmlElement('LastModified', item.LastModified.toISOString()) +
          xmlElement('ETag', escapeXml(item.ETag)) +
          xmlElement('Size', String(item.Size)) +
          xmlElement('StorageClass', 'STANDARD'),
      ),
    )
    .join('');
  const prefixes = (output.CommonPrefixes ?? [])
    .map((item: any) =>
      xmlElement(
        'CommonPrefixes',
        xmlElement('Prefix', escapeXml(item.Prefix)),
      ),
    )
    .join('');
  const optional = (name: string, value: unknown) =>
    value === undefined ? '' : xmlElement(name, escapeXml(String(value)));
  return [
    `<ListBucketResult xmlns="${S3_NAMESPACE}">`,
    xmlElement('Name', escapeXml(output.Name)),
    xmlElement('Prefix', escapeXml(output.Prefix ?? '')),
    optional('Delimiter', output.Delimiter),
    xmlElement('KeyCount', String(output.KeyCount)),
    xmlElement('MaxKeys', String(output.MaxKeys)),
    xmlElement('IsTruncated', String(output.IsTruncated)),
    optional('ContinuationToken', output.ContinuationToken),
    optional('NextContinuationToken', output.NextContinuationToken),
    optional('StartAfter', output.StartAfter),
    contents,
    prefixes,
    '</ListBucketResult>',
  ].join('');
}

function listBucketsXml(output: any): string {
  const buckets = (output.Buckets ?? [])
    .map((bucket: any) =>
      xmlElement(
        'Bucket',
        xmlElement('Name', escapeXml(bucket.Name)) +
          xmlElement('CreationDate', bucket.CreationDate.toISOString()),
      ),
    )
    .join('');
  return [
    `<ListAllMyBucketsResult xmlns="${S3_NAMESPACE}">`,
    xmlElement(
      'Owner',
      xmlElement('ID', escapeXml(output.Owner?.ID ?? 'sandbox')),
    ),
    xmlElement('Buckets', buckets),
    '</ListAllMyBucketsResult>',
  ].join('');
}

function objectHeaders(output: any): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': output.ContentType ?? 'application/octet-stream',
    'content-length': String(output.ContentLength),
    etag: output.ETag,
    'last-modified': output.LastModified.toUTCString(),
  };
  for (const [name, value] of Object.entries(output.Metadata ?? {})) {
    headers[`x-amz-meta-${name}`] = String(value);
  }
  return headers;
}

/** Path-style S3 REST-XML, limited to the object calls templates and artifacts need. */
export const s3Protocol: ProtocolCodec = {
  decode(request: RawRequest, service: ServiceDefinition): DecodedRequest {
    const [, bucketSegment = '', ...keySegments] =
      request.url.pathname.split('/');
    const bucket = decodeURIComponent(bucketSegment);
    const key = keySegments.map(decodeURIComponent).join('/');
    const query = request.url.searchParams;
    let operation: string;
    if (!bucket) {
      if (request.method !== 'GET') {
        throw new AwsError(
          'MethodNotAllowed',
          `${request.method} is not allowed here`,
          405,
        );
      }
      operation = 'ListBuckets';
    } else {
      operation = key ? objectOperation(request) : bucketOperation(request);
    }
    if (!Object.prototype.hasOwnProperty.call(service.operations, operation)) {
      throw new AwsError(
        'NotImplemented',
        `The sandbox does not implement ${operation}`,
        501,
      );
    }
    const input: Record<string, unknown> = {
      Bucket: bucket || undefined,
      Key: key || undefined,
    };
    if (operation === 'CreateBucket' && request.body.length > 0) {
      const xml = request.body.toString('utf8');
      if (!isWellFormedXml(xml)) {
        throw new AwsError(
          'MalformedXML',
          'The XML you provided was not well-formed or did not validate against our published schema.',
        );
      }
    }
    if (operation === 'PutObject') {
      input.Body = isChunked(request)
        ? decodeAwsChunked(request.body)
        : request.body;
      input.ContentType = headerValue(request.headers, 'content-type');
      input.Metadata = metadataFromHeaders(request);
    }
    if (operation === 'ListObjectsV2') {
      input.Prefix = query.get('prefix') ?? undefined;
      input.Delimiter = query.get('delimiter') ?? undefined;
      input.MaxKeys = optionalNumber(query.get('max-keys'));
      input.ContinuationToken = query.get('continuation-token') ?? undefined;
      input.StartAfter = query.get('start-after') ?? undefined;
    }
    return { operation, input };
  },

  encodeOutput(output: any, call: CallIdentity): RawResponse {
    const headers: Record<string, string> = {
      'x-amz-request-id': call.requestId,
    };
    const xml = (body: string): RawResponse => ({
      status: 200,
      headers: { ...headers, 'content-type': 'application/xml' },
      body: body,
    });
    switch (call.operation) {
      case 'ListBuckets':
        return xml(listBucketsXml(output));
      case 'ListObjectsV2':
        return xml(listObjectsXml(output));
      case 'CreateBucket':
        return {
          status: 200,
          headers: { ...headers, location: output.Location },
        };
      case 'HeadBucket':
        return {
          status: 200,
          headers: { ...headers, 'x-amz-bucket-region': output.BucketRegion },
        };
      case 'PutObject':
        return { status: 200, headers: { ...headers, etag: output.ETag } };
      case 'GetObject':
        return {
          status: 200,
          headers: { ...headers, ...objectHeaders(output) },
          body: output.Body,
        };
      case 'HeadObject':
        return {
          status: 200,
          headers: { ...headers, ...objectHeaders(output) },
        };
      default:
        return { status: 204, headers };
    }
  },

  encodeError(error: AwsError, call: CallIdentity): RawResponse {
    const headers = {
      'x-amz-request-id': call.requestId,
      'content-type': 'application/xml',
    };
    if (call.operation === 'HeadObject' || call.operation === 'HeadBucket') {
      return { status: error.statusCode, headers };
    }
    return {
      status: error.statusCode,
      headers,
      body: `<?xml version="1.0" encoding="UTF-8"?>${xmlElement(
        'Error',
        xmlElement('Code', escapeXml(error.code)) +
          xmlElement('Message', escapeXml(error.message)) +
          xmlElement('RequestId', call.requestId),
      )}`,
    };
  },
};
