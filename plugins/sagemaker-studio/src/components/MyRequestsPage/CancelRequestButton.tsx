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

import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { ProvisioningRequest } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { sageMakerStudioApiRef } from '../../api/SageMakerStudioApi';
import { errorMessage } from '../../api/errorMessage';
import { requestTitle } from '../RequestDetails';

/**
 * Withdraws one's own request while it waits for approval, after a
 * confirmation with an optional comment. Renders nothing for other statuses.
 */
export function CancelRequestButton(props: {
  request: ProvisioningRequest;
  onDone: () => void;
}) {
  const api = useApi(sageMakerStudioApiRef);
  const alertApi = useApi(alertApiRef);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  if (props.request.status !== 'PENDING_APPROVAL') {
    return null;
  }

  const submit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.cancelRequest(props.request.id, {
        comment: comment.trim() || undefined,
      });
      alertApi.post({
        message: 'Request cancelled',
        severity: 'success',
        display: 'transient',
      });
      setOpen(false);
      setComment('');
      props.onDone();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        onClick={() => {
          setFailure(undefined);
          setOpen(true);
        }}
      >
        Cancel request
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Cancel this request?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {requestTitle(props.request)} will not be reviewed or provisioned.
            To ask again later, start a new request.
          </DialogContentText>
          {failure && (
            <Box mb={2}>
              <Alert severity="error">{failure}</Alert>
            </Box>
          )}
          <TextField
            id={`cancel-comment-${props.request.id}`}
            label="Comment (optional)"
            value={comment}
            onChange={e => setComment(e.target.value)}
            fullWidth
            multiline
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Keep request</Button>
          <Button color="primary" disabled={busy} onClick={submit}>
            Cancel request
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
