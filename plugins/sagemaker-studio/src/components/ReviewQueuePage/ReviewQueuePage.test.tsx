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

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  mockProvisioningRequest,
  mockResponseError,
  pageOf,
} from '../../__testUtils__/requests';
import { pending, renderReviewQueue } from './__testUtils__/reviewQueue';

describe('ReviewQueuePage', () => {
  it('shows who asked, for whom, the parameters and the planned changes before the decision', async () => {
    const request = mockProvisioningRequest({
      product: 'userProfile',
      operation: 'update',
      teamName: 'fraud-detection',
      requestedBy: 'user:default/ada-admin',
      requestedFor: 'user:default/dana-scientist',
      productName: 'sagemaker-studio-user-profile',
      productVersion: 'v2',
      provisionedProductName: 'dana-scientist-user-profile',
      parameters: {
        UserProfileName: 'dana-scientist',
        InstanceType: 'ml.t3.medium',
      },
      plan: {
        status: 'READY',
        resourceChanges: [
          {
            action: 'MODIFY',
            logicalResourceId: 'UserProfile',
            resourceType: 'AWS::SageMaker::UserProfile',
            physicalResourceId: 'dana-scientist',
            replacement: 'Conditional',
          },
        ],
      },
    });
    await renderReviewQueue(
      { listRequests: async () => pageOf([request]) },
      true,
    );

    expect(
      await screen.findByText(
        'Update user profile for dana-scientist-user-profile',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Update')).toBeInTheDocument();
    expect(
      screen.getByText('sagemaker-studio-user-profile (version v2)'),
    ).toBeInTheDocument();
    const askedBy = screen.getByText('Requested by').closest('tr')!;
    expect(within(askedBy).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/user/ada-admin',
    );
    const askedFor = screen.getByText('Requested for').closest('tr')!;
    expect(within(askedFor).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/user/dana-scientist',
    );

    const parameters = screen.getByRole('table', { name: 'Parameters' });
    const instanceType = within(parameters)
      .getByText('InstanceType')
      .closest('tr')!;
    expect(within(instanceType).getByText('ml.t3.medium')).toBeInTheDocument();

    const plan = screen.getByRole('table', {
      name: 'Planned resource changes',
    });
    const change = within(plan).getByText('UserProfile').closest('tr')!;
    expect(within(change).getByText('MODIFY')).toBeInTheDocument();
    expect(
      within(change).getByText('AWS::SageMaker::UserProfile'),
    ).toBeInTheDocument();
    expect(within(change).getByText('Conditional')).toBeInTheDocument();

    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it('disables Approve and says why while Service Catalog is still computing the plan', async () => {
    const computing = mockProvisioningRequest({
      plan: { status: 'CREATING', resourceChanges: [] },
    });
    await renderReviewQueue(
      { listRequests: async () => pageOf([computing]) },
      true,
    );

    expect(
      await screen.findByText(/Service Catalog is still computing the plan/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(
      screen.getByText(
        'Approve is possible once Service Catalog has computed the plan.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();
  });

  it('enables Approve once a refresh brings the computed plan', async () => {
    let planReady: () => void = () => {};
    const listRequests = jest
      .fn()
      .mockResolvedValueOnce(
        pageOf([
          mockProvisioningRequest({
            plan: { status: 'CREATING', resourceChanges: [] },
          }),
        ]),
      )
      .mockImplementation(
        () =>
          new Promise(resolve => {
            planReady = () => resolve(pageOf([pending]));
          }),
      );
    await renderReviewQueue({ listRequests }, true, { pollIntervalMs: 20 });

    expect(
      await screen.findByRole('button', { name: 'Approve' }),
    ).toBeDisabled();
    await waitFor(() => expect(listRequests).toHaveBeenCalledTimes(2));
    planReady();
    expect(await screen.findByText('TeamExecutionRole')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it("shows the plan's status message when the plan failed", async () => {
    const failed = mockProvisioningRequest({
      plan: {
        status: 'FAILED',
        statusMessage: 'Parameter EnvType is not allowed',
        resourceChanges: [],
      },
    });
    await renderReviewQueue(
      { listRequests: async () => pageOf([failed]) },
      true,
    );

    expect(
      await screen.findByText(
        /could not compute the plan: Parameter EnvType is not allowed/,
      ),
    ).toBeInTheDocument();
  });

  it('asks the backend for pending requests first and for the chosen status after a change', async () => {
    const listRequests = jest.fn(async () => pageOf([]));
    await renderReviewQueue({ listRequests }, true);

    expect(
      await screen.findByText('No request is waiting for review.'),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith({
      scope: 'all',
      status: 'PENDING_APPROVAL',
      cursor: undefined,
      limit: 10,
    });

    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'REJECTED' },
    });
    expect(
      await screen.findByText('No request is rejected.'),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ scope: 'all', status: 'REJECTED' }),
    );

    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'all' },
    });
    expect(
      await screen.findByText('Nothing has been requested yet.'),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ scope: 'all', status: undefined }),
    );
  });

  it('pages forward and back with the cursor the backend returned', async () => {
    const second = mockProvisioningRequest({
      id: 'req-2',
      teamName: 'churn',
      provisionedProductName: 'churn-team-environment',
    });
    const listRequests = jest.fn(async ({ cursor }: { cursor?: string }) =>
      cursor === 'after-req-1'
        ? pageOf([second])
        : pageOf([pending], 'after-req-1'),
    );
    await renderReviewQueue({ listRequests }, true);

    expect(
      await screen.findByText(
        'Provision team environment for fraud-detection-team-environment',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByText(
        'Provision team environment for churn-team-environment',
      ),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'after-req-1' }),
    );
    expect(
      screen.queryByText(
        'Provision team environment for fraud-detection-team-environment',
      ),
    ).toBeNull();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(
      await screen.findByText(
        'Provision team environment for fraud-detection-team-environment',
      ),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: undefined }),
    );
  });

  it('lets an admin approve a pending request with a comment and reloads the page', async () => {
    const listRequests = jest.fn(async () => pageOf([pending]));
    const reviewRequest = jest.fn(async () => ({
      ...pending,
      status: 'APPROVED' as const,
    }));
    await renderReviewQueue({ listRequests, reviewRequest }, true);

    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Comment'), {
      target: { value: 'looks right' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(reviewRequest).toHaveBeenCalledWith('req-1', {
        decision: 'approve',
        comment: 'looks right',
      }),
    );
    await waitFor(() => expect(listRequests).toHaveBeenCalledTimes(2));
  });

  it('will not send a rejection without a reason', async () => {
    const reviewRequest = jest.fn();
    await renderReviewQueue(
      { listRequests: async () => pageOf([pending]), reviewRequest },
      true,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    ).toBeDisabled();
    expect(reviewRequest).not.toHaveBeenCalled();
  });

  it.each([
    [
      409,
      'ConflictError',
      'Request req-1 is APPROVED; only PENDING_APPROVAL requests can be reviewed',
    ],
    [403, 'NotAllowedError', 'Nobody may review their own request'],
  ])(
    'shows the backend message when the review fails with a %s',
    async (status, name, message) => {
      const error = await mockResponseError(status, name, message);
      const reviewRequest = jest.fn(async () => {
        throw error;
      });
      await renderReviewQueue(
        { listRequests: async () => pageOf([pending]), reviewRequest },
        true,
      );

      fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
      const dialog = await screen.findByRole('dialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

      expect(await within(dialog).findByText(message)).toBeInTheDocument();
      expect(screen.getByRole('dialog')).toBeInTheDocument();
    },
  );

  it('shows the timeline and outcome of a request that is no longer pending, without a decision', async () => {
    const rejected = mockProvisioningRequest({
      status: 'REJECTED',
      events: [
        ...pending.events,
        {
          at: '2026-11-26T11:00:00.000Z',
          actor: 'user:default/ada-admin',
          action: 'rejected',
          status: 'REJECTED',
          comment: 'Use the shared domain',
        },
      ],
    });
    await renderReviewQueue(
      { listRequests: async () => pageOf([rejected]) },
      true,
    );

    expect(
      await screen.findByText('Use the shared domain'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
