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
  mockFinding,
  mockFindingsPage,
  mockSummary,
} from '../../__testUtils__/compliance';
import { pending } from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { renderWithStudioApi } from '../../__testUtils__/renderWithStudioApi';
import { CompliancePage } from './CompliancePage';

function renderPage(listComplianceFindings: jest.Mock) {
  return renderWithStudioApi(<CompliancePage />, { listComplianceFindings });
}

describe('CompliancePage', () => {
  it('shows progress while the first page is read', async () => {
    await renderPage(jest.fn(() => pending()));
    expect(screen.getByText('Studio compliance')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('asks for the open findings first and shows the summary, the chart and the table', async () => {
    const list = jest.fn(async () => mockFindingsPage());
    const { container } = await renderPage(list);

    const table = await screen.findByRole('table', { name: 'Findings' });
    expect(list).toHaveBeenCalledWith({ state: 'OPEN', limit: 25 });

    expect(screen.getByText('80%')).toBeInTheDocument();
    expect(
      screen.getByText(/Last sweep finished 2026-12-01 06:05 UTC/),
    ).toBeInTheDocument();
    const counts = screen.getByRole('list', {
      name: 'Open findings by severity',
    });
    expect(within(counts).getByText('High: 2')).toBeInTheDocument();

    expect(
      screen.getByRole('figure', {
        name: 'Open findings per day by severity, 2026-11-28 to 2026-11-30',
      }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-area')).toHaveLength(4);

    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1]);
    expect(first.getByText('Training jobs run in a VPC')).toBeInTheDocument();
    expect(first.getByText('Training job fraud-train-7')).toBeInTheDocument();
    expect(first.getByText('fraud-detection')).toBeInTheDocument();
    expect(first.getByText('111111111111 / eu-west-1')).toBeInTheDocument();
    expect(
      first.getByText(
        'Remediation: Set VpcConfig with the team subnets and security group.',
      ),
    ).toBeInTheDocument();
    expect(first.getByText('Stopped 2026-12-01 06:03 UTC')).toBeInTheDocument();
    const second = within(rows[2]);
    expect(second.getByText('Critical')).toBeInTheDocument();
    expect(second.getByText('None yet')).toBeInTheDocument();
    expect(second.getByText('recommendations')).toBeInTheDocument();
  });

  it('offers the facets as filter options and sends each chosen filter in the query', async () => {
    const list = jest.fn(async () => mockFindingsPage());
    await renderPage(list);
    await screen.findByRole('table', { name: 'Findings' });

    const team = screen.getByLabelText('Team');
    expect(
      within(team).getByRole('option', { name: 'recommendations' }),
    ).toBeInTheDocument();
    fireEvent.change(team, { target: { value: 'recommendations' } });
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({
        team: 'recommendations',
        state: 'OPEN',
        limit: 25,
      }),
    );

    fireEvent.change(screen.getByLabelText('Rule'), {
      target: { value: 'SAGEMAKER_VPC_REQUIRED' },
    });
    fireEvent.change(screen.getByLabelText('Severity'), {
      target: { value: 'HIGH' },
    });
    fireEvent.change(screen.getByLabelText('Account'), {
      target: { value: '222222222222' },
    });
    fireEvent.change(screen.getByLabelText('Region'), {
      target: { value: 'us-east-1' },
    });
    fireEvent.change(screen.getByLabelText('State'), {
      target: { value: 'RESOLVED' },
    });
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({
        team: 'recommendations',
        ruleId: 'SAGEMAKER_VPC_REQUIRED',
        severity: 'HIGH',
        accountId: '222222222222',
        region: 'us-east-1',
        state: 'RESOLVED',
        limit: 25,
      }),
    );

    // "All" drops the filter from the query.
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: '' } });
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({
        ruleId: 'SAGEMAKER_VPC_REQUIRED',
        severity: 'HIGH',
        accountId: '222222222222',
        region: 'us-east-1',
        limit: 25,
      }),
    );
  });

  it('pages with the backend cursor, and a filter change starts again at the first page', async () => {
    const list = jest.fn(async (query: { cursor?: string }) =>
      query.cursor === 'c-2'
        ? mockFindingsPage({
            items: [
              mockFinding({
                id: 'f-9',
                resource: { kind: 'Model', name: 'page-two-model' },
              }),
            ],
          })
        : mockFindingsPage({ nextCursor: 'c-2' }),
    );
    await renderPage(list);
    await screen.findByText('Training job fraud-train-7');
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Model page-two-model')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith({
      state: 'OPEN',
      cursor: 'c-2',
      limit: 25,
    });
    expect(screen.getByText('Page 2')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(
      await screen.findByText('Training job fraud-train-7'),
    ).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Model page-two-model');
    fireEvent.change(screen.getByLabelText('Severity'), {
      target: { value: 'LOW' },
    });
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith({
        severity: 'LOW',
        state: 'OPEN',
        limit: 25,
      }),
    );
    expect(await screen.findByText('Page 1')).toBeInTheDocument();
  });

  it("says you don't have access when the backend answers 403", async () => {
    const error = await mockResponseError(
      403,
      'NotAllowedError',
      'Admins only',
    );
    await renderPage(jest.fn(async () => Promise.reject(error)));
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Only data-science admins see the compliance/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a fixed message, not the backend text, on another error, and retries', async () => {
    const error = await mockResponseError(500, 'Error', 'ThrottlingException');
    const list = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(mockFindingsPage());
    await renderPage(list);
    expect(
      await screen.findByText(/Error: Could not read the compliance findings/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ThrottlingException/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('table', { name: 'Findings' }),
    ).toBeInTheDocument();
  });

  it('says no findings match once a sweep has run and none do', async () => {
    await renderPage(
      jest.fn(async () =>
        mockFindingsPage({
          items: [],
          summary: mockSummary({
            score: 100,
            openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
          }),
        }),
      ),
    );
    expect(
      await screen.findByText('No findings match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Not swept yet')).toBeNull();
  });

  it('says "not swept yet" before the first sweep, with no chart to draw', async () => {
    await renderPage(
      jest.fn(async () =>
        mockFindingsPage({
          items: [],
          history: [],
          summary: mockSummary({
            score: null,
            evaluatedResources: 0,
            openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
            lastSweep: undefined,
          }),
          facets: { teams: [], ruleIds: [], accounts: [], regions: [] },
        }),
      ),
    );
    expect(await screen.findByText('Not swept yet')).toBeInTheDocument();
    expect(screen.queryByText('No findings match these filters.')).toBeNull();
    expect(
      screen.getByText('No history yet: the sweep records one point a day.'),
    ).toBeInTheDocument();
  });

  it('names the accounts and regions a partial sweep could not read', async () => {
    await renderPage(
      jest.fn(async () =>
        mockFindingsPage({
          summary: mockSummary({
            lastSweep: {
              startedAt: '2026-12-01T06:00:00Z',
              finishedAt: '2026-12-01T06:05:00Z',
              status: 'partial',
              failedTargets: [
                {
                  accountId: '222222222222',
                  region: 'us-east-1',
                  message: 'Could not assume the read role',
                },
              ],
            },
          }),
        }),
      ),
    );
    expect(
      await screen.findByText(
        /Warning: Partial results: the last sweep could not read 222222222222 \/ us-east-1/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Could not assume the read role/),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Findings' })).toBeInTheDocument();
  });
});
