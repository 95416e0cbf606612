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

import { ComplianceSummary } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** The score in large type, and what it is a share of. */
export function ComplianceScore(props: { summary: ComplianceSummary }) {
  const { score, evaluatedResources, lastSweep } = props.summary;
  return (
    <Box display="flex" alignItems="baseline" style={{ gap: 12 }}>
      <Typography variant="h3" component="p" aria-label="Compliance score">
        {score === null ? '—' : `${score}%`}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {score === null && !lastSweep && 'No resource evaluated yet.'}
        {score === null &&
          lastSweep &&
          // Finished jobs and deleted resources are not evaluated: their
          // findings show as resolved, and nothing is left to score.
          'No running or active resource to evaluate in the last sweep.'}
        {score !== null &&
          `of ${evaluatedResources} evaluated ${
            evaluatedResources === 1 ? 'resource has' : 'resources have'
          } no open finding`}
      </Typography>
    </Box>
  );
}
