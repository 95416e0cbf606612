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

import { ComplianceSeverity } from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { useTheme } from '@material-ui/core/styles';
import { SEVERITIES, severityColor, severityLabel } from './labels';

/** A finding's severity, coloured. */
export function SeverityChip(props: {
  severity: ComplianceSeverity;
  /** Shown after the label, e.g. a count. */
  count?: number;
}) {
  const theme = useTheme();
  const color = severityColor(theme, props.severity);
  const muted = props.count === 0;
  const label =
    props.count === undefined
      ? severityLabel(props.severity)
      : `${severityLabel(props.severity)}: ${props.count}`;
  return (
    <Chip
      size="small"
      label={label}
      variant={muted ? 'outlined' : 'default'}
      style={
        muted
          ? undefined
          : {
              backgroundColor: color,
              color: theme.palette.getContrastText(color),
            }
      }
    />
  );
}

/** Open findings per severity, most severe first, one chip each. */
export function SeverityCounts(props: {
  openBySeverity: Record<ComplianceSeverity, number>;
}) {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      component="ul"
      aria-label="Open findings by severity"
      p={0}
      m={0}
    >
      {SEVERITIES.map(severity => (
        <li key={severity} style={{ listStyle: 'none' }}>
          <SeverityChip
            severity={severity}
            count={props.openBySeverity[severity] ?? 0}
          />
        </li>
      ))}
    </Box>
  );
}
