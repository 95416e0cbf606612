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

import { screen } from '@testing-library/react';
import {
  danaUser,
  domainEntity,
  mockDomain,
  mockEntityStatus,
  mockTeamEnvironment,
  mockUserProfile,
  pending,
  renderForEntity,
  teamGroup,
  withoutAnnotations,
} from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { mockEntityCompliance } from '../../__testUtils__/compliance';
import { StudioEntityContent } from './StudioEntityContent';

describe('StudioEntityContent', () => {
  it("gathers a user's profile card from one read, without a team card", async () => {
    const getEntityStatus = jest.fn(async () =>
      mockEntityStatus({ userProfiles: [mockUserProfile()] }),
    );
    await renderForEntity(<StudioEntityContent />, danaUser, {
      getEntityStatus,
    });
    expect(
      await screen.findByRole('button', { name: /Open Studio/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Studio user profile')).toBeInTheDocument();
    expect(screen.queryByText('Team environment')).not.toBeInTheDocument();
    expect(
      screen.queryByText('SageMaker Studio domain'),
    ).not.toBeInTheDocument();
    expect(getEntityStatus).toHaveBeenCalledTimes(1);
  });

  it("gathers a team's environment card", async () => {
    await renderForEntity(<StudioEntityContent />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({ teamEnvironments: [mockTeamEnvironment()] }),
    });
    expect(
      await screen.findByText(/fraud-detection \(dev\)/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Studio user profile')).not.toBeInTheDocument();
  });

  it("adds the compliance card of the entity's team", async () => {
    const getEntityCompliance = jest.fn(async () => mockEntityCompliance());
    await renderForEntity(<StudioEntityContent />, teamGroup, {
      getEntityStatus: async () => mockEntityStatus(),
      getEntityCompliance,
    });
    expect(await screen.findByText('Compliance')).toBeInTheDocument();
    expect(await screen.findByText('80%')).toBeInTheDocument();
    expect(getEntityCompliance).toHaveBeenCalledWith(
      'group:default/fraud-detection',
    );
  });

  it('shows every card the answer has data for, and the failed sources once', async () => {
    await renderForEntity(<StudioEntityContent />, domainEntity, {
      getEntityStatus: async () =>
        mockEntityStatus({
          domains: [mockDomain()],
          teamEnvironments: [mockTeamEnvironment()],
          errors: [
            {
              source: '222222222222/us-east-1',
              errorType: 'UNAVAILABLE',
              message: '',
            },
          ],
        }),
    });
    expect(await screen.findByText('fraud-studio')).toBeInTheDocument();
    expect(screen.getByText(/fraud-detection \(dev\)/)).toBeInTheDocument();
    expect(
      screen.getAllByText(/could not read 222222222222\/us-east-1/),
    ).toHaveLength(1);
  });

  it('shows the loading and no-access states in each card that applies', async () => {
    await renderForEntity(<StudioEntityContent />, teamGroup, {
      getEntityStatus: () => pending(),
    });
    expect(screen.getByText('Team environment')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("says you don't have access on a 403", async () => {
    const error = await mockResponseError(403, 'NotAllowedError', 'No');
    await renderForEntity(<StudioEntityContent />, danaUser, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
  });

  it('shows the missing-annotation state for an entity none of the cards applies to', async () => {
    await renderForEntity(
      <StudioEntityContent />,
      withoutAnnotations(danaUser),
      {
        getEntityStatus: jest.fn(),
      },
    );
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
  });
});
