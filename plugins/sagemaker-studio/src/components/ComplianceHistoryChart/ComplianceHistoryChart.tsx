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

import { ComplianceHistoryPoint } from '@internal/plugin-sagemaker-studio-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SEVERITIES, severityColor, severityLabel } from '../ComplianceSummary';

/** The size drawn before the container is measured (and where it cannot be). */
const INITIAL_SIZE = { width: 720, height: 280 };

/**
 * Open findings per day, stacked by severity, from the sweep's daily
 * history (oldest first).
 */
export function ComplianceHistoryChart(props: {
  history: ComplianceHistoryPoint[];
}) {
  const theme = useTheme();
  const { history } = props;
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the sweep records one point a day.
      </Typography>
    );
  }
  const data = history.map(point => ({
    day: point.day,
    ...Object.fromEntries(
      SEVERITIES.map(s => [severityLabel(s), point.openBySeverity[s] ?? 0]),
    ),
  }));
  const first = history[0].day;
  const last = history[history.length - 1].day;
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Open findings per day by severity, ${first} to ${last}`}
    >
      <ResponsiveContainer
        width="100%"
        height={INITIAL_SIZE.height}
        initialDimension={INITIAL_SIZE}
      >
        <AreaChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          {/* Most severe first, as everywhere else (recharts sorts by name by default). */}
          <Legend
            itemSorter={item =>
              SEVERITIES.findIndex(s => severityLabel(s) === item.value)
            }
          />
          {[...SEVERITIES].reverse().map(severity => (
            <Area
              key={severity}
              type="monotone"
              dataKey={severityLabel(severity)}
              stackId="open"
              stroke={severityColor(theme, severity)}
              fill={severityColor(theme, severity)}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
