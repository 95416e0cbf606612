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

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  getSageMakerStudioAnnotation,
  isSageMakerStudioUserProfileAvailable,
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  StudioAppStatus,
  StudioUserProfileStatus,
} from '@internal/plugin-sagemaker-studio-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEntityStudioStatus } from '../../hooks/useEntityStudioStatus';
import {
  AwsConsoleLink,
  AwsConsoleLinks,
  domainConsoleUrl,
  roleConsoleUrl,
  roleName,
  securityGroupConsoleUrl,
  userProfileConsoleUrl,
} from '../AwsConsoleLink';
import { EntityRefText, SimpleTable } from '../RequestDetails';
import {
  EmptyMessage,
  Facts,
  SectionTitle,
  StudioEntityStatusCard,
  StudioEntityStatusState,
} from '../StudioEntityStatusCard';
import { StudioStatusChip } from '../StudioStatusChip';
import { OpenStudioButton } from './OpenStudioButton';

/**
 * The entity whose open-studio route opens this profile: the entity shown
 * when its annotations name exactly this profile (the profile's Resource, or
 * its User), else the profile's own Resource, which the catalog
 * module names `<profile>-user-profile`.
 */
function openStudioEntityRef(
  entity: Entity,
  profile: StudioUserProfileStatus,
): string {
  const namesProfile =
    getSageMakerStudioAnnotation(
      entity,
      SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
    ) === profile.userProfileName &&
    getSageMakerStudioAnnotation(
      entity,
      SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
    ) === profile.domainId;
  if (namesProfile) {
    return stringifyEntityRef(entity);
  }
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: `${profile.userProfileName}-user-profile`,
  });
}

function appsText(apps: StudioAppStatus[]) {
  if (apps.length === 0) return '—';
  return (
    <>
      {apps.map((app, index) => (
        <span key={`${app.appType}/${app.appName}`}>
          {index > 0 && ' '}
          {app.appType} <StudioStatusChip status={app.status} />
        </span>
      ))}
    </>
  );
}

function ProfileDetails(props: {
  profile: StudioUserProfileStatus;
  entity: Entity;
}) {
  const { profile: p, entity } = props;
  const at = { accountId: p.accountId, region: p.region };
  const privateApps = p.apps.filter(a => !a.spaceName);
  // The backend left out role, security groups, spaces and apps for someone
  // neither the owner, a teammate nor an admin.
  const summary = p.access === 'summary';
  const details = [
    {
      label: 'Execution role',
      value: p.executionRoleArn ? (
        <AwsConsoleLink
          href={roleConsoleUrl(p.region, p.executionRoleArn)}
          {...at}
        >
          {roleName(p.executionRoleArn)}
        </AwsConsoleLink>
      ) : (
        '—'
      ),
    },
    {
      label: 'Security groups',
      value: (
        <AwsConsoleLinks
          ids={p.securityGroupIds}
          url={securityGroupConsoleUrl}
          {...at}
        />
      ),
    },
  ];
  return (
    <Box mb={2}>
      <SectionTitle>
        {p.userProfileName} <StudioStatusChip status={p.status} />
      </SectionTitle>
      <OpenStudioButton
        entityRef={openStudioEntityRef(entity, p)}
        profile={p}
      />
      <Facts
        label={`User profile ${p.userProfileName}`}
        facts={[
          {
            label: 'Profile',
            value: (
              <AwsConsoleLink
                href={userProfileConsoleUrl(
                  p.region,
                  p.domainId,
                  p.userProfileName,
                )}
                {...at}
              >
                {p.userProfileName}
              </AwsConsoleLink>
            ),
          },
          {
            label: 'Owner',
            value: p.owner ? <EntityRefText entityRef={p.owner} /> : '—',
          },
          { label: 'Team', value: p.teamName ?? '—' },
          {
            label: 'Domain',
            value: (
              <AwsConsoleLink
                href={domainConsoleUrl(p.region, p.domainId)}
                {...at}
              >
                {p.domainId}
              </AwsConsoleLink>
            ),
          },
          { label: 'Account', value: p.accountId },
          { label: 'Region', value: p.region },
          ...(summary ? [] : details),
        ]}
      />
      {summary && (
        <Box mt={2}>
          <EmptyMessage>
            {p.teamName
              ? `Details are shown to its owner, members of ${p.teamName} and admins.`
              : 'Details are shown to its owner, their teammates and admins.'}
          </EmptyMessage>
        </Box>
      )}
      {!summary && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h4">
            Spaces
          </Typography>
          {p.spaces.length === 0 ? (
            <EmptyMessage>No space yet.</EmptyMessage>
          ) : (
            <SimpleTable
              label={`Spaces of ${p.userProfileName}`}
              rowKey={s => s.spaceName}
              rows={p.spaces}
              columns={[
                { title: 'Space', render: s => s.spaceName },
                {
                  title: 'Status',
                  render: s => <StudioStatusChip status={s.status} />,
                },
                { title: 'Apps', render: s => appsText(s.apps) },
              ]}
            />
          )}
        </Box>
      )}
      {!summary && privateApps.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h4">
            Apps
          </Typography>
          <SimpleTable
            label={`Apps of ${p.userProfileName}`}
            rowKey={a => `${a.appType}/${a.appName}`}
            rows={privateApps}
            columns={[
              { title: 'App', render: a => a.appName },
              { title: 'Type', render: a => a.appType },
              {
                title: 'Status',
                render: a => <StudioStatusChip status={a.status} />,
              },
            ]}
          />
        </Box>
      )}
    </Box>
  );
}

/**
 * The user profile card for a status already read (the entity tab reads
 * once for all its cards).
 */
export function UserProfileCardView(props: {
  state: StudioEntityStatusState;
  entity: Entity;
}) {
  const { entity } = props;
  const name = getSageMakerStudioAnnotation(
    entity,
    SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
  );
  return (
    <StudioEntityStatusCard title="Studio user profile" state={props.state}>
      {status =>
        status.userProfiles.length === 0 ? (
          <EmptyMessage>
            SageMaker reports no user profile{name ? ` ${name}` : ''} yet.
            Request one from the "SageMaker Studio user profile" template.
          </EmptyMessage>
        ) : (
          status.userProfiles.map(p => (
            <ProfileDetails
              key={`${p.domainId}/${p.userProfileName}`}
              profile={p}
              entity={entity}
            />
          ))
        )
      }
    </StudioEntityStatusCard>
  );
}

function FetchingUserProfileCard(props: { entity: Entity }) {
  const state = useEntityStudioStatus(stringifyEntityRef(props.entity));
  return <UserProfileCardView state={state} entity={props.entity} />;
}

/**
 * The Studio user profiles of a User, or of a
 * `sagemaker-studio-user-profile` Resource: status, execution role,
 * security groups, spaces and apps, and "Open Studio" for the owner; for
 * someone neither its owner, a member of its team nor an admin, the
 * backend's summary (owner, team, domain, status, account and region).
 *
 * @public
 */
export function UserProfileCard() {
  const { entity } = useEntity();
  if (!isSageMakerStudioUserProfileAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION}
      />
    );
  }
  return <FetchingUserProfileCard entity={entity} />;
}
