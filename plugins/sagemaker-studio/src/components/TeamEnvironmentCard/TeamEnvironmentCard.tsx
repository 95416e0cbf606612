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
import { Link } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  getSageMakerStudioAnnotation,
  isSageMakerStudioTeamAvailable,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  StudioTeamEnvironmentStatus,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { useEntityStudioStatus } from '../../hooks/useEntityStudioStatus';
import {
  AwsConsoleLink,
  bucketConsoleUrl,
  kmsKeyConsoleUrl,
  provisionedProductConsoleUrl,
  roleConsoleUrl,
  roleName,
  securityGroupConsoleUrl,
  userProfileConsoleUrl,
} from '../AwsConsoleLink';
import { EntityRefText, SimpleTable } from '../RequestDetails';
import {
  EmptyMessage,
  Fact,
  Facts,
  SectionTitle,
  StudioEntityStatusCard,
  StudioEntityStatusState,
} from '../StudioEntityStatusCard';
import { StudioStatusChip } from '../StudioStatusChip';

type Env = StudioTeamEnvironmentStatus;

/**
 * The outputs of the team environment template, with how to show each; any
 * other output is listed as plain text after them.
 */
const KNOWN_OUTPUTS: Array<{
  key: string;
  label: string;
  url?: (region: string, value: string) => string;
  text?: (value: string) => string;
  /** Left out when this other output is there (same thing, better form). */
  unlessOutput?: string;
}> = [
  { key: 'DataBucketName', label: 'Data bucket', url: bucketConsoleUrl },
  { key: 'ModelBucketName', label: 'Model bucket', url: bucketConsoleUrl },
  { key: 'TeamKmsKeyArn', label: 'KMS key', url: kmsKeyConsoleUrl },
  {
    key: 'TeamKmsKeyId',
    label: 'KMS key',
    url: kmsKeyConsoleUrl,
    unlessOutput: 'TeamKmsKeyArn',
  },
  {
    key: 'TeamAdminRoleArn',
    label: 'Team admin role',
    url: roleConsoleUrl,
    text: roleName,
  },
  {
    key: 'TeamUserRoleArn',
    label: 'Team user role',
    url: roleConsoleUrl,
    text: roleName,
  },
  {
    key: 'TeamSecurityGroupId',
    label: 'Security group',
    url: securityGroupConsoleUrl,
  },
  { key: 'SsmParameterPrefix', label: 'Parameter prefix (SSM)' },
  {
    key: 'TeamResourceGroupArn',
    label: 'Resource group',
    text: value => value.split(':group/').pop() ?? value,
  },
];

/** Outputs that are links, shown with a label of their own. */
const LINK_OUTPUTS: Record<string, string> = {
  AssumeTeamAdminRoleUrl: 'Switch to the team admin role',
};

function outputFacts(env: Env): Fact[] {
  const at = { accountId: env.accountId, region: env.region };
  const known = new Set(KNOWN_OUTPUTS.map(o => o.key));
  const facts: Fact[] = KNOWN_OUTPUTS.filter(
    o => env.outputs[o.key] && !(o.unlessOutput && env.outputs[o.unlessOutput]),
  ).map(o => {
    const value = env.outputs[o.key];
    const text = o.text ? o.text(value) : value;
    return {
      label: o.label,
      value: o.url ? (
        <AwsConsoleLink href={o.url(env.region, value)} {...at}>
          {text}
        </AwsConsoleLink>
      ) : (
        text
      ),
    };
  });
  for (const [key, value] of Object.entries(env.outputs)) {
    if (known.has(key)) continue;
    let shown: ReactNode = value;
    let label = key;
    if (/^https:\/\//.test(value)) {
      shown = <Link to={value}>{LINK_OUTPUTS[key] ?? key}</Link>;
      label = LINK_OUTPUTS[key] ? 'Console' : key;
    }
    facts.push({ label, value: shown });
  }
  return facts;
}

function EnvironmentDetails(props: { env: Env }) {
  const { env } = props;
  const at = { accountId: env.accountId, region: env.region };
  const product = [env.productName, env.version].filter(Boolean).join(' ');
  // The backend left out outputs, stack and members for someone outside the team.
  const summary = env.access === 'summary';
  return (
    <Box mb={2}>
      <SectionTitle>
        {env.teamName}
        {env.envType ? ` (${env.envType})` : ''}{' '}
        <StudioStatusChip status={env.status} />
      </SectionTitle>
      <Facts
        label={`Team environment ${env.provisionedProductName}`}
        facts={[
          {
            label: 'Provisioned product',
            value: (
              <AwsConsoleLink
                href={provisionedProductConsoleUrl(
                  env.region,
                  env.provisionedProductId,
                )}
                {...at}
              >
                {env.provisionedProductName}
              </AwsConsoleLink>
            ),
          },
          { label: 'Product', value: product || '—' },
          ...(summary
            ? []
            : [
                {
                  label: 'Stack status',
                  value: env.stackStatus ? (
                    <StudioStatusChip status={env.stackStatus} />
                  ) : (
                    '—'
                  ),
                },
              ]),
          { label: 'Account', value: env.accountId },
          { label: 'Region', value: env.region },
          ...(summary ? [] : outputFacts(env)),
        ]}
      />
      {summary ? (
        <Box mt={2}>
          <EmptyMessage>
            Details are shown to members of {env.teamName || 'the team'} and
            admins.
          </EmptyMessage>
        </Box>
      ) : (
        <EnvironmentMembers env={env} />
      )}
    </Box>
  );
}

function EnvironmentMembers(props: { env: Env }) {
  const { env } = props;
  const at = { accountId: env.accountId, region: env.region };
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h4">
        Members
      </Typography>
      {env.members.length === 0 ? (
        <EmptyMessage>No member has a Studio user profile yet.</EmptyMessage>
      ) : (
        <SimpleTable
          label={`Members of ${env.teamName}`}
          rowKey={m => `${m.domainId}/${m.userProfileName}`}
          rows={env.members}
          columns={[
            {
              title: 'Person',
              render: m =>
                m.owner ? <EntityRefText entityRef={m.owner} /> : '—',
            },
            {
              title: 'Profile',
              render: m => (
                <AwsConsoleLink
                  href={userProfileConsoleUrl(
                    env.region,
                    m.domainId,
                    m.userProfileName,
                  )}
                  {...at}
                >
                  {m.userProfileName}
                </AwsConsoleLink>
              ),
            },
            {
              title: 'Status',
              render: m => <StudioStatusChip status={m.status} />,
            },
          ]}
        />
      )}
    </Box>
  );
}

/**
 * The team environment card for a status already read (the entity tab
 * reads once for all its cards).
 */
export function TeamEnvironmentCardView(props: {
  state: StudioEntityStatusState;
  teamName?: string;
}) {
  return (
    <StudioEntityStatusCard title="Team environment" state={props.state}>
      {status =>
        status.teamEnvironments.length === 0 ? (
          <EmptyMessage>
            {props.teamName ? `Team ${props.teamName} has` : 'There is'} no team
            environment yet. Request one from the "SageMaker Studio team
            environment" template.
          </EmptyMessage>
        ) : (
          status.teamEnvironments.map(env => (
            <EnvironmentDetails key={env.provisionedProductId} env={env} />
          ))
        )
      }
    </StudioEntityStatusCard>
  );
}

function FetchingTeamEnvironmentCard(props: {
  entityRef: string;
  teamName?: string;
}) {
  const state = useEntityStudioStatus(props.entityRef);
  return <TeamEnvironmentCardView state={state} teamName={props.teamName} />;
}

/**
 * The team environment of a Group with the team annotation, or of a
 * `sagemaker-studio-team-environment` Resource: product and version, stack
 * status, outputs with links to the AWS console, and the members' profiles;
 * for someone neither a member of the team nor an admin, the backend's
 * summary (product, version, status, account and region) and who sees more.
 *
 * @public
 */
export function TeamEnvironmentCard() {
  const { entity } = useEntity();
  if (!isSageMakerStudioTeamAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={SAGEMAKER_STUDIO_TEAM_ANNOTATION}
      />
    );
  }
  return (
    <FetchingTeamEnvironmentCard
      entityRef={stringifyEntityRef(entity)}
      teamName={getSageMakerStudioAnnotation(
        entity,
        SAGEMAKER_STUDIO_TEAM_ANNOTATION,
      )}
    />
  );
}
