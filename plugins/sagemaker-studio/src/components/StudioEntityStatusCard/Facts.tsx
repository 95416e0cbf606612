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

import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** One labelled value of a {@link Facts} table; left out when `hidden`. */
export interface Fact {
  label: string;
  value: ReactNode;
  hidden?: boolean;
}

/** Label and value rows, as on the catalog's About card. */
export function Facts(props: { label: string; facts: Fact[] }) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableBody>
        {props.facts
          .filter(f => !f.hidden)
          .map(f => (
            <TableRow key={f.label}>
              <TableCell
                component="th"
                scope="row"
                style={{ width: '35%', fontWeight: 'bold' }}
              >
                {f.label}
              </TableCell>
              <TableCell>{f.value}</TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
}

/** A heading inside a card, e.g. one domain or one profile of several. */
export function SectionTitle(props: { children: ReactNode }) {
  return (
    <Typography variant="h6" component="h3" gutterBottom>
      {props.children}
    </Typography>
  );
}

/** The card's empty state: what was looked for and not found. */
export function EmptyMessage(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}
