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
  EmptyState,
  Header,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import { errorMessage } from '../../api/errorMessage';
import {
  DEFAULT_POLL_INTERVAL_MS,
  isOpenRequest,
  useProvisioningRequestPages,
} from '../../hooks/useProvisioningRequestPages';
import { CursorPager } from '../CursorPager';
import { MyRequestCard } from './MyRequestCard';

/** How many requests one page shows. */
export const MY_REQUESTS_PAGE_SIZE = 10;

function anyOpen(items: ProvisioningRequest[]): boolean {
  return items.some(isOpenRequest);
}

function MyRequests(props: { pollIntervalMs: number }) {
  const pages = useProvisioningRequestPages({
    scope: 'mine',
    limit: MY_REQUESTS_PAGE_SIZE,
    pollIntervalMs: props.pollIntervalMs,
    // Until every shown request is final, its status changes without anyone
    // on this page doing anything (review, provisioning).
    shouldPoll: anyOpen,
  });

  if (!pages.page) {
    return pages.error ? (
      <ResponseErrorPanel error={pages.error} />
    ) : (
      <Progress />
    );
  }

  return (
    <>
      {pages.error && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title="Could not refresh your requests"
            message={errorMessage(pages.error)}
          />
        </Box>
      )}
      {pages.page.items.length === 0 && pages.pageNumber === 1 && (
        <EmptyState
          missing="data"
          title="You have no Studio requests yet"
          description="Request a team environment or a user profile from a template; it appears here with its approval and provisioning status."
          action={
            <LinkButton to="/create" color="primary" variant="contained">
              Choose a template
            </LinkButton>
          }
        />
      )}
      {pages.page.items.length === 0 && pages.pageNumber > 1 && (
        <EmptyState
          missing="data"
          title="Nothing is left on this page"
          description="Go back to the previous page."
        />
      )}
      {pages.page.items.map(request => (
        <Box key={request.id} mb={3}>
          <MyRequestCard request={request} onChanged={pages.retry} />
        </Box>
      ))}
      <CursorPager pages={pages} />
    </>
  );
}

/**
 * Everyone's own provisioning requests, newest first as the backend pages
 * them, kept current while any of them is still under way.
 */
export function MyRequestsPage(props: { pollIntervalMs?: number }) {
  return (
    <Page themeId="tool">
      <Header
        title="My Studio requests"
        subtitle="What you asked for, where it stands, and what came of it"
      />
      <Content>
        <MyRequests
          pollIntervalMs={props.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS}
        />
      </Content>
    </Page>
  );
}
