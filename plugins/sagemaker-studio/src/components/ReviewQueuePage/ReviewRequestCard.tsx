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
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  DetailSection,
  ParametersTable,
  PlanChanges,
  RequestFacts,
  RequestOutcome,
  RequestTimeline,
  requestTitle,
} from '../RequestDetails';
import { RequestStatusChip } from '../RequestStatusChip';
import { ReviewButtons } from '../ReviewButtons';

/** Shown beside a disabled Approve while the plan is being computed. */
export const PLAN_PENDING_HINT =
  'Approve is possible once Service Catalog has computed the plan.';

/**
 * One request as an admin reviews it: who asked and for whom, what, the
 * parameters and the planned resource changes, and then the decision.
 */
export function ReviewRequestCard(props: {
  request: ProvisioningRequest;
  onReviewed: () => void;
}) {
  const { request } = props;
  const pending = request.status === 'PENDING_APPROVAL';
  return (
    <section aria-label={`Request ${request.id}`}>
      <InfoCard
        title={requestTitle(request)}
        subheader={
          <Box component="span" display="flex" alignItems="center">
            <RequestStatusChip status={request.status} />
          </Box>
        }
        actions={
          pending ? (
            <ReviewButtons
              request={request}
              onDone={props.onReviewed}
              approveBlockedReason={
                request.plan?.status === 'CREATING'
                  ? PLAN_PENDING_HINT
                  : undefined
              }
            />
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
            <DetailSection title="Planned resource changes">
              <PlanChanges plan={request.plan} />
            </DetailSection>
            {!pending && (
              <>
                <DetailSection title="Timeline">
                  <RequestTimeline events={request.events} />
                </DetailSection>
                <RequestOutcome request={request} />
              </>
            )}
          </Grid>
        </Grid>
      </InfoCard>
    </section>
  );
}
