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

import { InfoCard } from '@backstage/core-components';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Grid from '@material-ui/core/Grid';
import {
  DetailSection,
  ParametersTable,
  RequestFacts,
  RequestOutcome,
  RequestTimeline,
  requestTitle,
} from '../RequestDetails';
import { RequestStatusChip } from '../RequestStatusChip';
import { CancelRequestButton } from './CancelRequestButton';

/**
 * One of the caller's requests: where it stands, what happened to it, and how
 * it ended (errors, or the catalog entity and outputs).
 */
export function MyRequestCard(props: {
  request: ProvisioningRequest;
  onChanged: () => void;
}) {
  const { request } = props;
  return (
    <section aria-label={`Request ${request.id}`}>
      <InfoCard
        title={requestTitle(request)}
        subheader={<RequestStatusChip status={request.status} />}
        actions={
          request.status === 'PENDING_APPROVAL' ? (
            <CancelRequestButton request={request} onDone={props.onChanged} />
          ) : undefined
        }
      >
        <Grid container spacing={3}>
          <Grid item xs={12} md={5}>
            <DetailSection title="Request">
              <RequestFacts request={request} />
            </DetailSection>
          </Grid>
          <Grid item xs={12} md={7}>
            <DetailSection title="Parameters">
              <ParametersTable parameters={request.parameters} />
            </DetailSection>
          </Grid>
          <Grid item xs={12}>
            <RequestOutcome request={request} />
          </Grid>
          <Grid item xs={12}>
            <DetailSection title="Timeline">
              <RequestTimeline events={request.events} />
            </DetailSection>
          </Grid>
        </Grid>
      </InfoCard>
    </section>
  );
}
