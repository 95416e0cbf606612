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
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import { ReactNode } from 'react';
import { useProvisioningRequests } from '../../hooks/useStudioData';

const baseColumns: TableColumn<ProvisioningRequest>[] = [
  { title: 'Product', field: 'product' },
  { title: 'Team', field: 'teamName' },
  { title: 'Requested by', field: 'requestedBy' },
  { title: 'Status', field: 'status' },
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

/** A table of provisioning requests; `actions` adds a column (e.g. review buttons). */
export function RequestsTable(props: {
  scope: 'mine' | 'all';
  title: string;
  emptyText: string;
  actions?: (request: ProvisioningRequest, refresh: () => void) => ReactNode;
  filter?: (request: ProvisioningRequest) => boolean;
}) {
  const { loading, value, error, retry } = useProvisioningRequests(props.scope);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  const rows = (value ?? []).filter(props.filter ?? (() => true));
  const columns = props.actions
    ? [
        ...baseColumns,
        {
          title: 'Decision',
          render: (r: ProvisioningRequest) => props.actions!(r, retry),
        },
      ]
    : baseColumns;
  return (
    <Table
      title={props.title}
      options={{ paging: rows.length > 20, pageSize: 20, search: false }}
      columns={columns}
      data={rows}
      emptyContent={<div style={{ padding: 16 }}>{props.emptyText}</div>}
    />
  );
}
