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

import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityRefText } from './EntityRefText';
import { RecordErrors } from './RecordErrors';
import { RequestOutputs } from './RequestOutputs';

/**
 * How a request ended up: the record's errors when it failed; the catalog
 * entity and the outputs once it succeeded; nothing while it is under way.
 */
export function RequestOutcome(props: { request: ProvisioningRequest }) {
  const { request } = props;
  if (request.status === 'FAILED') {
    return <RecordErrors errors={request.recordErrors} />;
  }
  if (request.status !== 'SUCCEEDED') {
    return null;
  }
  return (
    <>
      <Box mb={1}>
        <Typography variant="body2" component="div">
          {request.entityRef ? (
            <>
              In the catalog as <EntityRefText entityRef={request.entityRef} />
            </>
          ) : (
            'Not in the catalog yet; it appears after the next catalog refresh.'
          )}
        </Typography>
      </Box>
      <RequestOutputs outputs={request.outputs} />
    </>
  );
}
