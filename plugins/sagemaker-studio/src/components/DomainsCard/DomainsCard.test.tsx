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

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { mockStudioDomain } from '@internal/plugin-sagemaker-studio-common/testUtils';
import { screen } from '@testing-library/react';
import {
  SageMakerStudioApi,
  sageMakerStudioApiRef,
} from '../../api/SageMakerStudioApi';
import { DomainsCard } from './DomainsCard';

function withApi(api: Partial<SageMakerStudioApi>) {
  return (
    <TestApiProvider apis={[[sageMakerStudioApiRef, api]]}>
      <DomainsCard />
    </TestApiProvider>
  );
}

describe('DomainsCard', () => {
  it('shows each domain with its network and encryption status', async () => {
    await renderInTestApp(
      withApi({
        listDomains: async () => ({
          items: [
            mockStudioDomain(),
            mockStudioDomain({
              domainId: 'd-open',
              domainName: 'legacy-studio',
              appNetworkAccessType: 'PublicInternetOnly',
              kmsKeyId: undefined,
            }),
          ],
          errors: [],
        }),
      }),
    );
    expect(await screen.findByText('ds-studio')).toBeInTheDocument();
    expect(screen.getByText('VPC only')).toBeInTheDocument();
    expect(screen.getByText('PublicInternetOnly')).toBeInTheDocument();
    expect(screen.getByText('none')).toBeInTheDocument();
  });

  it('names the account and region that failed beside the domains it could read', async () => {
    await renderInTestApp(
      withApi({
        listDomains: async () => ({
          items: [mockStudioDomain({ accountId: '111122223333' })],
          errors: [
            {
              source: 'ListDomains:210987654321/eu-west-1',
              errorType: 'UNAVAILABLE',
              message: 'AWS could not be reached; try again later.',
              accountId: '210987654321',
              region: 'eu-west-1',
            },
          ],
        }),
      }),
    );
    expect(
      await screen.findByText(
        /Partial results: could not read 210987654321\/eu-west-1/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/unavailable — AWS could not be reached/),
    ).toBeInTheDocument();
    expect(screen.getByText('ds-studio')).toBeInTheDocument();
    expect(screen.getByText('111122223333')).toBeInTheDocument();
  });

  it('explains what to do when there is no domain', async () => {
    await renderInTestApp(
      withApi({ listDomains: async () => ({ items: [], errors: [] }) }),
    );
    expect(await screen.findByText(/No Studio domain yet/)).toBeInTheDocument();
  });
});
