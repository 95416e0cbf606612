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
import { renderWithStudioApi } from '../../__testUtils__/renderWithStudioApi';
import {
  mockProvisioningRequest,
  mockResponseError,
  pageOf,
} from '../../__testUtils__/requests';
import { SageMakerStudioApi } from '../../api/SageMakerStudioApi';
import { MyRequestsPage } from './MyRequestsPage';

const requested = {
  at: '2026-11-26T10:00:00.000Z',
  actor: 'user:default/sam-lead',
  action: 'requested',
  status: 'PENDING_APPROVAL' as const,
};

function renderMyRequests(
  api: Partial<SageMakerStudioApi>,
  pollIntervalMs = 60_000,
) {
  return renderWithStudioApi(
    <MyRequestsPage pollIntervalMs={pollIntervalMs} />,
    api,
  );
}

describe('MyRequestsPage', () => {
  it("asks the backend for the caller's own requests", async () => {
    const listRequests = jest.fn(async () =>
      pageOf([mockProvisioningRequest()]),
    );
    await renderMyRequests({ listRequests });

    expect(await screen.findByText('My Studio requests')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Provision team environment for fraud-detection-team-environment',
      ),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenCalledWith({
      scope: 'mine',
      status: undefined,
      cursor: undefined,
      limit: 10,
    });
  });

  it('shows the timeline with who rejected the request and why', async () => {
    const rejected = mockProvisioningRequest({
      status: 'REJECTED',
      events: [
        requested,
        {
          at: '2026-11-26T11:00:00.000Z',
          actor: 'user:default/ada-admin',
          action: 'rejected',
          status: 'REJECTED',
          comment: 'Use the shared fraud domain instead',
        },
      ],
    });
    await renderMyRequests({ listRequests: async () => pageOf([rejected]) });

    const timeline = await screen.findByRole('table', { name: 'Timeline' });
    const rejection = within(timeline).getByText('rejected').closest('tr')!;
    expect(
      within(rejection).getByText('Use the shared fraud domain instead'),
    ).toBeInTheDocument();
    expect(within(rejection).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/user/ada-admin',
    );
    expect(within(rejection).getByText('Rejected')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel request' })).toBeNull();
  });

  it("shows the Service Catalog record's errors when provisioning failed", async () => {
    const failed = mockProvisioningRequest({
      status: 'FAILED',
      recordErrors: [
        {
          code: 'ResourceLimitExceeded',
          description: 'The account-level service limit for spaces is 10',
        },
      ],
    });
    await renderMyRequests({ listRequests: async () => pageOf([failed]) });

    expect(
      await screen.findByText(
        'Service Catalog reported the provisioning as failed',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('ResourceLimitExceeded')).toBeInTheDocument();
    expect(
      screen.getByText(/The account-level service limit for spaces is 10/),
    ).toBeInTheDocument();
  });

  it('links to the catalog entity and shows the outputs once provisioning succeeded', async () => {
    const succeeded = mockProvisioningRequest({
      status: 'SUCCEEDED',
      entityRef: 'resource:default/fraud-detection-team-environment',
      outputs: { TeamBucketName: 'fraud-detection-team-bucket' },
    });
    await renderMyRequests({ listRequests: async () => pageOf([succeeded]) });

    const link = await screen.findByRole('link', {
      name: /fraud-detection-team-environment/,
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/resource/fraud-detection-team-environment',
    );
    const outputs = screen.getByRole('table', { name: 'Outputs' });
    expect(
      within(outputs).getByText('fraud-detection-team-bucket'),
    ).toBeInTheDocument();
  });

  it('offers Cancel only while a request is pending, and cancels it with the comment after confirming', async () => {
    const pending = mockProvisioningRequest();
    const provisioning = mockProvisioningRequest({
      id: 'req-2',
      status: 'PROVISIONING',
      provisionedProductName: 'churn-team-environment',
    });
    const listRequests = jest.fn(async () => pageOf([pending, provisioning]));
    const cancelRequest = jest.fn(async () => ({
      ...pending,
      status: 'CANCELLED' as const,
    }));
    await renderMyRequests({ listRequests, cancelRequest });

    const buttons = await screen.findAllByRole('button', {
      name: 'Cancel request',
    });
    expect(buttons).toHaveLength(1);

    fireEvent.click(buttons[0]);
    const dialog = await screen.findByRole('dialog');
    expect(cancelRequest).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('Comment (optional)'), {
      target: { value: 'Asked twice' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel request' }),
    );

    await waitFor(() =>
      expect(cancelRequest).toHaveBeenCalledWith('req-1', {
        comment: 'Asked twice',
      }),
    );
    await waitFor(() => expect(listRequests).toHaveBeenCalledTimes(2));
  });

  it('keeps the request when the confirmation is declined', async () => {
    const cancelRequest = jest.fn();
    await renderMyRequests({
      listRequests: async () => pageOf([mockProvisioningRequest()]),
      cancelRequest,
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Cancel request' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Keep request' }),
    );

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cancelRequest).not.toHaveBeenCalled();
  });

  it('shows the backend message when the cancellation is refused', async () => {
    const error = await mockResponseError(
      409,
      'ConflictError',
      'Request req-1 is APPROVED; only PENDING_APPROVAL requests can be cancelled',
    );
    await renderMyRequests({
      listRequests: async () => pageOf([mockProvisioningRequest()]),
      cancelRequest: async () => {
        throw error;
      },
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Cancel request' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel request' }),
    );

    expect(
      await within(dialog).findByText(/only PENDING_APPROVAL requests/),
    ).toBeInTheDocument();
  });

  it('reads the requests again while one is under way, until it is final', async () => {
    const provisioning = mockProvisioningRequest({ status: 'PROVISIONING' });
    const succeeded = mockProvisioningRequest({
      status: 'SUCCEEDED',
      entityRef: 'resource:default/fraud-detection-team-environment',
    });
    const listRequests = jest
      .fn()
      .mockResolvedValueOnce(pageOf([provisioning]))
      .mockResolvedValue(pageOf([succeeded]));
    await renderMyRequests({ listRequests }, 20);

    expect(
      await screen.findByRole('link', {
        name: /fraud-detection-team-environment/,
      }),
    ).toBeInTheDocument();
    expect(listRequests.mock.calls.length).toBeGreaterThanOrEqual(2);

    // Final: no more reads, once a read already under way has landed.
    await new Promise(resolve => setTimeout(resolve, 200));
    const reads = listRequests.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(listRequests).toHaveBeenCalledTimes(reads);
  });

  it('pages with the cursor the backend returned', async () => {
    const older = mockProvisioningRequest({
      id: 'req-0',
      status: 'SUCCEEDED',
      provisionedProductName: 'churn-team-environment',
    });
    const listRequests = jest.fn(async ({ cursor }: { cursor?: string }) =>
      cursor === 'c-2'
        ? pageOf([older])
        : pageOf([mockProvisioningRequest({ status: 'REJECTED' })], 'c-2'),
    );
    await renderMyRequests({ listRequests });

    fireEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByText(
        'Provision team environment for churn-team-environment',
      ),
    ).toBeInTheDocument();
    expect(listRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ scope: 'mine', cursor: 'c-2' }),
    );
  });

  it('says how to start when there is no request yet', async () => {
    await renderMyRequests({ listRequests: async () => pageOf([]) });

    expect(
      await screen.findByText('You have no Studio requests yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Choose a template' }),
    ).toHaveAttribute('href', '/create');
  });

  it('shows the error when the requests cannot be read', async () => {
    const error = await mockResponseError(500, 'Error', 'database is gone');
    await renderMyRequests({
      listRequests: async () => {
        throw error;
      },
    });

    expect(
      (await screen.findAllByText(/database is gone/))[0],
    ).toBeInTheDocument();
  });
});
