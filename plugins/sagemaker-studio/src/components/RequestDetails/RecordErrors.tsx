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

import { ProvisioningRecordError } from '@internal/plugin-sagemaker-studio-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** Why Service Catalog failed a request, as its record reports it. */
export function RecordErrors(props: { errors?: ProvisioningRecordError[] }) {
  const errors = props.errors ?? [];
  return (
    <Alert severity="error">
      <AlertTitle>
        Service Catalog reported the provisioning as failed
      </AlertTitle>
      {errors.length === 0
        ? 'The record carries no error details.'
        : errors.map((error, index) => (
            <div key={`${index}:${error.code}`}>
              <strong>{error.code}</strong>: {error.description}
            </div>
          ))}
    </Alert>
  );
}
