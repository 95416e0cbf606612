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
import { pending, renderReviewQueue } from './__testUtils__/reviewQueue';

describe('ReviewQueuePage', () => {
  it('lets an admin approve a pending request with a comment', async () => {
    const reviewRequest = jest.fn(async () => ({
      ...pending,
      status: 'APPROVED' as const,
    }));
    await renderReviewQueue(
      { listRequests: async () => [pending], reviewRequest },
      true,
    );

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
  });

  it('will not send a rejection without a reason', async () => {
    const reviewRequest = jest.fn();
    await renderReviewQueue(
      { listRequests: async () => [pending], reviewRequest },
      true,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    ).toBeDisabled();
    expect(reviewRequest).not.toHaveBeenCalled();
  });
});
