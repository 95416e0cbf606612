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
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createConditionAuthorizer,
  createConditionTransformer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  ComplianceFindingsPage,
  ComplianceFindingsQuery,
  ComplianceFindingView,
  EntityComplianceResponse,
  getSageMakerStudioAnnotation,
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  sageMakerStudioComplianceReadPermission,
} from '@internal/plugin-sagemaker-studio-common';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { ComplianceFindingQuery } from './permissionRules';
import { ComplianceFilter } from './types';

/** The catalog module's Resource types (see its transformers). */
const TEAM_ENVIRONMENT_TYPE = 'sagemaker-studio-team-environment';
const USER_PROFILE_TYPE = 'sagemaker-studio-user-profile';

/** Open findings an entity page gets at most. */
const ENTITY_FINDINGS = 100;
/** Latest actions an entity page gets. */
const ENTITY_ACTIONS = 10;
const HISTORY_DAYS = 30;

function denied(): NotAllowedError {
  return new NotAllowedError(
    `You are not allowed to do this: permission ${sageMakerStudioComplianceReadPermission.name} was denied`,
  );
}

/** The team a Group stands for: its team annotation, else its name. */
function teamOfGroup(group: Entity): string {
  return (
    getSageMakerStudioAnnotation(group, SAGEMAKER_STUDIO_TEAM_ANNOTATION) ??
    group.metadata.name
  );
}

/**
 * Serves the compliance routes from the store: who may see what is decided
 * by the permission framework (`sagemaker-studio.compliance.read`); a
 * conditional decision (`HAS_TEAM`) becomes a filter of the store's SQL.
 */
export class ComplianceService {
  private readonly toQuery: (
    conditions: PermissionCriteria<PermissionCondition>,
  ) => PermissionCriteria<ComplianceFindingQuery>;
  private readonly allows: (
    decision: PolicyDecision,
    resource: ComplianceFindingView | undefined,
  ) => boolean;

  constructor(
    private readonly deps: {
      store: DatabaseComplianceStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      ruleset: PermissionRuleset<
        ComplianceFindingView,
        ComplianceFindingQuery,
        string
      >;
      now?: () => Date;
    },
  ) {
    this.toQuery = createConditionTransformer(deps.ruleset);
    this.allows = createConditionAuthorizer(deps.ruleset);
  }

  /** `GET /entity/:namespace/:kind/:name/compliance`. */
  async entityCompliance(options: {
    credentials: BackstageCredentials;
    entityRef: CompoundEntityRef;
  }): Promise<EntityComplianceResponse> {
    const { credentials } = options;
    const decision = await this.decide(credentials);
    if (decision.result === AuthorizeResult.DENY) throw denied();
    const entity = await this.deps.catalog.getEntityByRef(options.entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(options.entityRef)}`,
      );
    }
    let teams = await this.teamsOf(entity, credentials);
    const filter: ComplianceFilter = { teams };
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      const allowed = teams.filter(team =>
        this.allows(decision, { team } as ComplianceFindingView),
      );
      if (teams.length > 0 && allowed.length === 0) throw denied();
      teams = allowed;
      filter.teams = allowed;
      filter.access = this.toQuery(decision.conditions);
    }
    const now = this.now();
    const [summary, findings, recentActions, history] = await Promise.all([
      this.deps.store.summary(filter),
      this.deps.store.openFindings(filter, ENTITY_FINDINGS),
      this.deps.store.recentActions(filter, ENTITY_ACTIONS),
      this.deps.store.history(filter, { now, days: HISTORY_DAYS }),
    ]);
    return { teams, summary, findings, recentActions, history };
  }

  /** `GET /compliance/findings`: the estate, for those allowed outright. */
  async findings(options: {
    credentials: BackstageCredentials;
    query: ComplianceFindingsQuery;
  }): Promise<ComplianceFindingsPage> {
    const decision = await this.decide(options.credentials);
    if (decision.result !== AuthorizeResult.ALLOW) throw denied();
    const { cursor, limit, ...filters } = options.query;
    const filter: ComplianceFilter = filters;
    const [page, summary, history, facets] = await Promise.all([
      this.deps.store.listFindings(filter, { cursor, limit }),
      this.deps.store.summary(filter),
      this.deps.store.history(filter, { now: this.now(), days: HISTORY_DAYS }),
      this.deps.store.facets({}),
    ]);
    return { ...page, summary, history, facets };
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private async decide(
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: sageMakerStudioComplianceReadPermission }],
      { credentials },
    );
    return decision;
  }

  /**
   * The teams whose findings an entity shows: a Group's team; a team
   * environment Resource's team; for a User, the teams of their groups,
   * of the Studio user profiles they own, and their own team annotation.
   */
  private async teamsOf(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const annotated = getSageMakerStudioAnnotation(
      entity,
      SAGEMAKER_STUDIO_TEAM_ANNOTATION,
    );
    if (kind === 'group') return [teamOfGroup(entity)];
    if (kind === 'resource') {
      const type = (entity.spec as { type?: unknown } | undefined)?.type;
      return annotated &&
        (type === TEAM_ENVIRONMENT_TYPE || type === USER_PROFILE_TYPE)
        ? [annotated]
        : [];
    }
    if (kind !== 'user') return [];
    const teams = new Set<string>(annotated ? [annotated] : []);
    const groupRefs = (entity.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef);
    if (groupRefs.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: groupRefs },
        { credentials },
      );
      for (const group of items) if (group) teams.add(teamOfGroup(group));
    }
    const { items: profiles } = await this.deps.catalog.queryEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': USER_PROFILE_TYPE,
          'relations.ownedBy': stringifyEntityRef(entity),
        },
        limit: 100,
      },
      { credentials },
    );
    for (const profile of profiles) {
      const team = getSageMakerStudioAnnotation(
        profile,
        SAGEMAKER_STUDIO_TEAM_ANNOTATION,
      );
      if (team) teams.add(team);
    }
    return [...teams].sort();
  }
}
