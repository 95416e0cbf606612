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

type Parameter = [key: string, value: string];

/** The parameters sent to Service Catalog, by name. */
export function ParametersTable(props: { parameters: Record<string, string> }) {
  const rows: Parameter[] = Object.entries(props.parameters ?? {}).sort(
    ([a], [b]) => a.localeCompare(b),
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No parameters.
      </Typography>
    );
  }
  return (
    <SimpleTable<Parameter>
      label="Parameters"
      rowKey={([key]) => key}
      columns={[
        { title: 'Parameter', render: ([key]) => <code>{key}</code> },
        { title: 'Value', render: ([, value]) => value },
      ]}
      rows={rows}
    />
  );
}
