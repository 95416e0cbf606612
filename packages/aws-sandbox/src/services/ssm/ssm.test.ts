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

import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import {
  clientConfig,
  errorOf,
  startTestSandbox,
  TestSandbox,
} from '../../testing';

describe('ssm', () => {
  let test: TestSandbox;
  let ssm: SSMClient;

  beforeAll(async () => {
    test = await startTestSandbox();
    ssm = new SSMClient(clientConfig(test.sandbox));
  });

  beforeEach(() => test.sandbox.reset());
  afterAll(() => test.sandbox.close());

  it('PutParameter creates and, with Overwrite, versions a parameter', async () => {
    expect(
      await ssm.send(
        new PutParameterCommand({
          Name: '/app/url',
          Value: 'a',
          Type: 'String',
        }),
      ),
    ).toMatchObject({
      Version: 1,
      Tier: 'Standard',
    });
    expect(
      await ssm.send(
        new PutParameterCommand({
          Name: '/app/url',
          Value: 'b',
          Overwrite: true,
        }),
      ),
    ).toMatchObject({
      Version: 2,
    });
    const { Parameter } = await ssm.send(
      new GetParameterCommand({ Name: '/app/url' }),
    );
    expect(Parameter).toMatchObject({
      Name: '/app/url',
      Value: 'b',
      Type: 'String',
      Version: 2,
      ARN: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/url',
    });
    expect(Parameter?.LastModifiedDate).toEqual(new Date(test.clock.now()));
  });

  it('PutParameter without Overwrite on an existing name fails with ParameterAlreadyExists', async () => {
    await ssm.send(
      new PutParameterCommand({ Name: '/dup', Value: 'a', Type: 'String' }),
    );
    const error = await errorOf(() =>
      ssm.send(
        new PutParameterCommand({ Name: '/dup', Value: 'b', Type: 'String' }),
      ),
    );
    expect(error.name).toBe('ParameterAlreadyExists');
  });

  it('PutParameter rejects a bad name or type with ValidationException', async () => {
    const badName = await errorOf(() =>
      ssm.send(
        new PutParameterCommand({
          Name: 'has space',
          Value: 'a',
          Type: 'String',
        }),
      ),
    );
    expect(badName.name).toBe('ValidationException');
    const badType = await errorOf(() =>
      ssm.send(
        new PutParameterCommand({
          Name: '/x',
          Value: 'a',
          Type: 'Number' as any,
        }),
      ),
    );
    expect(badType.name).toBe('ValidationException');
  });

  it('GetParameter hides SecureString values unless decryption is asked for', async () => {
    await ssm.send(
      new PutParameterCommand({
        Name: '/secret',
        Value: 's3cr3t',
        Type: 'SecureString',
      }),
    );
    expect(
      (await ssm.send(new GetParameterCommand({ Name: '/secret' }))).Parameter
        ?.Value,
    ).not.toBe('s3cr3t');
    expect(
      (
        await ssm.send(
          new GetParameterCommand({ Name: '/secret', WithDecryption: true }),
        )
      ).Parameter?.Value,
    ).toBe('s3cr3t');
  });

  it('GetParameter of an unknown name fails with ParameterNotFound', async () => {
    const error = await errorOf(() =>
      ssm.send(new GetParameterCommand({ Name: '/missing' })),
    );
    expect(error.name).toBe('ParameterNotFound');
  });

  it('GetParameters returns found and invalid names, and rejects more than 10 names', async () => {
    await ssm.send(
      new PutParameterCommand({ Name: '/a', Value: '1', Type: 'String' }),
    );
    const result = await ssm.send(
      new GetParametersCommand({ Names: ['/a', '/b'] }),
    );
    expect(result.Parameters?.map(parameter => parameter.Name)).toEqual(['/a']);
    expect(result.InvalidParameters).toEqual(['/b']);
    const error = await errorOf(() =>
      ssm.send(
        new GetParametersCommand({
          Names: Array.from({ length: 11 }, (_, index) => `/p${index}`),
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
  });

  it('GetParametersByPath pages through a hierarchy, recursively on request', async () => {
    for (let index = 0; index < 12; index++) {
      await ssm.send(
        new PutParameterCommand({
          Name: `/teams/t${String(index).padStart(2, '0')}`,
          Value: 'v',
          Type: 'String',
        }),
      );
    }
    await ssm.send(
      new PutParameterCommand({
        Name: '/teams/deep/x',
        Value: 'v',
        Type: 'String',
      }),
    );
    const first = await ssm.send(
      new GetParametersByPathCommand({ Path: '/teams' }),
    );
    expect(first.Parameters).toHaveLength(10);
    expect(first.NextToken).toBeDefined();
    const second = await ssm.send(
      new GetParametersByPathCommand({
        Path: '/teams',
        NextToken: first.NextToken,
      }),
    );
    expect(second.Parameters?.map(parameter => parameter.Name)).toEqual([
      '/teams/t10',
      '/teams/t11',
    ]);
    expect(second.NextToken).toBeUndefined();
    const recursive = await ssm.send(
      new GetParametersByPathCommand({
        Path: '/teams/',
        Recursive: true,
        MaxResults: 10,
      }),
    );
    const rest = await ssm.send(
      new GetParametersByPathCommand({
        Path: '/teams/',
        Recursive: true,
        NextToken: recursive.NextToken,
      }),
    );
    expect(
      [...recursive.Parameters!, ...rest.Parameters!].map(
        parameter => parameter.Name,
      ),
    ).toContain('/teams/deep/x');
  });

  it('GetParametersByPath rejects a path without a leading slash and an over-large page', async () => {
    expect(
      (
        await errorOf(() =>
          ssm.send(new GetParametersByPathCommand({ Path: 'teams' })),
        )
      ).name,
    ).toBe('ValidationException');
    expect(
      (
        await errorOf(() =>
          ssm.send(
            new GetParametersByPathCommand({ Path: '/t', MaxResults: 11 }),
          ),
        )
      ).name,
    ).toBe('ValidationException');
  });

  it('keeps parameters of different accounts apart', async () => {
    await ssm.send(
      new PutParameterCommand({ Name: '/mine', Value: 'v', Type: 'String' }),
    );
    const other = new SSMClient(clientConfig(test.sandbox, '210987654321'));
    const error = await errorOf(() =>
      other.send(new GetParameterCommand({ Name: '/mine' })),
    );
    expect(error.name).toBe('ParameterNotFound');
    expect(
      (await other.send(new GetParametersByPathCommand({ Path: '/' })))
        .Parameters,
    ).toEqual([]);
  });

  it('DeleteParameter removes a parameter and fails with ParameterNotFound the second time', async () => {
    await ssm.send(
      new PutParameterCommand({ Name: '/gone', Value: 'v', Type: 'String' }),
    );
    await ssm.send(new DeleteParameterCommand({ Name: '/gone' }));
    const error = await errorOf(() =>
      ssm.send(new DeleteParameterCommand({ Name: '/gone' })),
    );
    expect(error.name).toBe('ParameterNotFound');
  });
});
