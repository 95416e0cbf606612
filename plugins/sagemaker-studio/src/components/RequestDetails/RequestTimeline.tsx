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

import { ProvisioningRequestEvent } from '@internal/plugin-sagemaker-studio-common';
import { RequestStatusChip } from '../RequestStatusChip';
import { EntityRefText } from './EntityRefText';
import { SimpleTable } from './SimpleTable';

/** What happened to a request, oldest first: when, who, what, and why. */
export function RequestTimeline(props: { events: ProvisioningRequestEvent[] }) {
  return (
    <SimpleTable<ProvisioningRequestEvent>
      label="Timeline"
      rowKey={(event, index) => `${index}:${event.at}:${event.action}`}
      columns={[
        { title: 'When', render: e => new Date(e.at).toLocaleString() },
        { title: 'Who', render: e => <EntityRefText entityRef={e.actor} /> },
        { title: 'Action', render: e => e.action },
        {
          title: 'Status',
          render: e => <RequestStatusChip status={e.status} />,
        },
        { title: 'Comment', render: e => e.comment ?? '' },
      ]}
      rows={props.events ?? []}
    />
  );
}
