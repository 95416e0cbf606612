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
  PlannedResourceChange,
  ProvisioningPlan,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SimpleTable } from './SimpleTable';

/** The resource changes Service Catalog planned for a request. */
export function PlanChanges(props: { plan?: ProvisioningPlan }) {
  const { plan } = props;
  if (!plan) {
    return (
      <Typography variant="body2" color="textSecondary">
        No plan was made for this request.
      </Typography>
    );
  }
  if (plan.status === 'CREATING') {
    return (
      <Alert
        severity="info"
        icon={<CircularProgress size={20} aria-label="Computing the plan" />}
      >
        Service Catalog is still computing the plan. Approval is possible once
        the planned resource changes are shown here; this page checks again on
        its own.
      </Alert>
    );
  }
  if (plan.status === 'FAILED') {
    return (
      <Alert severity="error">
        Service Catalog could not compute the plan
        {plan.statusMessage ? `: ${plan.statusMessage}` : '.'}
      </Alert>
    );
  }
  if (plan.resourceChanges.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The plan changes no resources.
      </Typography>
    );
  }
  return (
    <SimpleTable<PlannedResourceChange>
      label="Planned resource changes"
      rowKey={change => `${change.action}:${change.logicalResourceId}`}
      columns={[
        { title: 'Action', render: change => change.action },
        {
          title: 'Logical ID',
          render: change => (
            <>
              <code>{change.logicalResourceId}</code>
              {change.physicalResourceId && (
                <Box component="span" display="block" color="text.secondary">
                  {change.physicalResourceId}
                </Box>
              )}
            </>
          ),
        },
        { title: 'Resource type', render: change => change.resourceType },
        {
          title: 'Replacement',
          render: change => change.replacement ?? '—',
        },
      ]}
      rows={plan.resourceChanges}
    />
  );
}
