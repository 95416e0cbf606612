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

import { useApi, alertApiRef } from '@backstage/core-plugin-api';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { sageMakerStudioApiRef } from '../../api/SageMakerStudioApi';

/** Approve / reject a pending request, with a comment (required to reject). */
export function ReviewButtons(props: {
  request: ProvisioningRequest;
  onDone: () => void;
}) {
  const api = useApi(sageMakerStudioApiRef);
  const alertApi = useApi(alertApiRef);
  const [decision, setDecision] = useState<'approve' | 'reject'>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  if (props.request.status !== 'PENDING_APPROVAL') {
    return null;
  }

  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    try {
      await api.reviewRequest(props.request.id, {
        decision,
        comment: comment.trim() || undefined,
      });
      alertApi.post({
        message: `Request ${decision === 'approve' ? 'approved' : 'rejected'}`,
        severity: 'success',
        display: 'transient',
      });
      setDecision(undefined);
      props.onDone();
    } catch (e) {
      alertApi.post({
        message: String((e as Error).message),
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="primary" onClick={() => setDecision('approve')}>
        Approve
      </Button>
      <Button onClick={() => setDecision('reject')}>Reject</Button>
      <Dialog open={Boolean(decision)} onClose={() => setDecision(undefined)}>
        <DialogTitle>
          {decision === 'approve' ? 'Approve' : 'Reject'}{' '}
          {props.request.product} for{' '}
          {props.request.teamName ?? props.request.requestedBy}
        </DialogTitle>
        <DialogContent>
          <TextField
            id={`review-comment-${props.request.id}`}
            label={decision === 'reject' ? 'Reason (required)' : 'Comment'}
            value={comment}
            onChange={e => setComment(e.target.value)}
            fullWidth
            multiline
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDecision(undefined)}>Cancel</Button>
          <Button
            color="primary"
            disabled={busy || (decision === 'reject' && !comment.trim())}
            onClick={submit}
          >
            Confirm
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
