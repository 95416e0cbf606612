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

import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  PROVISIONING_REQUEST_STATUSES,
  ProvisioningRequest,
  ProvisioningRequestStatus,
  sageMakerStudioRequestReviewPermission,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import {
  DEFAULT_POLL_INTERVAL_MS,
  useProvisioningRequestPages,
} from '../../hooks/useProvisioningRequestPages';
import { CursorPager } from '../CursorPager';
import { statusLabel } from '../RequestDetails';
import { RequirePermission } from '../RequirePermission';
import { ReviewRequestCard } from './ReviewRequestCard';

/** How many requests one page of the queue shows. */
export const REVIEW_PAGE_SIZE = 10;

const ALL = 'all';
type StatusFilter = ProvisioningRequestStatus | typeof ALL;

function planBeingComputed(items: ProvisioningRequest[]): boolean {
  return items.some(
    r => r.status === 'PENDING_APPROVAL' && r.plan?.status === 'CREATING',
  );
}

function emptyText(filter: StatusFilter, pageNumber: number): string {
  if (pageNumber > 1) {
    return 'Nothing is left on this page; go back to the previous page.';
  }
  if (filter === ALL) {
    return 'Nothing has been requested yet.';
  }
  if (filter === 'PENDING_APPROVAL') {
    return 'No request is waiting for review.';
  }
  return `No request is ${statusLabel(filter).toLocaleLowerCase('en-US')}.`;
}

function ReviewQueue(props: { pollIntervalMs: number }) {
  const [filter, setFilter] = useState<StatusFilter>('PENDING_APPROVAL');
  const pages = useProvisioningRequestPages({
    scope: 'all',
    status: filter === ALL ? undefined : filter,
    limit: REVIEW_PAGE_SIZE,
    pollIntervalMs: props.pollIntervalMs,
    // Approval waits for the plan; show it as soon as Service Catalog has it.
    shouldPoll: planBeingComputed,
  });

  let body;
  if (!pages.page) {
    body = pages.error ? (
      <ResponseErrorPanel error={pages.error} />
    ) : (
      <Progress />
    );
  } else if (pages.page.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={emptyText(filter, pages.pageNumber)}
        description={
          filter === 'PENDING_APPROVAL'
            ? 'New requests from templates appear here for approval.'
            : 'Choose another status to see other requests.'
        }
      />
    );
  } else {
    body = pages.page.items.map(request => (
      <Box key={request.id} mb={3}>
        <ReviewRequestCard request={request} onReviewed={pages.retry} />
      </Box>
    ));
  }

  return (
    <>
      <ContentHeader
        title={
          filter === ALL
            ? 'All requests'
            : `Requests: ${statusLabel(filter).toLocaleLowerCase('en-US')}`
        }
      >
        <TextField
          select
          id="review-status-filter"
          label="Status"
          variant="outlined"
          size="small"
          value={filter}
          onChange={e => setFilter(e.target.value as StatusFilter)}
          SelectProps={{ native: true }}
        >
          {PROVISIONING_REQUEST_STATUSES.map(status => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
          <option value={ALL}>All statuses</option>
        </TextField>
      </ContentHeader>
      {pages.page && pages.error && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title="Could not refresh the list"
            message={errorMessage(pages.error)}
          />
        </Box>
      )}
      {body}
      <CursorPager pages={pages} disabled={!pages.page} />
    </>
  );
}

/**
 * Admins review templated requests here: pending ones by default, any status
 * on demand, one backend page at a time.
 */
export function ReviewQueuePage(props: { pollIntervalMs?: number }) {
  return (
    <Page themeId="tool">
      <Header
        title="Studio requests to review"
        subtitle="Check the parameters and the planned changes, then approve or reject"
      />
      <Content>
        <RequirePermission permission={sageMakerStudioRequestReviewPermission}>
          <ReviewQueue
            pollIntervalMs={props.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS}
          />
        </RequirePermission>
      </Content>
    </Page>
  );
}
