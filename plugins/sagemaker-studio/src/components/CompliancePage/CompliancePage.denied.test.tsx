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
import { mockFindingsPage } from '../../__testUtils__/compliance';
import { renderWithStudioApi } from '../../__testUtils__/renderWithStudioApi';
import { CompliancePage } from './CompliancePage';

// A file of its own: permission answers are cached per module registry.
describe('CompliancePage for a non-admin', () => {
  it('names the missing permission and asks the backend nothing', async () => {
    const listComplianceFindings = jest.fn(async () => mockFindingsPage());
    await renderWithStudioApi(
      <CompliancePage />,
      { listComplianceFindings },
      { allowed: false },
    );
    expect(
      await screen.findByText(/sagemaker-studio\.estate\.read permission/),
    ).toBeInTheDocument();
    expect(listComplianceFindings).not.toHaveBeenCalled();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
