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

/**
 * A loopback stand-in for the three AWS APIs `package` calls: path-style S3
 * (HeadBucket, CreateBucket, PutPublicAccessBlock, PutObject), STS
 * GetCallerIdentity and CloudFormation CreateStack (query protocol).
 */
export interface FakeAws {
  endpoint: string;
  buckets: Set<string>;
  objects: Map<string, Buffer>;
  createStackCalls: URLSearchParams[];
  close(): Promise<void>;
}

function decodeAwsChunked(body: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    const size = parseInt(body.subarray(offset, lineEnd).toString().split(';')[0], 16);
    if (!size) break;
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(chunks);
}

function xml(response: http.ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/xml' });
  response.end(body);
}

export async function startFakeAws(existingBuckets: string[] = []): Promise<FakeAws> {
  const buckets = new Set(existingBuckets);
  const objects = new Map<string, Buffer>();
  const createStackCalls: URLSearchParams[] = [];

  const server = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', part => parts.push(part));
    request.on('end', () => {
      const raw = Buffer.concat(parts);
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'POST' && url.pathname === '/') {
        const form = new URLSearchParams(raw.toString());
        if (form.get('Action') === 'GetCallerIdentity') {
          xml(response, 200, '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/packager</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>');
          return;
        }
        if (form.get('Action') === 'CreateStack') {
          createStackCalls.push(form);
          xml(response, 200, `<CreateStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><CreateStackResult><StackId>arn:aws:cloudformation:us-east-1:111122223333:stack/${form.get('StackName')}/1</StackId></CreateStackResult><ResponseMetadata><RequestId>2</RequestId></ResponseMetadata></CreateStackResponse>`);
          return;
        }
        xml(response, 400, '<ErrorResponse><Error><Code>InvalidAction</Code><Message>unsupported</Message></Error></ErrorResponse>');
        return;
      }
      const [bucket, ...keyParts] = url.pathname.slice(1).split('/');
      const key = keyParts.map(decodeURIComponent).join('/');
      const noSuchBucket = () =>
        xml(response, 404, `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>${bucket}</BucketName></Error>`);
      if (request.method === 'HEAD' && !key) {
        response.writeHead(buckets.has(bucket) ? 200 : 404);
        response.end();
      } else if (request.method === 'PUT' && !key && url.searchParams.has('publicAccessBlock')) {
        if (buckets.has(bucket)) {
          response.writeHead(200);
          response.end();
        } else noSuchBucket();
      } else if (request.method === 'PUT' && !key) {
        buckets.add(bucket);
        response.writeHead(200, { location: `/${bucket}` });
        response.end();
      } else if (request.method === 'PUT' && !buckets.has(bucket)) {
        noSuchBucket();
      } else if (request.method === 'PUT') {
        const encoding = String(request.headers['content-encoding'] ?? '');
        objects.set(`${bucket}/${key}`, encoding.includes('aws-chunked') ? decodeAwsChunked(raw) : raw);
        response.writeHead(200, { etag: '"fake"' });
        response.end();
      } else {
        xml(response, 405, '<Error><Code>MethodNotAllowed</Code><Message>unsupported</Message></Error>');
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    buckets,
    objects,
    createStackCalls,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
