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

import { WarningPanel } from '@backstage/core-components';
import { ComplianceSweepStatus } from '@internal/plugin-sagemaker-studio-common';
import Typography from '@material-ui/core/Typography';
import { formatUtc, timeAgo } from './labels';

function when(iso: string, now?: number) {
  const ago = timeAgo(iso, now);
  return `${formatUtc(iso)}${ago ? ` (${ago})` : ''}`;
}

/** How fresh the figures are: when the last sweep ran and how it ended. */
export function SweepFreshness(props: {
  lastSweep?: ComplianceSweepStatus;
  now?: number;
}) {
  const { lastSweep, now } = props;
  let text: string;
  if (!lastSweep) {
    text = 'Not swept yet.';
  } else if (lastSweep.status === 'running' || !lastSweep.finishedAt) {
    text = `A sweep is running since ${when(lastSweep.startedAt, now)}.`;
  } else {
    text = `Last sweep finished ${when(lastSweep.finishedAt, now)}.`;
  }
  return (
    <Typography variant="body2" color="textSecondary">
      {text}
    </Typography>
  );
}

/**
 * The accounts and regions the last sweep could not read, so partial
 * figures are never taken for the whole estate; nothing when all were read.
 */
export function SweepFailures(props: { lastSweep?: ComplianceSweepStatus }) {
  const { lastSweep } = props;
  if (!lastSweep) return null;
  const failed = lastSweep.failedTargets ?? [];
  if (lastSweep.status !== 'failed' && failed.length === 0) return null;
  const targets = failed.map(t => `${t.accountId} / ${t.region}`);
  const title =
    lastSweep.status === 'failed'
      ? 'The last sweep failed: these figures may be out of date'
      : `Partial results: the last sweep could not read ${targets.join(', ')}`;
  return (
    <WarningPanel
      severity={lastSweep.status === 'failed' ? 'error' : 'warning'}
      title={title}
      defaultExpanded
    >
      {failed.length > 0 ? (
        <ul aria-label="Accounts and regions not read" style={{ margin: 0 }}>
          {failed.map(t => (
            <li key={`${t.accountId}/${t.region}`}>
              <strong>
                {t.accountId} / {t.region}
              </strong>
              : {t.message}
            </li>
          ))}
        </ul>
      ) : (
        'No account or region could be read.'
      )}
    </WarningPanel>
  );
}
