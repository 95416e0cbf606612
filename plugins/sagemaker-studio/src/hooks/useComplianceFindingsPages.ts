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

import { useApi } from '@backstage/core-plugin-api';
import {
  COMPLIANCE_FINDINGS_FILTER_KEYS,
  ComplianceFindingsPage,
  ComplianceFindingsQuery,
} from '@internal/plugin-sagemaker-studio-common';
import { sageMakerStudioApiRef } from '../api/SageMakerStudioApi';
import { useCursorPages } from './useCursorPages';

/** The filters of the estate's findings, without the paging. */
export type ComplianceFindingsFilters = Omit<
  ComplianceFindingsQuery,
  'cursor' | 'limit'
>;

function filtersKey(filters: ComplianceFindingsFilters, limit?: number) {
  return JSON.stringify([
    ...COMPLIANCE_FINDINGS_FILTER_KEYS.map(k => filters[k] ?? ''),
    limit,
  ]);
}

/**
 * One page of the estate's findings at a time (admins only), with "next"
 * and "previous" driven by the backend's cursor. Changing a filter starts
 * again at the first page. The last page read stays available as
 * `lastPage`, so the summary, chart and filter options do not vanish while
 * the next page loads.
 */
export function useComplianceFindingsPages(
  filters: ComplianceFindingsFilters,
  limit?: number,
) {
  const api = useApi(sageMakerStudioApiRef);
  return useCursorPages<ComplianceFindingsPage>(
    filtersKey(filters, limit),
    cursor => {
      const query: ComplianceFindingsQuery = {};
      for (const key of COMPLIANCE_FINDINGS_FILTER_KEYS) {
        if (filters[key]) {
          Object.assign(query, { [key]: filters[key] });
        }
      }
      if (cursor) query.cursor = cursor;
      if (limit !== undefined) query.limit = limit;
      return api.listComplianceFindings(query);
    },
    [api],
  );
}
