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

import { screen, within } from '@testing-library/react';
import {
  externalLink as link,
  domainEntity,
  mockDomain,
  mockEntityStatus,
  pending,
  renderForEntity,
  withoutAnnotations,
} from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { StudioDomainCard } from './StudioDomainCard';

describe('StudioDomainCard', () => {
  it('shows the missing-annotation state without a domain id, and asks nothing', async () => {
    const getEntityStatus = jest.fn();
    await renderForEntity(
      <StudioDomainCard />,
      withoutAnnotations(domainEntity),
      { getEntityStatus },
    );
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/sagemaker-studio\.aws\/domain-id/).length,
    ).toBeGreaterThan(0);
    expect(getEntityStatus).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: () => pending(),
    });
    expect(screen.getByText('SageMaker Studio domain')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error panel when the backend fails', async () => {
    const error = await mockResponseError(500, 'Error', 'database is gone');
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it("says you don't have access on a 403", async () => {
    const error = await mockResponseError(
      403,
      'NotAllowedError',
      'Only admins and members of teams in this domain may see it',
    );
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Only admins and members of teams in this domain may see it/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the domain with its settings, counts and console links for its account and region', async () => {
    const getEntityStatus = jest.fn(async () =>
      mockEntityStatus({
        entityRef: 'resource:default/d-abc123',
        domains: [mockDomain()],
      }),
    );
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus,
    });
    expect(await screen.findByText('fraud-studio')).toBeInTheDocument();
    expect(getEntityStatus).toHaveBeenCalledWith('resource:default/d-abc123');

    const facts = within(
      screen.getByRole('table', { name: 'Studio domain d-abc123' }),
    );
    expect(screen.getByText('InService')).toBeInTheDocument();
    expect(facts.getByText('IAM')).toBeInTheDocument();
    expect(facts.getByText('VPC only')).toBeInTheDocument();
    expect(facts.getByText('111111111111')).toBeInTheDocument();
    expect(facts.getByText('eu-west-1')).toBeInTheDocument();
    expect(facts.getByText('12')).toBeInTheDocument();
    expect(facts.getByText('7')).toBeInTheDocument();
    expect(facts.getByText('3')).toBeInTheDocument();

    expect(link('d-abc123')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/studio/d-abc123',
    );
    expect(link('d-abc123')).toHaveAttribute(
      'title',
      'AWS console, account 111111111111, eu-west-1',
    );
    expect(
      link('arn:aws:kms:eu-west-1:111111111111:key/key-1'),
    ).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/key-1',
    );
    expect(link('vpc-1')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/vpcconsole/home?region=eu-west-1#VpcDetails:VpcId=vpc-1',
    );
    expect(link('subnet-a')).toHaveAttribute(
      'href',
      expect.stringContaining('#SubnetDetails:subnetId=subnet-a'),
    );
    expect(link('subnet-b')).toBeInTheDocument();
    expect(link('sg-domain')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SecurityGroup:groupId=sg-domain',
    );
    expect(link('studio-default-role')).toHaveAttribute(
      'href',
      'https://console.aws.amazon.com/iam/home#/roles/details/studio-default-role',
    );
  });

  it('says when the domain has no customer managed key and the network is public', async () => {
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () =>
        mockEntityStatus({
          domains: [
            mockDomain({
              kmsKeyId: undefined,
              appNetworkAccessType: 'PublicInternetOnly',
              status: 'Failed',
            }),
          ],
        }),
    });
    expect(
      await screen.findByText('None (AWS managed key)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Public internet')).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
  });

  it('names the account and region of a failed read as the backend reports them', async () => {
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () =>
        mockEntityStatus({
          domains: [mockDomain()],
          errors: [
            {
              source: 'sagemaker:eu-west-1:domain/d-other',
              errorType: 'NOT_ALLOWED',
              message:
                "The portal's AWS role may not read this resource; an administrator must check the role's permissions.",
              accountId: '210987654321',
              region: 'eu-west-1',
            },
          ],
        }),
    });
    expect(await screen.findByText('fraud-studio')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Partial results: could not read 210987654321\/eu-west-1/,
      ),
    ).toBeInTheDocument();
    const failed = within(
      screen.getByRole('list', { name: 'Sources that failed' }),
    );
    expect(failed.getByText('210987654321/eu-west-1')).toBeInTheDocument();
    expect(
      failed.getByText(/not allowed — The portal's AWS role/),
    ).toBeInTheDocument();
  });

  it('shows the data it has and the sources that failed, by source and type', async () => {
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () =>
        mockEntityStatus({
          domains: [mockDomain()],
          errors: [
            {
              source: '222222222222/us-east-1',
              errorType: 'UNAVAILABLE',
              message: 'The account could not be reached',
            },
          ],
        }),
    });
    expect(await screen.findByText('fraud-studio')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Partial results: could not read 222222222222\/us-east-1/,
      ),
    ).toBeInTheDocument();
    const failed = within(
      screen.getByRole('list', { name: 'Sources that failed' }),
    );
    expect(failed.getByText('222222222222/us-east-1')).toBeInTheDocument();
    expect(
      failed.getByText(/unavailable — The account could not be reached/),
    ).toBeInTheDocument();
  });

  it('says so when SageMaker reports no such domain', async () => {
    await renderForEntity(<StudioDomainCard />, domainEntity, {
      getEntityStatus: async () => mockEntityStatus(),
    });
    expect(
      await screen.findByText(/SageMaker reports no Studio domain d-abc123/),
    ).toBeInTheDocument();
  });
});
