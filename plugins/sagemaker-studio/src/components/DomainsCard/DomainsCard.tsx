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
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { StudioDomainSummary } from '@internal/plugin-sagemaker-studio-common';
import Typography from '@material-ui/core/Typography';
import { useStudioDomains } from '../../hooks/useStudioData';
import { SourceErrorsPanel } from '../StudioEntityStatusCard';

function DomainStatus({ status }: { status: string }) {
  if (status === 'InService') return <StatusOK>{status}</StatusOK>;
  if (/fail/i.test(status)) return <StatusError>{status}</StatusError>;
  return <StatusPending>{status}</StatusPending>;
}

const columns: TableColumn<StudioDomainSummary>[] = [
  { title: 'Domain', field: 'domainName' },
  { title: 'ID', field: 'domainId' },
  { title: 'Status', render: d => <DomainStatus status={d.status} /> },
  {
    title: 'Network',
    render: d =>
      d.appNetworkAccessType === 'VpcOnly' ? (
        <StatusOK>VPC only</StatusOK>
      ) : (
        <StatusError>{d.appNetworkAccessType ?? 'unknown'}</StatusError>
      ),
  },
  {
    title: 'Encryption',
    render: d =>
      d.kmsKeyId ? <StatusOK>KMS</StatusOK> : <StatusError>none</StatusError>,
  },
  { title: 'Account', render: d => d.accountId ?? '—' },
  { title: 'Region', field: 'region' },
];

/** Every Studio domain the backend can see. */
export function DomainsCard() {
  const { loading, value, error } = useStudioDomains();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard title="Studio domains" noPadding>
      {value && <SourceErrorsPanel errors={value.errors} />}
      {value && value.items.length === 0 ? (
        <Typography style={{ padding: 16 }}>
          No Studio domain yet. An admin onboards one from the “SageMaker Studio
          domain” template.
        </Typography>
      ) : (
        <Table
          options={{ paging: false, search: false, toolbar: false }}
          columns={columns}
          data={value?.items ?? []}
        />
      )}
    </InfoCard>
  );
}
