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
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { sageMakerStudioApiRef } from '../../api/SageMakerStudioApi';
import { errorMessage } from '../../api/errorMessage';
import { productLabel } from '../RequestDetails/labels';

/**
 * Approve / reject a pending request, with a comment (required to reject).
 * `approveBlockedReason` disables approval and says why (e.g. the plan is
 * still being computed). A failed review keeps the dialog open and shows the
 * backend's message.
 */
export function ReviewButtons(props: {
  request: ProvisioningRequest;
  onDone: () => void;
  approveBlockedReason?: string;
}) {
  const api = useApi(sageMakerStudioApiRef);
  const alertApi = useApi(alertApiRef);
  const [decision, setDecision] = useState<'approve' | 'reject'>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  if (props.request.status !== 'PENDING_APPROVAL') {
    return null;
  }

  const open = (next: 'approve' | 'reject') => {
    setFailure(undefined);
    setDecision(next);
  };

  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    setFailure(undefined);
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
      setComment('');
      props.onDone();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const who = props.request.teamName ?? props.request.requestedBy;

  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Button
          color="primary"
          variant="contained"
          disabled={Boolean(props.approveBlockedReason)}
          onClick={() => open('approve')}
        >
          Approve
        </Button>
        <Box ml={1}>
          <Button variant="outlined" onClick={() => open('reject')}>
            Reject
          </Button>
        </Box>
        {props.approveBlockedReason && (
          <Box ml={2}>
            <Typography variant="body2" color="textSecondary">
              {props.approveBlockedReason}
            </Typography>
          </Box>
        )}
      </Box>
      <Dialog
        open={Boolean(decision)}
        onClose={() => setDecision(undefined)}
        fullWidth
      >
        <DialogTitle>
          {decision === 'approve' ? 'Approve' : 'Reject'}{' '}
          {productLabel(props.request.product).toLocaleLowerCase('en-US')} for{' '}
          {who}
        </DialogTitle>
        <DialogContent>
          {failure && (
            <Box mb={2}>
              <Alert severity="error">{failure}</Alert>
            </Box>
          )}
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
