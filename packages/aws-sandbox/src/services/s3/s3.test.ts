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

import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  clientConfig,
  errorOf,
  startTestSandbox,
  TestSandbox,
} from '../../testing';
import { parseS3Url } from './parseS3Url';

describe('s3', () => {
  let test: TestSandbox;
  let s3: S3Client;

  beforeAll(async () => {
    test = await startTestSandbox();
    s3 = new S3Client({ ...clientConfig(test.sandbox), forcePathStyle: true });
  });

  beforeEach(() => test.sandbox.reset());
  afterAll(() => test.sandbox.close());

  it('CreateBucket and HeadBucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'templates' }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'templates' }));
    expect(head.$metadata.httpStatusCode).toBe(200);
    expect(head.BucketRegion).toBe('us-east-1');
  });

  it('CreateBucket rejects an invalid name and a second creation', async () => {
    expect(
      (
        await errorOf(() =>
          s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })),
        )
      ).name,
    ).toBe('InvalidBucketName');
    await s3.send(new CreateBucketCommand({ Bucket: 'twice' }));
    expect(
      (
        await errorOf(() =>
          s3.send(new CreateBucketCommand({ Bucket: 'twice' })),
        )
      ).name,
    ).toBe('BucketAlreadyOwnedByYou');
  });

  it('HeadBucket of a missing bucket fails with NotFound', async () => {
    const error = await errorOf(() =>
      s3.send(new HeadBucketCommand({ Bucket: 'missing' })),
    );
    expect(error.name).toBe('NotFound');
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('PutObject, GetObject and HeadObject round-trip content, type and metadata', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'artifacts' }));
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'artifacts',
        Key: 'products/team env/v1.yaml',
        Body: 'AWSTemplateFormatVersion: 2010-09-09',
        ContentType: 'application/x-yaml',
        Metadata: { owner: 'platform' },
      }),
    );
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: 'artifacts',
        Key: 'products/team env/v1.yaml',
      }),
    );
    expect(await object.Body?.transformToString()).toBe(
      'AWSTemplateFormatVersion: 2010-09-09',
    );
    expect(object).toMatchObject({
      ContentType: 'application/x-yaml',
      ETag: put.ETag,
      Metadata: { owner: 'platform' },
    });
    const head = await s3.send(
      new HeadObjectCommand({
        Bucket: 'artifacts',
        Key: 'products/team env/v1.yaml',
      }),
    );
    expect(head.ContentLength).toBe(36);
  });

  it('PutObject accepts a streamed body sent with aws-chunked encoding', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'streams' }));
    await s3.send(
      new PutObjectCommand({
        Bucket: 'streams',
        Key: 'a.txt',
        Body: Readable.from([Buffer.from('hello '), Buffer.from('stream')]),
        ContentLength: 12,
      }),
    );
    const object = await s3.send(
      new GetObjectCommand({ Bucket: 'streams', Key: 'a.txt' }),
    );
    expect(await object.Body?.transformToString()).toBe('hello stream');
  });

  it('GetObject fails with NoSuchBucket or NoSuchKey, HeadObject with NotFound', async () => {
    expect(
      (
        await errorOf(() =>
          s3.send(new GetObjectCommand({ Bucket: 'none', Key: 'k' })),
        )
      ).name,
    ).toBe('NoSuchBucket');
    await s3.send(new CreateBucketCommand({ Bucket: 'empty' }));
    expect(
      (
        await errorOf(() =>
          s3.send(new GetObjectCommand({ Bucket: 'empty', Key: 'k' })),
        )
      ).name,
    ).toBe('NoSuchKey');
    expect(
      (
        await errorOf(() =>
          s3.send(new HeadObjectCommand({ Bucket: 'empty', Key: 'k' })),
        )
      ).name,
    ).toBe('NotFound');
  });

  it('ListObjectsV2 pages with continuation tokens and groups by delimiter', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'many' }));
    for (const key of ['a/1', 'a/2', 'b/1', 'c', 'd', 'e']) {
      await s3.send(
        new PutObjectCommand({ Bucket: 'many', Key: key, Body: key }),
      );
    }
    const first = await s3.send(
      new ListObjectsV2Command({ Bucket: 'many', MaxKeys: 4 }),
    );
    expect(first.Contents?.map(item => item.Key)).toEqual([
      'a/1',
      'a/2',
      'b/1',
      'c',
    ]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(
      new ListObjectsV2Command({
        Bucket: 'many',
        MaxKeys: 4,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(second.Contents?.map(item => item.Key)).toEqual(['d', 'e']);
    expect(second.IsTruncated).toBe(false);
    const grouped = await s3.send(
      new ListObjectsV2Command({ Bucket: 'many', Delimiter: '/' }),
    );
    expect(grouped.CommonPrefixes?.map(item => item.Prefix)).toEqual([
      'a/',
      'b/',
    ]);
    expect(grouped.Contents?.map(item => item.Key)).toEqual(['c', 'd', 'e']);
    const prefixed = await s3.send(
      new ListObjectsV2Command({ Bucket: 'many', Prefix: 'a/' }),
    );
    expect(prefixed.KeyCount).toBe(2);
  });

  it('ListObjectsV2 of a missing bucket fails with NoSuchBucket', async () => {
    expect(
      (
        await errorOf(() =>
          s3.send(new ListObjectsV2Command({ Bucket: 'nope' })),
        )
      ).name,
    ).toBe('NoSuchBucket');
  });

  it('DeleteObject removes an object', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'del' }));
    await s3.send(new PutObjectCommand({ Bucket: 'del', Key: 'k', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'del', Key: 'k' }));
    expect(
      (
        await errorOf(() =>
          s3.send(new GetObjectCommand({ Bucket: 'del', Key: 'k' })),
        )
      ).name,
    ).toBe('NoSuchKey');
    expect(
      (
        await errorOf(() =>
          s3.send(new DeleteObjectCommand({ Bucket: 'nope', Key: 'k' })),
        )
      ).name,
    ).toBe('NoSuchBucket');
  });

  it('is reachable through invoke with Buffer bodies', async () => {
    await test.sandbox.invoke('s3', 'CreateBucket', { Bucket: 'internal' });
    await test.sandbox.invoke('s3', 'PutObject', {
      Bucket: 'internal',
      Key: 't.yaml',
      Body: 'Resources: {}',
    });
    const object = await test.sandbox.invoke('s3', 'GetObject', {
      Bucket: 'internal',
      Key: 't.yaml',
    });
    expect(object.Body.toString('utf8')).toBe('Resources: {}');
  });
});

describe('parseS3Url', () => {
  it.each([
    ['s3://bucket/path/t.yaml', 'bucket', 'path/t.yaml'],
    ['https://bucket.s3.amazonaws.com/t.yaml', 'bucket', 't.yaml'],
    [
      'https://bucket.s3.eu-west-1.amazonaws.com/a/t.yaml',
      'bucket',
      'a/t.yaml',
    ],
    [
      'https://s3.eu-west-1.amazonaws.com/bucket/a%20b.yaml',
      'bucket',
      'a b.yaml',
    ],
    ['http://127.0.0.1:4580/bucket/t.yaml', 'bucket', 't.yaml'],
  ])('reads %s', (url, bucket, key) => {
    expect(parseS3Url(url)).toEqual({ bucket, key });
  });

  it('returns undefined for URLs without a key', () => {
    expect(parseS3Url('https://s3.amazonaws.com/bucket')).toBeUndefined();
    expect(parseS3Url('not a url')).toBeUndefined();
  });
});
