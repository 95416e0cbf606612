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

import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  ComplianceFindingState,
  ComplianceFindingView,
  ComplianceFindingsPage,
  sageMakerStudioEstateReadPermission,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import {
  ComplianceFindingsFilters,
  useComplianceFindingsPages,
} from '../../hooks/useComplianceFindingsPages';
import { ComplianceHistoryChart } from '../ComplianceHistoryChart';
import {
  ComplianceScore,
  SEVERITIES,
  SeverityChip,
  SeverityCounts,
  SweepFailures,
  SweepFreshness,
  actionLabel,
  formatUtc,
  kindLabel,
  severityLabel,
} from '../ComplianceSummary';
import { CursorPager } from '../CursorPager';
import { SimpleTable } from '../RequestDetails';
import { RequirePermission } from '../RequirePermission';
import { SweepNowButton } from './SweepNowButton';

/** How many findings one page of the table shows. */
export const COMPLIANCE_PAGE_SIZE = 25;

const STATES: ComplianceFindingState[] = ['OPEN', 'RESOLVED'];
const STATE_LABELS: Record<ComplianceFindingState, string> = {
  OPEN: 'Open',
  RESOLVED: 'Resolved',
};

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const { value } = props;
  // The chosen value stays selectable even when the facets no longer list it.
  const options =
    value && !props.options.some(o => o.value === value)
      ? [...props.options, { value, label: value }]
      : props.options;
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      variant="outlined"
      size="small"
      value={value ?? ''}
      onChange={e => props.onChange(e.target.value || undefined)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      style={{ minWidth: 160 }}
    >
      <option value="">{props.allLabel}</option>
      {options.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

const plain = (values: string[]) => values.map(v => ({ value: v, label: v }));

function Filters(props: {
  filters: ComplianceFindingsFilters;
  facets?: ComplianceFindingsPage['facets'];
  onChange: (filters: ComplianceFindingsFilters) => void;
}) {
  const { filters, facets, onChange } = props;
  const selects: Array<{
    key: keyof ComplianceFindingsFilters;
    id: string;
    label: string;
    allLabel: string;
    options: Array<{ value: string; label: string }>;
  }> = [
    {
      key: 'team',
      id: 'compliance-team',
      label: 'Team',
      allLabel: 'All teams',
      options: plain(facets?.teams ?? []),
    },
    {
      key: 'ruleId',
      id: 'compliance-rule',
      label: 'Rule',
      allLabel: 'All rules',
      options: plain(facets?.ruleIds ?? []),
    },
    {
      key: 'severity',
      id: 'compliance-severity',
      label: 'Severity',
      allLabel: 'All severities',
      options: SEVERITIES.map(s => ({ value: s, label: severityLabel(s) })),
    },
    {
      key: 'accountId',
      id: 'compliance-account',
      label: 'Account',
      allLabel: 'All accounts',
      options: plain(facets?.accounts ?? []),
    },
    {
      key: 'region',
      id: 'compliance-region',
      label: 'Region',
      allLabel: 'All regions',
      options: plain(facets?.regions ?? []),
    },
    {
      key: 'state',
      id: 'compliance-state',
      label: 'State',
      allLabel: 'Open and resolved',
      options: STATES.map(s => ({ value: s, label: STATE_LABELS[s] })),
    },
  ];
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 12 }}
      mb={2}
      role="group"
      aria-label="Filters"
    >
      {selects.map(select => (
        <FilterSelect
          key={select.key}
          id={select.id}
          label={select.label}
          allLabel={select.allLabel}
          value={filters[select.key]}
          options={select.options}
          onChange={value => onChange({ ...filters, [select.key]: value })}
        />
      ))}
    </Box>
  );
}

function Secondary(props: { children: string }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {props.children}
    </Typography>
  );
}

function FindingsTable(props: { items: ComplianceFindingView[] }) {
  return (
    <SimpleTable
      label="Findings"
      rows={props.items}
      rowKey={f => f.id}
      columns={[
        {
          title: 'Severity',
          render: f => <SeverityChip severity={f.severity} />,
        },
        {
          title: 'Rule',
          render: f => (
            <>
              <Typography variant="body2">{f.title}</Typography>
              <Secondary>{f.ruleId}</Secondary>
            </>
          ),
        },
        {
          title: 'Resource',
          render: f => (
            <>
              <Typography variant="body2">
                {kindLabel(f.resource.kind)} {f.resource.name}
              </Typography>
              {f.resource.status && <Secondary>{f.resource.status}</Secondary>}
            </>
          ),
        },
        { title: 'Team', render: f => f.team ?? '—' },
        { title: 'Where', render: f => `${f.accountId} / ${f.region}` },
        {
          title: 'Explanation and remediation',
          render: f => (
            <>
              <Typography variant="body2">{f.explanation}</Typography>
              <Secondary>{`Remediation: ${f.remediation}`}</Secondary>
            </>
          ),
        },
        {
          title: 'Action taken',
          render: f =>
            f.action
              ? `${actionLabel(f.action.taken)}${
                  f.action.at ? ` ${formatUtc(f.action.at)}` : ''
                }`
              : 'None yet',
        },
        {
          title: 'State',
          render: f =>
            f.state === 'RESOLVED' && f.resolvedAt
              ? `Resolved ${formatUtc(f.resolvedAt)}`
              : STATE_LABELS[f.state] ?? f.state,
        },
        { title: 'Last seen', render: f => formatUtc(f.lastSeenAt) },
      ]}
    />
  );
}

function isForbidden(error?: Error): boolean {
  return Boolean(error && ResponseError.is(error) && error.statusCode === 403);
}

function ComplianceEstate() {
  const [filters, setFilters] = useState<ComplianceFindingsFilters>({
    state: 'OPEN',
  });
  const pages = useComplianceFindingsPages(filters, COMPLIANCE_PAGE_SIZE);
  // Summary, chart and options follow the latest answer, so they stay on
  // screen while the next page or filter is read.
  const latest = pages.page ?? pages.lastPage;

  if (isForbidden(pages.error)) {
    return (
      <WarningPanel
        severity="warning"
        title="You don't have access"
        message="Only data-science admins see the compliance of the whole estate. Your team's compliance is on its page in the catalog."
        defaultExpanded
      />
    );
  }
  if (!latest) {
    return pages.error ? (
      <>
        <WarningPanel
          severity="error"
          title="Could not read the compliance findings"
          message="Something went wrong while reading them. Try again later."
          defaultExpanded
        />
        <Button size="small" onClick={pages.retry}>
          Retry
        </Button>
      </>
    ) : (
      <Progress />
    );
  }

  const { summary, history, facets } = latest;
  const swept = Boolean(summary.lastSweep);
  let table;
  if (!pages.page) {
    table = pages.error ? (
      <WarningPanel
        severity="error"
        title="Could not read this page of findings"
        message="Something went wrong while reading it. Try again later."
      />
    ) : (
      <Progress />
    );
  } else if (!swept) {
    table = (
      <EmptyState
        missing="data"
        title="Not swept yet"
        description="No compliance sweep has run, so there are no findings to show. The first scheduled sweep fills this page, or start one with Sweep now."
      />
    );
  } else if (pages.page.items.length === 0) {
    table = (
      <EmptyState
        missing="data"
        title={
          pages.pageNumber > 1
            ? 'Nothing is left on this page; go back to the previous page.'
            : 'No findings match these filters.'
        }
        description="Choose other filters to see other findings."
      />
    );
  } else {
    table = <FindingsTable items={pages.page.items} />;
  }

  return (
    <Grid container spacing={3}>
      {summary.lastSweep && (
        <Grid item xs={12}>
          <SweepFailures lastSweep={summary.lastSweep} />
        </Grid>
      )}
      <Grid item xs={12} md={4}>
        <InfoCard title="Summary">
          <ComplianceScore summary={summary} />
          <SweepFreshness lastSweep={summary.lastSweep} />
          <Box mt={2}>
            <SeverityCounts openBySeverity={summary.openBySeverity} />
          </Box>
          <SweepNowButton onStarted={pages.retry} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Open findings over time">
          <ComplianceHistoryChart history={history} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Findings">
          <Filters filters={filters} facets={facets} onChange={setFilters} />
          {table}
          <CursorPager pages={pages} disabled={!pages.page} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * Admins see the estate's compliance here: the score and open findings by
 * severity, a chart of open findings over time, and every finding, filtered
 * by team, rule, severity, account, region and state, one backend page at a
 * time.
 *
 * @public
 */
export function CompliancePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Studio compliance"
        subtitle="Findings of the detective control and the sweep, across every team, account and region"
      />
      <Content>
        <RequirePermission permission={sageMakerStudioEstateReadPermission}>
          <ComplianceEstate />
        </RequirePermission>
      </Content>
    </Page>
  );
}
