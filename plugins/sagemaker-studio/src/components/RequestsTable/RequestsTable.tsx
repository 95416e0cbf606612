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
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import { useProvisioningRequestPages } from '../../hooks/useProvisioningRequestPages';
import { myRequestsRouteRef } from '../../routes';
import { operationLabel, productLabel } from '../RequestDetails';
import { RequestStatusChip } from '../RequestStatusChip';

const columns: TableColumn<ProvisioningRequest>[] = [
  { title: 'Product', render: r => productLabel(r.product) },
  { title: 'Operation', render: r => operationLabel(r.operation) },
  { title: 'Team', field: 'teamName' },
  { title: 'Status', render: r => <RequestStatusChip status={r.status} /> },
  {
    title: 'Last event',
    render: r => {
      const last = r.events[r.events.length - 1];
      return last
        ? `${last.action} by ${last.actor}${
            last.comment ? `: ${last.comment}` : ''
          }`
        : '';
    },
  },
  { title: 'Created', render: r => new Date(r.createdAt).toLocaleString() },
];

/**
 * The caller's most recent requests (the backend's first page), with a link
 * to the page that shows all of them in detail.
 */
export function RequestsTable(props: { limit?: number }) {
  const myRequests = useRouteRef(myRequestsRouteRef);
  const { page, error } = useProvisioningRequestPages({
    scope: 'mine',
    limit: props.limit ?? 5,
  });
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!page) {
    return <Progress />;
  }
  return (
    <>
      <Table
        title="My recent requests"
        options={{ paging: false, search: false }}
        columns={columns}
        data={page.items}
        emptyContent={
          <div style={{ padding: 16 }}>
            You have not requested anything yet. Start from a template under
            Create.
          </div>
        }
      />
      <Box mt={1}>
        <Link to={myRequests()}>
          All my Studio requests, with their timelines
        </Link>
      </Box>
    </>
  );
}
