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

import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  danaUser,
  externalLink,
  mockEntityStatus,
  mockUserProfile,
  mockUserProfileSummary,
  pending,
  renderForEntity,
  withoutAnnotations,
} from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { UserProfileCard } from './UserProfileCard';

const openButton = () => screen.getByRole('button', { name: /Open Studio/ });

describe('UserProfileCard', () => {
  let windowOpen: jest.SpyInstance;
  beforeEach(() => {
    windowOpen = jest.spyOn(window, 'open').mockImplementation(() => null);
  });
  afterEach(() => windowOpen.mockRestore());

  it('names the missing profile annotation (the domain id is optional), and asks nothing', async () => {
    const getEntityStatus = jest.fn();
    await renderForEntity(<UserProfileCard />, withoutAnnotations(danaUser), {
      getEntityStatus,
    });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/sagemaker-studio\.aws\/user-profile/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryAllByText(/sagemaker-studio\.aws\/domain-id/),
    ).toHaveLength(0);
    expect(getEntityStatus).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: () => pending(),
    });
    expect(screen.getByText('Studio user profile')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error panel when the backend fails', async () => {
    const error = await mockResponseError(500, 'Error', 'boom');
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
  });

  it("says you don't have access on a 403", async () => {
    const error = await mockResponseError(
      403,
      'NotAllowedError',
      'You may not see dana-scientist',
    );
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/You may not see dana-scientist/),
    ).toBeInTheDocument();
  });

  it('shows the profile with its role, security groups, spaces and apps with their state', async () => {
    const getEntityStatus = jest.fn(async () =>
      mockEntityStatus({ userProfiles: [mockUserProfile()] }),
    );
    await renderForEntity(<UserProfileCard />, danaUser, { getEntityStatus });

    expect(
      await screen.findByRole('heading', { name: /dana-scientist/ }),
    ).toBeInTheDocument();
    expect(getEntityStatus).toHaveBeenCalledWith('user:default/dana-scientist');
    expect(externalLink('dana-scientist')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/studio/d-abc123/user/dana-scientist',
    );
    expect(externalLink('d-abc123')).toBeInTheDocument();
    expect(externalLink('fraud-user-role')).toHaveAttribute(
      'href',
      'https://console.aws.amazon.com/iam/home#/roles/details/fraud-user-role',
    );
    expect(externalLink('sg-team')).toBeInTheDocument();
    expect(screen.getByText('fraud-detection')).toBeInTheDocument();
    expect(screen.getByText('111111111111')).toBeInTheDocument();

    const spaces = within(
      screen.getByRole('table', { name: 'Spaces of dana-scientist' }),
    );
    expect(spaces.getByText('dana-space')).toBeInTheDocument();
    expect(spaces.getByText(/JupyterLab/)).toBeInTheDocument();
    const apps = within(
      screen.getByRole('table', { name: 'Apps of dana-scientist' }),
    );
    expect(apps.getByText('datascience-1')).toBeInTheDocument();
    expect(apps.getByText('KernelGateway')).toBeInTheDocument();
    expect(apps.getByText('Pending')).toBeInTheDocument();
    expect(openButton()).toBeEnabled();
  });

  it('opens Studio in a new tab without a handle on the portal', async () => {
    const openStudio = jest.fn(async () => ({
      url: 'https://d-abc123.studio.eu-west-1.sagemaker.aws/auth?token=t1',
      expiresAt: '2026-11-26T10:05:00.000Z',
    }));
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({ userProfiles: [mockUserProfile()] }),
      openStudio,
    });
    fireEvent.click(await screen.findByRole('button', { name: /Open Studio/ }));

    await waitFor(() =>
      expect(windowOpen).toHaveBeenCalledWith(
        'https://d-abc123.studio.eu-west-1.sagemaker.aws/auth?token=t1',
        '_blank',
        'noopener,noreferrer',
      ),
    );
    expect(openStudio).toHaveBeenCalledWith('user:default/dana-scientist');
    expect(
      await screen.findByText(/Studio opened in a new tab/),
    ).toBeInTheDocument();
    expect(externalLink('open Studio here')).toHaveAttribute(
      'href',
      'https://d-abc123.studio.eu-west-1.sagemaker.aws/auth?token=t1',
    );
  });

  it("opens a profile the User's annotations do not name through the profile's Resource", async () => {
    const openStudio = jest.fn(async () => ({
      url: 'https://studio/x',
      expiresAt: '2026-11-26T10:05:00.000Z',
    }));
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [
            mockUserProfile({
              userProfileName: 'dana-prod',
              domainId: 'd-prod',
            }),
          ],
        }),
      openStudio,
    });
    fireEvent.click(await screen.findByRole('button', { name: /Open Studio/ }));
    await waitFor(() =>
      expect(openStudio).toHaveBeenCalledWith(
        'resource:default/dana-prod-user-profile',
      ),
    );
  });

  it.each([
    [
      403,
      'NotAllowedError',
      'Only the owner of dana-scientist may open Studio as it',
      'Not allowed: Only the owner of dana-scientist may open Studio as it',
    ],
    [
      409,
      'ConflictError',
      'Profile dana-scientist is Updating, not InService',
      'Studio cannot be opened now: Profile dana-scientist is Updating, not InService',
    ],
  ])(
    "shows the backend's %s message and opens nothing",
    async (status, name, message, shown) => {
      const error = await mockResponseError(status, name, message);
      await renderForEntity(<UserProfileCard />, danaUser, {
        getEntityStatus: async () =>
          mockEntityStatus({ userProfiles: [mockUserProfile()] }),
        openStudio: async () => {
          throw error;
        },
      });
      fireEvent.click(
        await screen.findByRole('button', { name: /Open Studio/ }),
      );
      expect(await screen.findByText(shown)).toBeInTheDocument();
      expect(windowOpen).not.toHaveBeenCalled();
    },
  );

  it("shows the backend's 429 message with when to try again", async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({ userProfiles: [mockUserProfile()] }),
      openStudio: async () => {
        throw await mockResponseError429(
          'Too many Studio URLs, slow down.',
          '30',
        );
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Open Studio/ }));
    expect(
      await screen.findByText(
        'Too many Studio URLs, slow down. Try again in 30 seconds.',
      ),
    ).toBeInTheDocument();
    expect(windowOpen).not.toHaveBeenCalled();
  });

  it('says the profile is not yours and offers no working button', async () => {
    const openStudio = jest.fn();
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [mockUserProfile({ canOpen: false })],
        }),
      openStudio,
    });
    expect(
      await screen.findByText(/This profile is not yours/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/can open Studio as dana-scientist/),
    ).toBeInTheDocument();
    expect(openButton()).toBeDisabled();
  });

  it('shows the summary of a profile that is not yours, and who sees more', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({ userProfiles: [mockUserProfileSummary()] }),
    });
    expect(
      await screen.findByText(
        'Details are shown to its owner, members of fraud-detection and admins.',
      ),
    ).toBeInTheDocument();
    const facts = within(
      screen.getByRole('table', { name: 'User profile dana-scientist' }),
    );
    expect(screen.getByText('InService')).toBeInTheDocument();
    expect(facts.getByText('fraud-detection')).toBeInTheDocument();
    expect(facts.getByText('111111111111')).toBeInTheDocument();
    expect(facts.getByText('eu-west-1')).toBeInTheDocument();
    expect(externalLink('d-abc123')).toBeInTheDocument();
    for (const label of ['Execution role', 'Security groups']) {
      expect(facts.queryByText(label)).not.toBeInTheDocument();
    }
    expect(screen.queryByText('Spaces')).not.toBeInTheDocument();
    expect(screen.queryByText('No space yet.')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /^Apps of/ })).toBeNull();
    // Still says whose it is, with no working button.
    expect(screen.getByText(/This profile is not yours/)).toBeInTheDocument();
    expect(openButton()).toBeDisabled();
  });

  it("names the owner's teammates when a summarised profile has no team", async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [mockUserProfileSummary({ teamName: undefined })],
        }),
    });
    expect(
      await screen.findByText(
        'Details are shown to its owner, their teammates and admins.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the details of a profile marked full, with no summary line', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [mockUserProfile({ canOpen: false, access: 'full' })],
        }),
    });
    expect(await screen.findByText('Execution role')).toBeInTheDocument();
    expect(externalLink('fraud-user-role')).toBeInTheDocument();
    expect(screen.getByText('dana-space')).toBeInTheDocument();
    expect(screen.queryByText(/Details are shown to/)).not.toBeInTheDocument();
  });

  it('says Studio opens once the profile is InService', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [
            mockUserProfile({ status: 'Pending', spaces: [], apps: [] }),
          ],
        }),
    });
    expect(
      await screen.findByText(
        /Studio can be opened once the profile is InService; it is Pending now/,
      ),
    ).toBeInTheDocument();
    expect(openButton()).toBeDisabled();
    expect(screen.getByText('No space yet.')).toBeInTheDocument();
  });

  it('shows the profiles it could read and the sources that failed', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () =>
        mockEntityStatus({
          userProfiles: [mockUserProfile()],
          errors: [
            {
              source: 'd-other',
              errorType: 'NOT_FOUND',
              message: 'Domain not found',
            },
          ],
        }),
    });
    expect(
      await screen.findByText(/could not read d-other/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/not found — Domain not found/),
    ).toBeInTheDocument();
    expect(openButton()).toBeEnabled();
  });

  it('says there is no profile yet', async () => {
    await renderForEntity(<UserProfileCard />, danaUser, {
      getEntityStatus: async () => mockEntityStatus(),
    });
    expect(
      await screen.findByText(
        /SageMaker reports no user profile dana-scientist yet/,
      ),
    ).toBeInTheDocument();
  });
});

/** A 429 as the backend answers it, with Retry-After. */
function mockResponseError429(message: string, retryAfter: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'TooManyRequestsError', message },
        response: { statusCode: 429 },
      }),
      {
        status: 429,
        headers: {
          'Content-Type': 'application/json',
          'Retry-After': retryAfter,
        },
      },
    ),
  );
}
