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
  externalLink,
  mockEntityStatus,
  mockTeamEnvironment,
  mockTeamEnvironmentSummary,
  pending,
  renderForEntity,
  teamGroup,
  withoutAnnotations,
} from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { TeamEnvironmentCard } from './TeamEnvironmentCard';

describe('TeamEnvironmentCard', () => {
  it('shows the missing-annotation state without a team, and asks nothing', async () => {
    const getEntityStatus = jest.fn();
    await renderForEntity(
      <TeamEnvironmentCard />,
      withoutAnnotations(teamGroup),
      { getEntityStatus },
    );
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/sagemaker-studio\.aws\/team/).length,
    ).toBeGreaterThan(0);
    expect(getEntityStatus).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: () => pending(),
    });
    expect(screen.getByText('Team environment')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error panel when the backend fails', async () => {
    const error = await mockResponseError(
      503,
      'ServiceUnavailableError',
      'AWS is unreachable',
    );
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
  });

  it("says you don't have access on a 403", async () => {
    const error = await mockResponseError(
      403,
      'NotAllowedError',
      'Not a member of fraud-detection',
    );
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not a member of fraud-detection/),
    ).toBeInTheDocument();
  });

  it('shows product, version, stack status, outputs with console links and the members with their profile status', async () => {
    const getEntityStatus = jest.fn(async () =>
      mockEntityStatus({
        entityRef: 'group:default/fraud-detection',
        teamEnvironments: [mockTeamEnvironment()],
      }),
    );
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus,
    });

    expect(
      await screen.findByText(/fraud-detection \(dev\)/),
    ).toBeInTheDocument();
    expect(getEntityStatus).toHaveBeenCalledWith(
      'group:default/fraud-detection',
    );
    expect(screen.getByText('AVAILABLE')).toBeInTheDocument();
    expect(screen.getByText('Team environment v2')).toBeInTheDocument();
    expect(screen.getByText('UPDATE_COMPLETE')).toBeInTheDocument();

    expect(externalLink('fraud-detection-dev')).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/servicecatalog/home?region=eu-west-1#/provisioned-products/pp-team1',
    );
    expect(externalLink('fraud-detection-dev-data')).toHaveAttribute(
      'href',
      'https://s3.console.aws.amazon.com/s3/buckets/fraud-detection-dev-data?region=eu-west-1',
    );
    expect(externalLink('fraud-detection-dev-models')).toBeInTheDocument();
    expect(
      externalLink('arn:aws:kms:eu-west-1:111111111111:key/team-key'),
    ).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/kms/home?region=eu-west-1#/kms/keys/team-key',
    );
    // The key id is the same key as the ARN: shown once.
    expect(screen.queryByText('team-key')).not.toBeInTheDocument();
    expect(externalLink('ds-team-admin-fraud')).toHaveAttribute(
      'href',
      'https://console.aws.amazon.com/iam/home#/roles/details/ds-team-admin-fraud',
    );
    expect(externalLink('ds-team-user-fraud')).toBeInTheDocument();
    expect(externalLink('sg-team')).toHaveAttribute(
      'href',
      expect.stringContaining('#SecurityGroup:groupId=sg-team'),
    );
    expect(screen.getByText('Parameter prefix (SSM)')).toBeInTheDocument();
    expect(
      screen.getByText('/sagemaker-studio/fraud-detection/dev/'),
    ).toBeInTheDocument();
    expect(screen.getByText('ds-fraud-detection-dev')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Switch to the team admin role/ }),
    ).toHaveAttribute(
      'href',
      'https://signin.aws.amazon.com/switchrole?roleName=ds-team-admin-fraud',
    );
    // Outputs the card does not know are listed under their own name.
    expect(screen.getByText('ExtraOutput')).toBeInTheDocument();

    const members = within(
      screen.getByRole('table', { name: 'Members of fraud-detection' }),
    );
    expect(
      members.getByRole('link', { name: 'dana-scientist' }),
    ).toHaveAttribute('href', '/catalog/default/user/dana-scientist');
    expect(
      members.getByRole('link', {
        name: 'dana-scientist, Opens in a new window',
      }),
    ).toHaveAttribute(
      'href',
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/studio/d-abc123/user/dana-scientist',
    );
    expect(members.getByText('InService')).toBeInTheDocument();
    expect(members.getByText('legacy-bob')).toBeInTheDocument();
    expect(members.getByText('Failed')).toBeInTheDocument();
  });

  it('shows the summary to someone outside the team, and who sees more', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({
          entityRef: 'group:default/fraud-detection',
          teamEnvironments: [mockTeamEnvironmentSummary()],
        }),
    });
    expect(
      await screen.findByText(
        'Details are shown to members of fraud-detection and admins.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/fraud-detection \(dev\)/)).toBeInTheDocument();
    expect(screen.getByText('AVAILABLE')).toBeInTheDocument();
    const facts = within(
      screen.getByRole('table', {
        name: 'Team environment fraud-detection-dev',
      }),
    );
    expect(facts.getByText('Team environment v2')).toBeInTheDocument();
    expect(facts.getByText('111111111111')).toBeInTheDocument();
    expect(facts.getByText('eu-west-1')).toBeInTheDocument();
    expect(externalLink('fraud-detection-dev')).toBeInTheDocument();
    // No stack, outputs or members, and no claim that there are none.
    expect(facts.queryByRole('row', { name: /^Stack status/ })).toBeNull();
    expect(facts.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByText('Members')).not.toBeInTheDocument();
    expect(
      screen.queryByText('No member has a Studio user profile yet.'),
    ).not.toBeInTheDocument();
  });

  it('shows an environment marked full with its details and no summary line', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({
          teamEnvironments: [mockTeamEnvironment({ access: 'full' })],
        }),
    });
    expect(await screen.findByText('UPDATE_COMPLETE')).toBeInTheDocument();
    expect(externalLink('fraud-detection-dev-data')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Members of fraud-detection' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Details are shown to/)).not.toBeInTheDocument();
  });

  it.each([
    [
      'a rolled-back stack as its status',
      'UPDATE_ROLLBACK_COMPLETE',
      'UPDATE_ROLLBACK_COMPLETE',
    ],
    ['a dash when the stack could not be read', undefined, '—'],
  ])('shows %s', async (_case, stackStatus, shown) => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({
          teamEnvironments: [mockTeamEnvironment({ stackStatus })],
        }),
    });
    const facts = within(
      await screen.findByRole('table', {
        name: 'Team environment fraud-detection-dev',
      }),
    );
    const row = facts.getByRole('row', { name: /^Stack status/ });
    expect(within(row).getByText(shown)).toBeInTheDocument();
  });

  it('shows the environments it could read and the account that failed', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({
          teamEnvironments: [mockTeamEnvironment()],
          errors: [
            {
              source: '222222222222/eu-west-1',
              errorType: 'NOT_ALLOWED',
              message: 'Access denied',
            },
            {
              source: '222222222222/us-east-1',
              errorType: 'THROTTLED',
              message: '',
            },
          ],
        }),
    });
    expect(
      await screen.findByText(/fraud-detection \(dev\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /could not read 222222222222\/eu-west-1, 222222222222\/us-east-1/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/not allowed — Access denied/)).toBeInTheDocument();
    expect(screen.getByText(/throttled, try again later/)).toBeInTheDocument();
  });

  it('says the team has no environment yet', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () => mockEntityStatus(),
    });
    expect(
      await screen.findByText(
        /Team fraud-detection has no team environment yet/,
      ),
    ).toBeInTheDocument();
  });

  it('says when no member has a profile yet', async () => {
    await renderForEntity(<TeamEnvironmentCard />, teamGroup, {
      getEntityStatus: async () =>
        mockEntityStatus({
          teamEnvironments: [mockTeamEnvironment({ members: [] })],
        }),
    });
    expect(
      await screen.findByText('No member has a Studio user profile yet.'),
    ).toBeInTheDocument();
  });
});
