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
  SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
} from '@internal/plugin-sagemaker-studio-common';
import Grid from '@material-ui/core/Grid';
import {
  isEntityComplianceCardAvailable,
  isSageMakerStudioContentAvailable,
  isStudioDomainCardAvailable,
  isTeamEnvironmentCardAvailable,
  isUserProfileCardAvailable,
} from '../../filters';
import { useEntityStudioStatus } from '../../hooks/useEntityStudioStatus';
import { EntityComplianceCard } from '../EntityComplianceCard';
import {
  SourceErrorsPanel,
  StudioEntityStatusState,
} from '../StudioEntityStatusCard';
import { StudioDomainCardView } from '../StudioDomainCard';
import { TeamEnvironmentCardView } from '../TeamEnvironmentCard';
import { UserProfileCardView } from '../UserProfileCard';

function Cards(props: { entity: Entity }) {
  const { entity } = props;
  const state = useEntityStudioStatus(stringifyEntityRef(entity));
  const status = state.value;
  // The per-source errors are shown once above the cards, not in each.
  const cardState: StudioEntityStatusState = status
    ? { ...state, value: { ...status, errors: [] } }
    : state;
  const showDomain =
    isStudioDomainCardAvailable(entity) || Boolean(status?.domains.length);
  const showTeam =
    isTeamEnvironmentCardAvailable(entity) ||
    Boolean(status?.teamEnvironments.length);
  const showProfile =
    isUserProfileCardAvailable(entity) || Boolean(status?.userProfiles.length);
  return (
    <Grid container spacing={3} alignItems="stretch">
      {status && status.errors.length > 0 && (
        <Grid item xs={12}>
          <SourceErrorsPanel errors={status.errors} />
        </Grid>
      )}
      {showProfile && (
        <Grid item xs={12} md={6}>
          <UserProfileCardView state={cardState} entity={entity} />
        </Grid>
      )}
      {showTeam && (
        <Grid item xs={12} md={6}>
          <TeamEnvironmentCardView
            state={cardState}
            teamName={getSageMakerStudioAnnotation(
              entity,
              SAGEMAKER_STUDIO_TEAM_ANNOTATION,
            )}
          />
        </Grid>
      )}
      {showDomain && (
        <Grid item xs={12} md={6}>
          <StudioDomainCardView
            state={cardState}
            domainId={getSageMakerStudioAnnotation(
              entity,
              SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
            )}
          />
        </Grid>
      )}
      {isEntityComplianceCardAvailable(entity) && (
        <Grid item xs={12}>
          <EntityComplianceCard />
        </Grid>
      )}
    </Grid>
  );
}

/**
 * The "SageMaker Studio" entity tab: the user profile, team environment and
 * domain cards that apply to the entity, from one read of its status, and
 * the compliance card of its team.
 *
 * @public
 */
export function StudioEntityContent() {
  const { entity } = useEntity();
  if (!isSageMakerStudioContentAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          SAGEMAKER_STUDIO_DOMAIN_ID_ANNOTATION,
          SAGEMAKER_STUDIO_TEAM_ANNOTATION,
          SAGEMAKER_STUDIO_USER_PROFILE_ANNOTATION,
        ]}
      />
    );
  }
  return <Cards entity={entity} />;
}
