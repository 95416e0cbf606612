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
  ComplianceFindingsPage,
  ComplianceFindingsQuery,
} from '@internal/plugin-sagemaker-studio-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sageMakerStudioApiRef } from '../api/SageMakerStudioApi';

/** The filters of the estate's findings, without the paging. */
export type ComplianceFindingsFilters = Omit<
  ComplianceFindingsQuery,
  'cursor' | 'limit'
>;

const FILTER_KEYS: Array<keyof ComplianceFindingsFilters> = [
  'team',
  'ruleId',
  'severity',
  'accountId',
  'region',
  'state',
];

function filtersKey(filters: ComplianceFindingsFilters, limit?: number) {
  return JSON.stringify([...FILTER_KEYS.map(k => filters[k] ?? ''), limit]);
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
  const queryKey = filtersKey(filters, limit);

  // The cursors of the pages after the first one, so "previous" can go back.
  const [stack, setStack] = useState<{ key: string; cursors: string[] }>({
    key: queryKey,
    cursors: [],
  });
  const cursors = stack.key === queryKey ? stack.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const pageKey = `${queryKey}|${cursor ?? ''}`;

  const state = useAsyncRetry(async () => {
    const query: ComplianceFindingsQuery = {};
    for (const key of FILTER_KEYS) {
      if (filters[key]) {
        Object.assign(query, { [key]: filters[key] });
      }
    }
    if (cursor) query.cursor = cursor;
    if (limit !== undefined) query.limit = limit;
    const page = await api.listComplianceFindings(query);
    return { pageKey, page };
    // pageKey stands for the filters, the limit and the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, pageKey]);

  const [lastGood, setLastGood] = useState<{
    pageKey: string;
    page: ComplianceFindingsPage;
  }>();
  useEffect(() => {
    if (state.value) {
      setLastGood(state.value);
    }
  }, [state.value]);

  const current = state.value ?? lastGood;
  // A page that belongs to other filters or another cursor is not shown.
  const page = current?.pageKey === pageKey ? current.page : undefined;

  return {
    /** The shown page, or undefined while it is read. */
    page,
    /** The latest page read, whatever its filters (for summary and options). */
    lastPage: current?.page,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
    /** 1 for the first page. */
    pageNumber: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    hasNext: Boolean(page?.nextCursor),
    next: () => {
      if (page?.nextCursor) {
        setStack({ key: queryKey, cursors: [...cursors, page.nextCursor] });
      }
    },
    previous: () => setStack({ key: queryKey, cursors: cursors.slice(0, -1) }),
  };
}
