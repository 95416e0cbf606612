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

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFindingsPage } from '../../__testUtils__/compliance';
import { pending } from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { renderWithStudioApi } from '../../__testUtils__/renderWithStudioApi';
import { CompliancePage } from './CompliancePage';
import { SWEEP_RELOAD_DELAY_MS } from './SweepNowButton';

async function renderPage(triggerComplianceSweep: jest.Mock) {
  const listComplianceFindings = jest.fn(async () => mockFindingsPage());
  await renderWithStudioApi(<CompliancePage />, {
    listComplianceFindings,
    triggerComplianceSweep,
  });
  await screen.findByRole('table', { name: 'Findings' });
  expect(listComplianceFindings).toHaveBeenCalledTimes(1);
  return { listComplianceFindings };
}

const sweepNow = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Sweep now' }));

describe('Sweep now on the compliance page', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('starts a sweep, says so, and reads the findings again a moment later', async () => {
    const trigger = jest.fn(async () => ({ triggered: true as const }));
    const { listComplianceFindings } = await renderPage(trigger);
    jest.useFakeTimers();

    sweepNow();
    expect(await screen.findByText('Sweep started')).toBeInTheDocument();
    expect(trigger).toHaveBeenCalledTimes(1);
    expect(listComplianceFindings).toHaveBeenCalledTimes(1);

    act(() => {
      jest.advanceTimersByTime(SWEEP_RELOAD_DELAY_MS);
    });
    await waitFor(() =>
      expect(listComplianceFindings).toHaveBeenCalledTimes(2),
    );
    expect(listComplianceFindings).toHaveBeenLastCalledWith({
      state: 'OPEN',
      limit: 25,
    });
  });

  it('shows the backend message when a sweep is already running, and reads nothing again', async () => {
    const message =
      'A compliance sweep is already running; its findings show here when it finishes';
    const trigger = jest.fn(async () => {
      throw await mockResponseError(409, 'ConflictError', message);
    });
    const { listComplianceFindings } = await renderPage(trigger);
    jest.useFakeTimers();

    sweepNow();
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.queryByText('Sweep started')).toBeNull();
    act(() => {
      jest.advanceTimersByTime(SWEEP_RELOAD_DELAY_MS * 2);
    });
    expect(listComplianceFindings).toHaveBeenCalledTimes(1);
  });

  it('shows the reason of any other refusal', async () => {
    const trigger = jest.fn(async () => {
      throw await mockResponseError(
        404,
        'NotFoundError',
        'The compliance sweep is turned off on this portal',
      );
    });
    await renderPage(trigger);
    sweepNow();
    expect(
      await screen.findByText(
        'The compliance sweep is turned off on this portal',
      ),
    ).toBeInTheDocument();
  });

  it('cannot be pressed twice while the first press is answered', async () => {
    const trigger = jest.fn(() => pending());
    await renderPage(trigger);
    sweepNow();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sweep now' })).toBeDisabled(),
    );
    sweepNow();
    expect(trigger).toHaveBeenCalledTimes(1);
  });
});
