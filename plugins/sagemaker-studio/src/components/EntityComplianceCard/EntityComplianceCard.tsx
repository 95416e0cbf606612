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

import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ComplianceActionTaken,
  ComplianceFindingView,
  EntityComplianceResponse,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { isEntityComplianceCardAvailable } from '../../filters';
import { useComplianceOfEntity } from '../../hooks/useComplianceOfEntity';
import {
  ComplianceScore,
  SeverityChip,
  SeverityCounts,
  SweepFailures,
  SweepFreshness,
  actionLabel,
  formatUtc,
  kindLabel,
} from '../ComplianceSummary';

/** How many open findings the card lists; the rest are counted. */
export const CARD_FINDINGS_LIMIT = 10;
/** How many resources the detective control acted on the card lists (one line each). */
export const CARD_ACTIONS_LIMIT = 5;

/** The state of a compliance read, as `useComplianceOfEntity` returns it. */
export interface EntityComplianceState {
  loading: boolean;
  error?: Error;
  value?: EntityComplianceResponse;
  retry?: () => void;
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function Muted(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

function resourceLine(finding: ComplianceFindingView): string {
  const { resource, accountId, region } = finding;
  return [
    `${kindLabel(resource.kind)} ${resource.name}`,
    `${accountId} / ${region}`,
    resource.status,
  ]
    .filter(Boolean)
    .join(' · ');
}

function actionText(finding: ComplianceFindingView): string {
  if (!finding.action) return 'None yet';
  const at = finding.action.at ? ` ${formatUtc(finding.action.at)}` : '';
  return `${actionLabel(finding.action.taken)}${at}`;
}

function FindingItem(props: { finding: ComplianceFindingView }) {
  const { finding } = props;
  return (
    <Box component="li" mb={2} style={{ listStyle: 'none' }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <SeverityChip severity={finding.severity} />
        <Typography variant="subtitle2" component="span">
          {finding.title}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {finding.ruleId}
        </Typography>
      </Box>
      <Typography variant="body2">{resourceLine(finding)}</Typography>
      <Typography variant="body2">{finding.explanation}</Typography>
      <Typography variant="body2">
        <strong>Remediation:</strong> {finding.remediation}
      </Typography>
      <Typography variant="body2">
        <strong>Action taken:</strong> {actionText(finding)}
      </Typography>
    </Box>
  );
}

/** What the detective control did to one resource, over every rule it broke. */
export interface ResourceAction {
  key: string;
  resource: ComplianceFindingView['resource'];
  /** The strongest action taken: deleted, else stopped, else reported. */
  taken: ComplianceActionTaken;
  /** The latest time of those actions, when known. */
  at?: string;
  /** The titles of the rules it broke, newest action first, each once. */
  rules: string[];
}

const ACTION_STRENGTH: Record<ComplianceActionTaken, number> = {
  deleted: 3,
  stopped: 2,
  reported: 1,
};

/**
 * The latest actions (newest first, one finding per rule) as one entry per
 * resource, in the order of each resource's newest action.
 */
export function groupActionsByResource(
  findings: readonly ComplianceFindingView[],
): ResourceAction[] {
  const byResource = new Map<string, ResourceAction>();
  for (const finding of findings) {
    const key = [
      finding.accountId,
      finding.region,
      (
        finding.resource.arn ??
        `${finding.resource.kind}/${finding.resource.name}`
      ).toLowerCase(),
    ].join('\n');
    const taken = finding.action?.taken ?? 'reported';
    const at = finding.action?.at;
    const entry = byResource.get(key);
    if (!entry) {
      byResource.set(key, {
        key,
        resource: finding.resource,
        taken,
        ...(at ? { at } : {}),
        rules: [finding.title],
      });
      continue;
    }
    if (ACTION_STRENGTH[taken] > ACTION_STRENGTH[entry.taken]) {
      entry.taken = taken;
    }
    if (at && (!entry.at || at > entry.at)) entry.at = at;
    if (!entry.rules.includes(finding.title)) entry.rules.push(finding.title);
  }
  return [...byResource.values()];
}

function ActionItem(props: { action: ResourceAction }) {
  const { resource, taken, at, rules } = props.action;
  return (
    <li>
      <Typography variant="body2">
        <strong>
          {actionLabel(taken)} {kindLabel(resource.kind)} {resource.name}
        </strong>{' '}
        (broke {rules.join('; ')}){at ? `, ${formatUtc(at)}` : ''}
      </Typography>
    </li>
  );
}

function ComplianceDetails(props: { compliance: EntityComplianceResponse }) {
  const { summary, findings, recentActions, teams } = props.compliance;
  if (!summary.lastSweep) {
    return (
      <Muted>
        Not swept yet: no compliance sweep has run, so there is nothing to show.
        The first scheduled sweep fills this card.
      </Muted>
    );
  }
  const shown = findings.slice(0, CARD_FINDINGS_LIMIT);
  return (
    <>
      <SweepFailures lastSweep={summary.lastSweep} />
      <Box mt={1}>
        <ComplianceScore summary={summary} />
        <SweepFreshness lastSweep={summary.lastSweep} />
        {teams.length > 0 && (
          <Muted>
            Counts the resources of team{teams.length > 1 ? 's' : ''}{' '}
            {teams.join(', ')}.
          </Muted>
        )}
      </Box>
      <Section title="Open findings by severity">
        <SeverityCounts openBySeverity={summary.openBySeverity} />
      </Section>
      <Section title="Open findings">
        {findings.length === 0 ? (
          <Muted>No open findings.</Muted>
        ) : (
          <>
            <Box component="ul" p={0} m={0} aria-label="Open findings">
              {shown.map(finding => (
                <FindingItem key={finding.id} finding={finding} />
              ))}
            </Box>
            {findings.length > shown.length && (
              <Muted>
                Showing the {shown.length} most severe of {findings.length} open
                findings.
              </Muted>
            )}
          </>
        )}
      </Section>
      <Section title="Latest actions of the detective control">
        {recentActions.length === 0 ? (
          <Muted>The detective control has taken no action yet.</Muted>
        ) : (
          <ul aria-label="Latest actions" style={{ margin: 0 }}>
            {groupActionsByResource(recentActions)
              .slice(0, CARD_ACTIONS_LIMIT)
              .map(action => (
                <ActionItem key={action.key} action={action} />
              ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function isForbidden(error: Error): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}

/**
 * The compliance card for a read already made: progress while loading, "no
 * access" for a 403, a fixed message for any other failure (the backend's
 * text stays in the logs), and the figures once read.
 */
export function EntityComplianceCardView(props: {
  state: EntityComplianceState;
}) {
  const { state } = props;
  let body: ReactNode;
  if (state.loading) {
    body = <Progress />;
  } else if (state.error && isForbidden(state.error)) {
    body = (
      <WarningPanel
        severity="warning"
        title="You don't have access"
        message="You may see the compliance of your own team only."
        defaultExpanded
      />
    );
  } else if (state.error) {
    body = (
      <>
        <WarningPanel
          severity="error"
          title="Could not read the compliance figures"
          message="Something went wrong while reading them. Try again later."
          defaultExpanded
        />
        {state.retry && (
          <Button size="small" onClick={state.retry}>
            Retry
          </Button>
        )}
      </>
    );
  } else if (state.value) {
    body = <ComplianceDetails compliance={state.value} />;
  }
  return <InfoCard title="Compliance">{body}</InfoCard>;
}

function FetchingEntityComplianceCard(props: { entityRef: string }) {
  const state = useComplianceOfEntity(props.entityRef);
  return <EntityComplianceCardView state={state} />;
}

/**
 * The compliance of a team (its Group or team environment Resource) or of a
 * user: score, open findings by severity, each open finding with its
 * resource, rule, explanation, remediation and the action taken, the
 * detective control's latest actions, and how fresh the last sweep is.
 *
 * @public
 */
export function EntityComplianceCard() {
  const { entity } = useEntity();
  if (!isEntityComplianceCardAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={SAGEMAKER_STUDIO_TEAM_ANNOTATION}
      />
    );
  }
  return (
    <FetchingEntityComplianceCard entityRef={stringifyEntityRef(entity)} />
  );
}
