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
  FINAL_REQUEST_STATUSES,
  ProvisioningRequest,
  ProvisioningRequestPage,
  ProvisioningRequestStatus,
} from '@internal/plugin-sagemaker-studio-common';
import useInterval from 'react-use/esm/useInterval';
import { sageMakerStudioApiRef } from '../api/SageMakerStudioApi';
import { useCursorPages } from './useCursorPages';

/** How often a page with work in flight is read again. */
export const DEFAULT_POLL_INTERVAL_MS = 5000;

/** Whether a request may still change on its own (not in a final status). */
export function isOpenRequest(request: ProvisioningRequest): boolean {
  return !FINAL_REQUEST_STATUSES.includes(request.status);
}

/** What {@link useProvisioningRequestPages} reads. */
export interface RequestPagesOptions {
  scope: 'mine' | 'all';
  status?: ProvisioningRequestStatus;
  limit?: number;
  /** Read the page again every this many ms while `shouldPoll` holds. */
  pollIntervalMs?: number;
  /** Whether the shown page has something that is still changing. */
  shouldPoll?: (items: ProvisioningRequest[]) => boolean;
}

/**
 * One page of provisioning requests at a time, as the backend pages them,
 * with "next" and "previous" driven by the backend's cursor. Changing the
 * scope or status starts again at the first page. While `shouldPoll` holds for
 * the shown page, the page is read again every `pollIntervalMs`; a failed
 * refresh keeps the last page on screen and reports the error beside it.
 */
export function useProvisioningRequestPages(options: RequestPagesOptions) {
  const { scope, status, limit, pollIntervalMs, shouldPoll } = options;
  const api = useApi(sageMakerStudioApiRef);
  // `lastPage` is left out: a request list shows only the page it asked for.
  const { lastPage: _lastPage, ...pages } =
    useCursorPages<ProvisioningRequestPage>(
      `${scope}|${status ?? '*'}|${limit ?? ''}`,
      cursor => api.listRequests({ scope, status, cursor, limit }),
      [api],
    );

  const polling = Boolean(
    pollIntervalMs && pages.page && shouldPoll && shouldPoll(pages.page.items),
  );
  useInterval(
    () => {
      if (!pages.loading) {
        pages.retry();
      }
    },
    polling ? pollIntervalMs! : null,
  );

  return pages;
}
