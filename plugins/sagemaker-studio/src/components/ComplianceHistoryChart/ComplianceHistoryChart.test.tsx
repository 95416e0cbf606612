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

import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mockHistory } from '../../__testUtils__/compliance';
import { ComplianceHistoryChart } from './ComplianceHistoryChart';

describe('ComplianceHistoryChart', () => {
  it('draws one stacked area per severity over the days of the history', async () => {
    const { container } = await renderInTestApp(
      <ComplianceHistoryChart history={mockHistory(3)} />,
    );
    expect(
      screen.getByRole('figure', {
        name: 'Open findings per day by severity, 2026-11-28 to 2026-11-30',
      }),
    ).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-area')).toHaveLength(4);
    // The legend lists the severities most severe first.
    const legend = Array.from(
      container.querySelectorAll('.recharts-legend-item-text'),
    ).map(item => item.textContent);
    expect(legend).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(screen.getByText('2026-11-28')).toBeInTheDocument();
    expect(screen.getByText('2026-11-30')).toBeInTheDocument();
  });

  it('says there is no history yet instead of an empty chart', async () => {
    const { container } = await renderInTestApp(
      <ComplianceHistoryChart history={[]} />,
    );
    expect(
      screen.getByText('No history yet: the sweep records one point a day.'),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
  });
});
