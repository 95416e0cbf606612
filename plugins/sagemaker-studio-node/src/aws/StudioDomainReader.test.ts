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
  DescribeDomainCommand,
  ListDomainsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { SageMakerStudioAwsClients } from './SageMakerStudioAwsClients';
import { StudioDomainReader } from './StudioDomainReader';
import { STUDIO_AWS_FAILURE_MESSAGES } from './studioAwsErrors';
import { toSourceError } from './translateAwsError';

const sageMaker = mockClient(SageMakerClient);

function reader() {
  const clients = new SageMakerStudioAwsClients({
    config: {
      region: 'eu-west-1',
      targets: [{ region: 'eu-west-1' }],
      adminGroup: 'group:default/admins',
      products: {} as any,
      platformParameters: {},
      provisioning: { frequencySeconds: 5, maxAttempts: 8 },
      limits: {
        requestsPerMinute: 10,
        pendingRequestsPerUser: 5,
        openStudioPerMinute: 10,
      },
      cache: { ttlSeconds: 30 },
      openStudio: { sessionExpirationSeconds: 43200 },
    },
    credentialsManager: {
      getCredentialProvider: async () => ({
        sdkCredentialProvider: async () => ({
          accessKeyId: 'AKIAFAKE',
          secretAccessKey: 'fake',
        }),
      }),
    },
  });
  return new StudioDomainReader(clients);
}

describe('StudioDomainReader', () => {
  beforeEach(() => sageMaker.reset());

  it('follows NextToken and describes every domain', async () => {
    sageMaker
      .on(ListDomainsCommand, { NextToken: undefined })
      .resolves({ Domains: [{ DomainId: 'd-one' }], NextToken: 'page-2' })
      .on(ListDomainsCommand, { NextToken: 'page-2' })
      .resolves({ Domains: [{ DomainId: 'd-two' }] });
    sageMaker.on(DescribeDomainCommand).callsFake(input => ({
      DomainId: input.DomainId,
      DomainName: `name-${input.DomainId}`,
      Status: 'InService',
      DomainArn: `arn:aws:sagemaker:eu-west-1:111122223333:domain/${input.DomainId}`,
      AppNetworkAccessType: 'VpcOnly',
      KmsKeyId: 'key-1',
    }));

    const { items: domains, errors } = await reader().listDomains();

    expect(errors).toEqual([]);
    expect(domains.map(d => d.domainId)).toEqual(['d-one', 'd-two']);
    expect(sageMaker).toHaveReceivedCommandWith(ListDomainsCommand, {
      MaxResults: 100,
    });
    expect(domains[1]).toMatchObject({
      domainName: 'name-d-two',
      appNetworkAccessType: 'VpcOnly',
      kmsKeyId: 'key-1',
      accountId: '111122223333',
      region: 'eu-west-1',
    });
    expect(sageMaker.commandCalls(ListDomainsCommand)).toHaveLength(2);
  });

  it('returns the domains it could describe and an error for the one it could not', async () => {
    sageMaker
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-ok' }, { DomainId: 'd-slow' }] });
    sageMaker
      .on(DescribeDomainCommand, { DomainId: 'd-ok' })
      .resolves({
        DomainId: 'd-ok',
        DomainArn: 'arn:d-ok',
        Status: 'InService',
      })
      .on(DescribeDomainCommand, { DomainId: 'd-slow' })
      .rejects(
        Object.assign(new Error('Rate exceeded'), {
          name: 'ThrottlingException',
        }),
      );

    const { items, errors } = await reader().listDomains();

    expect(items.map(d => d.domainId)).toEqual(['d-ok']);
    expect(errors).toEqual([
      {
        source: 'sagemaker:eu-west-1:domain/d-slow',
        errorType: 'THROTTLED',
        message: STUDIO_AWS_FAILURE_MESSAGES.THROTTLED,
      },
    ]);
    // AWS's own text stays in the log.
    expect(JSON.stringify(errors)).not.toContain('Rate exceeded');
  });

  it('turns ResourceNotFound into NotFoundError', async () => {
    sageMaker.on(DescribeDomainCommand).rejects(
      Object.assign(new Error('Domain d-x not found'), {
        name: 'ResourceNotFound',
      }),
    );
    await expect(reader().getDomain('d-x')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('turns throttling into ServiceUnavailableError', async () => {
    sageMaker.on(ListDomainsCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
      }),
    );
    await expect(reader().listDomains()).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
  });
});

describe('StudioDomainReader when AWS cannot be reached', () => {
  beforeEach(() => sageMaker.reset());

  it('says the endpoint cannot be reached', async () => {
    sageMaker.on(ListDomainsCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4580'), {
        code: 'ECONNREFUSED',
      }),
    );
    const error = await reader()
      .listDomains()
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain('cannot be reached (ECONNREFUSED)');
    expect(toSourceError('sagemaker:eu-west-1', error).errorType).toBe(
      'UNAVAILABLE',
    );
  });
});
