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

import Typography from '@material-ui/core/Typography';
import { SimpleTable } from './SimpleTable';

type Output = [key: string, value: string];

/** The stack outputs of a provisioned product. */
export function RequestOutputs(props: { outputs?: Record<string, string> }) {
  const rows: Output[] = Object.entries(props.outputs ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The product reported no outputs.
      </Typography>
    );
  }
  return (
    <SimpleTable<Output>
      label="Outputs"
      rowKey={([key]) => key}
      columns={[
        { title: 'Output', render: ([key]) => <code>{key}</code> },
        { title: 'Value', render: ([, value]) => value },
      ]}
      rows={rows}
    />
  );
}
