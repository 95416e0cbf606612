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

import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useRef, useState } from 'react';
import { sageMakerStudioApiRef } from '../../api/SageMakerStudioApi';
import { errorMessage } from '../../api/errorMessage';

/** How long after a sweep starts the page reads its findings again. */
export const SWEEP_RELOAD_DELAY_MS = 5_000;

type Outcome = { severity: 'success' | 'info' | 'error'; message: string };

/**
 * An admin's "Sweep now": asks the backend to run the compliance sweep at
 * once, says "Sweep started" (or why not, e.g. that one is running), and
 * calls `onStarted` a moment later so the page reads the findings again.
 */
export function SweepNowButton(props: { onStarted: () => void }) {
  const api = useApi(sageMakerStudioApiRef);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const onStarted = useRef(props.onStarted);
  onStarted.current = props.onStarted;

  useEffect(() => () => clearTimeout(timer.current), []);

  const sweep = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await api.triggerComplianceSweep();
      setOutcome({ severity: 'success', message: 'Sweep started' });
      clearTimeout(timer.current);
      timer.current = setTimeout(
        () => onStarted.current(),
        SWEEP_RELOAD_DELAY_MS,
      );
    } catch (e) {
      const running = ResponseError.is(e) && e.statusCode === 409;
      setOutcome({
        severity: running ? 'info' : 'error',
        message: errorMessage(e),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mt={2}>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        disabled={busy}
        onClick={sweep}
      >
        Sweep now
      </Button>
      {outcome && (
        <Box mt={1}>
          <Alert severity={outcome.severity}>{outcome.message}</Alert>
        </Box>
      )}
    </Box>
  );
}
