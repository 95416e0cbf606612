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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GetParameterCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListDomainsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { startSandbox } from './sandbox';
import {
  clientConfig,
  errorOf,
  rawRequest,
  signedFor,
  startTestSandbox,
  TestSandbox,
} from './testing';

describe('startSandbox', () => {
  let test: TestSandbox;

  beforeAll(async () => {
    test = await startTestSandbox();
  });

  afterAll(() => test.sandbox.close());

  it('binds to 127.0.0.1 on an ephemeral port and reports its services', async () => {
    expect(test.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await rawRequest(`${test.sandbox.url}/_sandbox/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      services: expect.arrayContaining([
        'sts',
        'ssm',
        's3',
        'sagemaker',
        'securityhub',
      ]),
    });
  });

  it('answers malformed JSON with a SerializationException the SDK can read', async () => {
    const response = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sagemaker'),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'SageMaker.ListDomains',
      },
      body: '{"MaxResults": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('SerializationException');
    expect(JSON.parse(response.body).__type).toBe('SerializationException');
  });

  it('answers a JSON body that is not an object with a SerializationException', async () => {
    const response = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('ssm'),
        'x-amz-target': 'AmazonSSM.GetParameter',
      },
      body: '[1, 2]',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('SerializationException');
  });

  it('answers an unknown JSON operation with UnknownOperationException', async () => {
    const response = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sagemaker'),
        'x-amz-target': 'SageMaker.LaunchRocket',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('UnknownOperationException');
  });

  it('answers an unknown query action with an InvalidAction XML error', async () => {
    const response = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sts'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'Action=LaunchRocket&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<ErrorResponse');
    expect(response.body).toContain('<Code>InvalidAction</Code>');
    expect(response.body).toContain('<Type>Sender</Type>');
    expect(response.body).toMatch(/<RequestId>[\w-]+<\/RequestId>/);
  });

  it('answers a query request without Action with MissingAction', async () => {
    const response = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sts'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'Version=2011-06-15',
    });
    expect(response.body).toContain('<Code>MissingAction</Code>');
  });

  it('answers a query request with a non-form body or a malformed member name with MalformedQueryString', async () => {
    const notForm = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sts'),
        'content-type': 'application/json',
      },
      body: '{"Action":"GetCallerIdentity"}',
    });
    expect(notForm.status).toBe(400);
    expect(notForm.body).toContain('<Code>MalformedQueryString</Code>');
    const badMember = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('sts'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'Action=AssumeRole&Tags.member.x.Key=a',
    });
    expect(badMember.body).toContain('<Code>MalformedQueryString</Code>');
  });

  it('answers malformed S3 XML with MalformedXML', async () => {
    const response = await rawRequest(`${test.sandbox.url}/broken-xml-bucket`, {
      method: 'PUT',
      headers: { authorization: signedFor('s3') },
      body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</CreateBucketConfiguration>',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>MalformedXML</Code>');
  });

  it('answers requests for services it does not host, or unsigned ones, with an AWS-shaped error', async () => {
    const unknown = await rawRequest(test.sandbox.url, {
      method: 'POST',
      headers: {
        authorization: signedFor('kinesis'),
        'x-amz-target': 'Kinesis_20131202.ListStreams',
      },
      body: '{}',
    });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).__type).toBe('UnknownServiceException');
    const unsigned = await rawRequest(test.sandbox.url, {
      method: 'POST',
      body: '{}',
    });
    expect(JSON.parse(unsigned.body).__type).toBe('UnknownServiceException');
  });

  it('answers unknown Security Hub routes with a REST-JSON error', async () => {
    const response = await rawRequest(`${test.sandbox.url}/nowhere`, {
      method: 'POST',
      headers: { authorization: signedFor('securityhub') },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe(
      'UnknownOperationException',
    );
  });

  it('keeps serving after every malformed request', async () => {
    const identity = await new STSClient(clientConfig(test.sandbox)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Account).toBe('123456789012');
  });

  it('resets state through the admin endpoint', async () => {
    const ssm = new SSMClient(clientConfig(test.sandbox));
    await ssm.send(
      new PutParameterCommand({
        Name: '/reset/me',
        Value: 'x',
        Type: 'String',
      }),
    );
    const reset = await rawRequest(`${test.sandbox.url}/_sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(reset.status).toBe(200);
    const error = await errorOf(() =>
      ssm.send(new GetParameterCommand({ Name: '/reset/me' })),
    );
    expect(error.name).toBe('ParameterNotFound');
  });

  it('answers unknown admin endpoints with 404 and bad fault settings with 400', async () => {
    expect(
      (await rawRequest(`${test.sandbox.url}/_sandbox/nothing`)).status,
    ).toBe(404);
    const bad = await rawRequest(`${test.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"throttleRate": 2}',
    });
    expect(bad.status).toBe(400);
    const malformed = await rawRequest(`${test.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
  });

  it('lets internal callers invoke operations directly', async () => {
    await test.sandbox.invoke('ssm', 'PutParameter', {
      Name: '/direct',
      Value: 'v',
      Type: 'String',
    });
    const result = await test.sandbox.invoke('ssm', 'GetParameter', {
      Name: '/direct',
    });
    expect(result.Parameter.Value).toBe('v');
    await expect(test.sandbox.invoke('nope', 'X', {})).rejects.toMatchObject({
      code: 'UnknownServiceException',
    });
    await expect(test.sandbox.invoke('ssm', 'X', {})).rejects.toMatchObject({
      code: 'InvalidAction',
    });
  });
});

describe('state file', () => {
  it('keeps state across a restart', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-sandbox-'));
    const stateFile = path.join(directory, 'state.json');
    try {
      const first = await startSandbox({ stateFile, detectiveControl: false });
      await new SSMClient(clientConfig(first)).send(
        new PutParameterCommand({
          Name: '/persisted',
          Value: 'kept',
          Type: 'String',
        }),
      );
      await first.close();

      const second = await startSandbox({ stateFile, detectiveControl: false });
      try {
        const parameter = await new SSMClient(clientConfig(second)).send(
          new GetParameterCommand({ Name: '/persisted' }),
        );
        expect(parameter.Parameter?.Value).toBe('kept');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('writes the state after each call, before close', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-sandbox-'));
    const stateFile = path.join(directory, 'nested', 'state.json');
    const sandbox = await startSandbox({ stateFile, detectiveControl: false });
    try {
      await new SSMClient(clientConfig(sandbox)).send(
        new PutParameterCommand({ Name: '/early', Value: 'v', Type: 'String' }),
      );
      const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
      expect(
        saved.data.ssm.parameters['123456789012:us-east-1:/early'].value,
      ).toBe('v');
    } finally {
      await sandbox.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('fault injection', () => {
  let test: TestSandbox;

  beforeAll(async () => {
    test = await startTestSandbox();
  });

  afterEach(() => test.sandbox.faults.configure({}));
  afterAll(() => test.sandbox.close());

  async function outcomes(count: number): Promise<string[]> {
    const sageMaker = new SageMakerClient(clientConfig(test.sandbox));
    const results: string[] = [];
    for (let index = 0; index < count; index++) {
      try {
        await sageMaker.send(new ListDomainsCommand({}));
        results.push('ok');
      } catch (error) {
        results.push((error as Error).name);
      }
    }
    return results;
  }

  it('throttles the same calls for the same seed', async () => {
    test.sandbox.faults.configure({ throttleRate: 0.5, seed: 7 });
    const first = await outcomes(20);
    test.sandbox.faults.configure({ throttleRate: 0.5, seed: 7 });
    const second = await outcomes(20);
    expect(second).toEqual(first);
    expect(first).toContain('ThrottlingException');
    expect(first).toContain('ok');
  });

  it('answers every call with the service throttling code at rate 1', async () => {
    test.sandbox.faults.configure({ throttleRate: 1 });
    const sts = await errorOf(() =>
      new STSClient(clientConfig(test.sandbox)).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(sts.name).toBe('Throttling');
    expect(sts.$metadata.httpStatusCode).toBe(400);
    const sageMaker = await errorOf(() =>
      new SageMakerClient(clientConfig(test.sandbox)).send(
        new ListDomainsCommand({}),
      ),
    );
    expect(sageMaker.name).toBe('ThrottlingException');
  });

  it('answers server errors with 500 InternalFailure', async () => {
    test.sandbox.faults.configure({ errorRate: 1 });
    const error = await errorOf(() =>
      new SageMakerClient(clientConfig(test.sandbox)).send(
        new ListDomainsCommand({}),
      ),
    );
    expect(error.name).toBe('InternalFailure');
    expect(error.$metadata.httpStatusCode).toBe(500);
  });

  it('applies per-operation rules only to that operation', async () => {
    test.sandbox.faults.configure({
      operations: { 'sagemaker:ListDomains': { throttleRate: 1 } },
    });
    expect(await outcomes(2)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
    ]);
    const identity = await new STSClient(clientConfig(test.sandbox)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Account).toBeDefined();
  });

  it('is configurable at run time over HTTP', async () => {
    const set = await rawRequest(`${test.sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, latencyMs: 1 }),
    });
    expect(set.status).toBe(200);
    expect(await outcomes(1)).toEqual(['InternalFailure']);
    expect(
      JSON.parse(
        (await rawRequest(`${test.sandbox.url}/_sandbox/faults`)).body,
      ),
    ).toEqual({ errorRate: 1, latencyMs: 1 });
    await rawRequest(`${test.sandbox.url}/_sandbox/faults`, {
      method: 'DELETE',
    });
    expect(await outcomes(1)).toEqual(['ok']);
  });

  it('takes faults from the start options', async () => {
    const sandbox = await startSandbox({
      detectiveControl: false,
      faults: { throttleRate: 1 },
    });
    try {
      const error = await errorOf(() =>
        new SageMakerClient(clientConfig(sandbox)).send(
          new ListDomainsCommand({}),
        ),
      );
      expect(error.name).toBe('ThrottlingException');
    } finally {
      await sandbox.close();
    }
  });
});
