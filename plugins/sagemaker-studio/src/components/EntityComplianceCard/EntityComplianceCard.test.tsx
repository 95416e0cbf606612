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

import { fireEvent, screen, within } from '@testing-library/react';
import {
  mockEntityCompliance,
  mockFinding,
  mockSummary,
} from '../../__testUtils__/compliance';
import {
  danaUser,
  domainEntity,
  pending,
  renderForEntity,
  teamGroup,
  withoutAnnotations,
} from '../../__testUtils__/entityStatus';
import { mockResponseError } from '../../__testUtils__/requests';
import { EntityComplianceCard } from './EntityComplianceCard';

describe('EntityComplianceCard', () => {
  it('shows the missing-annotation state without a team, and asks nothing', async () => {
    const getEntityCompliance = jest.fn();
    await renderForEntity(
      <EntityComplianceCard />,
      withoutAnnotations(teamGroup),
      { getEntityCompliance },
    );
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(getEntityCompliance).not.toHaveBeenCalled();
  });

  it('does not ask for the compliance of a domain', async () => {
    const getEntityCompliance = jest.fn();
    await renderForEntity(<EntityComplianceCard />, domainEntity, {
      getEntityCompliance,
    });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(getEntityCompliance).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: () => pending(),
    });
    expect(screen.getByText('Compliance')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("says you don't have access on a 403", async () => {
    const error = await mockResponseError(403, 'NotAllowedError', 'Not yours');
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () => Promise.reject(error),
    });
    expect(
      await screen.findByText(/Warning: You don't have access/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('You may see the compliance of your own team only.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Open findings')).toBeNull();
  });

  it('shows a fixed message, not the backend text, on another error, and retries', async () => {
    const error = await mockResponseError(
      500,
      'Error',
      'AccessDeniedException: arn:aws:iam::111111111111:role/x',
    );
    const getEntityCompliance = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(mockEntityCompliance());
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance,
    });
    expect(
      await screen.findByText(/Error: Could not read the compliance figures/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/AccessDeniedException/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('80%')).toBeInTheDocument();
    expect(getEntityCompliance).toHaveBeenCalledTimes(2);
  });

  it('asks for the compliance of the entity by its ref', async () => {
    const getEntityCompliance = jest.fn(async () => mockEntityCompliance());
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance,
    });
    await screen.findByText('80%');
    expect(getEntityCompliance).toHaveBeenCalledWith(
      'group:default/fraud-detection',
    );
  });

  it('shows the score, the counts by severity and each open finding with its resource, rule, explanation, remediation and action', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () => mockEntityCompliance(),
    });
    expect(await screen.findByText('80%')).toBeInTheDocument();
    expect(
      screen.getByText('of 10 evaluated resources have no open finding'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Last sweep finished 2026-12-01 06:05 UTC/),
    ).toBeInTheDocument();

    const counts = screen.getByRole('list', {
      name: 'Open findings by severity',
    });
    expect(within(counts).getByText('Critical: 0')).toBeInTheDocument();
    expect(within(counts).getByText('High: 2')).toBeInTheDocument();
    expect(within(counts).getByText('Medium: 1')).toBeInTheDocument();
    expect(within(counts).getByText('Low: 0')).toBeInTheDocument();

    const findings = screen.getByRole('list', { name: 'Open findings' });
    const items = within(findings).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0]);
    expect(first.getByText('Training jobs run in a VPC')).toBeInTheDocument();
    expect(first.getByText('SAGEMAKER_VPC_REQUIRED')).toBeInTheDocument();
    expect(
      first.getByText(
        'Training job fraud-train-7 · 111111111111 / eu-west-1 · Stopped',
      ),
    ).toBeInTheDocument();
    expect(
      first.getByText(
        'VpcConfig is not set, so the job can reach the internet.',
      ),
    ).toBeInTheDocument();
    expect(
      first.getByText(
        'Set VpcConfig with the team subnets and security group.',
      ),
    ).toBeInTheDocument();
    expect(first.getByText('Stopped 2026-12-01 06:03 UTC')).toBeInTheDocument();
    expect(within(items[1]).getByText('Reported')).toBeInTheDocument();
    expect(
      within(items[1]).getByText(
        'Model fraud-model-3 · 111111111111 / eu-west-1',
      ),
    ).toBeInTheDocument();

    const actions = screen.getByRole('list', { name: 'Latest actions' });
    expect(
      within(actions).getByText('Stopped Training job fraud-train-7'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Partial results/)).toBeNull();
  });

  it('lists each resource the detective control acted on once, with every rule it broke', async () => {
    const stoppedFor = (
      id: string,
      ruleId: string,
      title: string,
      at: string,
    ) => mockFinding({ id, ruleId, title, action: { taken: 'stopped', at } });
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
          recentActions: [
            stoppedFor(
              'f-1',
              'SAGEMAKER_VPC_REQUIRED',
              'Training jobs run in a VPC',
              '2026-12-01T06:03:00Z',
            ),
            mockFinding({
              id: 'f-9',
              ruleId: 'SAGEMAKER_OUTPUT_KMS_KEY',
              title: 'Model output is encrypted',
              resource: {
                kind: 'Model',
                name: 'fraud-model-3',
                arn: 'arn:aws:sagemaker:eu-west-1:111111111111:model/fraud-model-3',
              },
              action: { taken: 'deleted', at: '2026-12-01T06:02:30Z' },
            }),
            stoppedFor(
              'f-2',
              'SAGEMAKER_VOLUME_KMS_KEY',
              'Training jobs encrypt their volumes',
              '2026-12-01T06:02:00Z',
            ),
          ],
        }),
    });
    const actions = await screen.findByRole('list', { name: 'Latest actions' });
    const items = within(actions).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Stopped Training job fraud-train-7 (broke Training jobs run in a VPC; Training jobs encrypt their volumes), 2026-12-01 06:03 UTC',
      'Deleted Model fraud-model-3 (broke Model output is encrypted), 2026-12-01 06:02 UTC',
    ]);
  });

  it("names the teams counted on a user's card", async () => {
    await renderForEntity(<EntityComplianceCard />, danaUser, {
      getEntityCompliance: async () => mockEntityCompliance(),
    });
    expect(
      await screen.findByText('Counts the resources of team fraud-detection.'),
    ).toBeInTheDocument();
  });

  it('says there are no open findings once a sweep has run and found none', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
          summary: mockSummary({
            score: 100,
            openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
          }),
          findings: [],
          recentActions: [],
        }),
    });
    expect(await screen.findByText('No open findings.')).toBeInTheDocument();
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(
      screen.getByText('The detective control has taken no action yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Not swept yet/)).toBeNull();
  });

  it('says "not swept yet", not "no findings", before the first sweep', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
          summary: mockSummary({
            score: null,
            evaluatedResources: 0,
            openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
            lastSweep: undefined,
          }),
          findings: [],
          recentActions: [],
          history: [],
        }),
    });
    expect(await screen.findByText(/Not swept yet/)).toBeInTheDocument();
    expect(screen.queryByText('No open findings.')).toBeNull();
    expect(screen.queryByText('100%')).toBeNull();
  });

  it('says nothing was left to evaluate, not "not evaluated yet", after a sweep found no active resource', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
          summary: mockSummary({
            score: null,
            evaluatedResources: 0,
            openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
          }),
          findings: [],
        }),
    });
    expect(
      await screen.findByText(
        'No running or active resource to evaluate in the last sweep.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('No resource evaluated yet.')).toBeNull();
  });

  it('names the accounts and regions a partial sweep could not read, above the figures it could', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
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
    });
    expect(
      await screen.findByText(
        /Warning: Partial results: the last sweep could not read 222222222222 \/ us-east-1/,
      ),
    ).toBeInTheDocument();
    const failed = screen.getByRole('list', {
      name: 'Accounts and regions not read',
    });
    expect(
      within(failed).getByText(/Could not assume the read role/),
    ).toBeInTheDocument();
    expect(screen.getByText('80%')).toBeInTheDocument();
  });

  it('says when the last sweep failed altogether', async () => {
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () =>
        mockEntityCompliance({
          summary: mockSummary({
            lastSweep: {
              startedAt: '2026-12-01T06:00:00Z',
              finishedAt: '2026-12-01T06:01:00Z',
              status: 'failed',
              failedTargets: [],
            },
          }),
        }),
    });
    expect(
      await screen.findByText(
        /Error: The last sweep failed: these figures may be out of date/,
      ),
    ).toBeInTheDocument();
  });

  it('lists at most ten findings and counts the rest', async () => {
    const findings = Array.from({ length: 12 }, (_, i) =>
      mockFinding({
        id: `f-${i}`,
        resource: { kind: 'Model', name: `m-${i}` },
      }),
    );
    await renderForEntity(<EntityComplianceCard />, teamGroup, {
      getEntityCompliance: async () => mockEntityCompliance({ findings }),
    });
    const list = await screen.findByRole('list', { name: 'Open findings' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(
      screen.getByText('Showing the 10 most severe of 12 open findings.'),
    ).toBeInTheDocument();
  });
});
