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

import { createHash } from 'node:crypto';
import { paginate } from '../../server/pagination';
import {
  AwsError,
  SandboxEnvironment,
  ServiceDefinition,
} from '../../server/types';

interface BucketRecord {
  name: string;
  creationDate: number;
  region: string;
}

interface ObjectRecord {
  bucket: string;
  key: string;
  /** Base64, so the record stays plain JSON. */
  body: string;
  contentType?: string;
  etag: string;
  lastModified: number;
  metadata: Record<string, string>;
}

const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function toBuffer(body: unknown): Buffer {
  if (body === undefined || body === null) {
    return Buffer.alloc(0);
  }
  if (Buffer.isBuffer(body)) {
    return body;
  }
  if (body instanceof Uint8Array) {
    return Buffer.from(body);
  }
  return Buffer.from(String(body), 'utf8');
}

/** Minimal path-style S3: buckets and whole objects, enough for templates and artifacts. */
export function createS3Service(env: SandboxEnvironment): ServiceDefinition {
  const buckets = env.state.table<BucketRecord>('s3', 'buckets');
  const objects = env.state.table<ObjectRecord>('s3', 'objects');

  function findBucket(name: string): BucketRecord {
    const bucket = buckets.get(name);
    if (!bucket) {
      throw new AwsError(
        'NoSuchBucket',
        'The specified bucket does not exist',
        404,
      );
    }
    return bucket;
  }

  function findObject(bucket: string, key: string): ObjectRecord {
    findBucket(bucket);
    const object = objects.get(`${bucket}/${key}`);
    if (!object) {
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
    }
    return object;
  }

  function describeObject(object: ObjectRecord) {
    const body = Buffer.from(object.body, 'base64');
    return {
      Body: body,
      ContentType: object.contentType,
      ContentLength: body.length,
      ETag: object.etag,
      LastModified: new Date(object.lastModified),
      Metadata: object.metadata,
    };
  }

  return {
    name: 's3',
    signingName: 's3',
    protocol: 'rest-xml',
    throttlingErrorCode: 'SlowDown',
    throttlingStatusCode: 503,
    serverErrorCode: 'InternalError',
    operations: {
      ListBuckets: () => ({
        Buckets: buckets
          .values()
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(bucket => ({
            Name: bucket.name,
            CreationDate: new Date(bucket.creationDate),
          })),
        Owner: { ID: 'sandbox' },
      }),

      CreateBucket: (input, ctx) => {
        const name = input.Bucket as string;
        if (!BUCKET_NAME_PATTERN.test(name ?? '') || name.includes('..')) {
          throw new AwsError(
            'InvalidBucketName',
            'The specified bucket is not valid.',
          );
        }
        if (buckets.has(name)) {
          throw new AwsError(
            'BucketAlreadyOwnedByYou',
            'Your previous request to create the named bucket succeeded and you already own it.',
            409,
          );
        }
        buckets.set(name, {
          name,
          creationDate: env.clock.now(),
          region: ctx.region,
        });
        return { Location: `/${name}` };
      },

      HeadBucket: input => ({ BucketRegion: findBucket(input.Bucket).region }),

      DeleteBucket: input => {
        findBucket(input.Bucket);
        if (objects.keys().some(key => key.startsWith(`${input.Bucket}/`))) {
          throw new AwsError(
            'BucketNotEmpty',
            'The bucket you tried to delete is not empty',
            409,
          );
        }
        buckets.delete(input.Bucket);
        return {};
      },

      PutObject: input => {
        findBucket(input.Bucket);
        if (!input.Key) {
          throw new AwsError('InvalidArgument', 'An object key is required');
        }
        const body = toBuffer(input.Body);
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        objects.set(`${input.Bucket}/${input.Key}`, {
          bucket: input.Bucket,
          key: input.Key,
          body: body.toString('base64'),
          contentType: input.ContentType,
          etag,
          lastModified: env.clock.now(),
          metadata: input.Metadata ?? {},
        });
        return { ETag: etag };
      },

      GetObject: input => describeObject(findObject(input.Bucket, input.Key)),

      HeadObject: input => {
        const { Body: _body, ...head } = describeObject(
          findObject(input.Bucket, input.Key),
        );
        return head;
      },

      DeleteObject: input => {
        findBucket(input.Bucket);
        objects.delete(`${input.Bucket}/${input.Key}`);
        return {};
      },

      ListObjectsV2: input => {
        findBucket(input.Bucket);
        const prefix: string = input.Prefix ?? '';
        const delimiter: string | undefined = input.Delimiter || undefined;
        const keys = objects
          .values()
          .filter(
            object =>
              object.bucket === input.Bucket && object.key.startsWith(prefix),
          )
          .filter(object => !input.StartAfter || object.key > input.StartAfter)
          .sort((a, b) => (a.key < b.key ? -1 : 1));
        const entries: Array<{ prefix: string } | { object: ObjectRecord }> =
          [];
        const seenPrefixes = new Set<string>();
        for (const object of keys) {
          const rest = object.key.slice(prefix.length);
          const cut = delimiter ? rest.indexOf(delimiter) : -1;
          if (cut >= 0) {
            const commonPrefix =
              prefix + rest.slice(0, cut + delimiter!.length);
            if (!seenPrefixes.has(commonPrefix)) {
              seenPrefixes.add(commonPrefix);
              entries.push({ prefix: commonPrefix });
            }
          } else {
            entries.push({ object });
          }
        }
        // S3 caps an over-large MaxKeys at 1000 rather than rejecting it.
        const maxKeys = Math.min(input.MaxKeys ?? 1000, 1000);
        const page = paginate(entries, {
          nextToken: input.ContinuationToken,
          maxResults: maxKeys === 0 ? undefined : maxKeys,
          defaultPageSize: 1000,
          maxPageSize: 1000,
          maxResultsName: 'max-keys',
          errorCode: 'InvalidArgument',
        });
        const contents = page.items.flatMap(entry =>
          'object' in entry
            ? [
                {
                  Key: entry.object.key,
                  LastModified: new Date(entry.object.lastModified),
                  ETag: entry.object.etag,
                  Size: Buffer.from(entry.object.body, 'base64').length,
                },
              ]
            : [],
        );
        const commonPrefixes = page.items.flatMap(entry =>
          'prefix' in entry ? [{ Prefix: entry.prefix }] : [],
        );
        return {
          Name: input.Bucket,
          Prefix: prefix,
          Delimiter: delimiter,
          MaxKeys: maxKeys,
          KeyCount: page.items.length,
          IsTruncated: page.nextToken !== undefined,
          ContinuationToken: input.ContinuationToken,
          NextContinuationToken: page.nextToken,
          StartAfter: input.StartAfter,
          Contents: contents,
          CommonPrefixes: commonPrefixes,
        };
      },
    },
  };
}
