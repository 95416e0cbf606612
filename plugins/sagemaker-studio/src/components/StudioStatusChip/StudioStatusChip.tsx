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
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

/**
 * The status of a SageMaker resource (`InService`, `Pending`, `Failed`
 * ...), of a provisioned product (`AVAILABLE`, `UNDER_CHANGE`, `ERROR`,
 * `TAINTED`) or of a CloudFormation stack (`CREATE_COMPLETE`,
 * `UPDATE_ROLLBACK_COMPLETE` ...) as a coloured status chip.
 */
export function StudioStatusChip(props: { status: string }) {
  const { status } = props;
  const s = status.toLowerCase();
  if (/fail|error|tainted|rollback/.test(s)) {
    return <StatusError>{status}</StatusError>;
  }
  if (/^(inservice|available|ready|running)$|_complete$/.test(s)) {
    return <StatusOK>{status}</StatusOK>;
  }
  if (/deleted|terminated|stopped/.test(s)) {
    return <StatusAborted>{status}</StatusAborted>;
  }
  if (/^pending$|^plan/.test(s)) {
    return <StatusPending>{status}</StatusPending>;
  }
  if (/updating|deleting|creating|in_progress|under_change|pending/.test(s)) {
    return <StatusRunning>{status}</StatusRunning>;
  }
  return <StatusWarning>{status}</StatusWarning>;
}
