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

import { DependencyList, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/**
 * One page at a time of a list the backend pages with a cursor, with "next"
 * and "previous". `queryKey` stands for everything `load` reads besides the
 * cursor (filters, limit): when it changes, paging starts again at the first
 * page and `load` runs again; `deps` are further values that make it run
 * again. The last page read stays available as `lastPage`, whatever its key.
 */
export function useCursorPages<P extends { nextCursor?: string }>(
  queryKey: string,
  load: (cursor: string | undefined) => Promise<P>,
  deps: DependencyList = [],
) {
  // The cursors of the pages after the first one, so "previous" can go back.
  const [stack, setStack] = useState<{ key: string; cursors: string[] }>({
    key: queryKey,
    cursors: [],
  });
  const cursors = stack.key === queryKey ? stack.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const pageKey = `${queryKey}|${cursor ?? ''}`;

  const state = useAsyncRetry(async () => {
    const page = await load(cursor);
    return { pageKey, page };
    // pageKey stands for the query and the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, pageKey]);

  const [lastGood, setLastGood] = useState<{ pageKey: string; page: P }>();
  useEffect(() => {
    if (state.value) {
      setLastGood(state.value);
    }
  }, [state.value]);

  const current = state.value ?? lastGood;
  // A page that belongs to another query or cursor is not shown.
  const page = current?.pageKey === pageKey ? current.page : undefined;

  return {
    /** The shown page, or undefined while it is read. */
    page,
    /** The latest page read, whatever its query (for summaries and options). */
    lastPage: current?.page,
    /** True while reading (the first time or a refresh). */
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
