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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  createSageMakerStudioComplianceConditionalDecision,
  sageMakerStudioComplianceConditions,
} from '@internal/plugin-sagemaker-studio-backend';
import {
  SAGEMAKER_STUDIO_TEAM_ANNOTATION,
  sageMakerStudioAdminPermissions,
  sageMakerStudioComplianceReadPermission,
  sageMakerStudioRequestReadPermission,
} from '@internal/plugin-sagemaker-studio-common';
import { readSageMakerStudioConfig } from '@internal/plugin-sagemaker-studio-node';

/**
 * `metadata.name` of the software template that onboards a Studio domain.
 * Only admins see it in the catalog (and so can run it).
 */
export const STUDIO_DOMAIN_TEMPLATE_NAME = 'sagemaker-studio-domain';

/** The scaffolder action of our module that requests a Studio domain. */
export const STUDIO_DOMAIN_REQUEST_ACTION = 'sagemaker-studio:domain:request';

/**
 * Permissions of other plugins that everyone signed in holds outright.
 * Anything of another plugin that is neither here nor handled below is
 * denied to non-admins, so a permission added by an upgrade is closed until
 * someone decides about it (the policy test lists every one we know).
 */
const OPEN_TO_SIGNED_IN: Permission[] = [
  // Reading locations and asking for a refresh do not change what is in the catalog.
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogLocationReadPermission,
  catalogIngestionReadPermission,
  // Running templates; which templates and actions is decided below.
  taskCreatePermission,
  templateParameterReadPermission,
  templateStepReadPermission,
];

/** Permissions of other plugins that only admins hold. */
const ADMINS_ONLY: Permission[] = [
  // What is in the catalog: registering, analysing and removing locations and entities.
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationAnalyzePermission,
  catalogIngestionManagePermission,
  // The template editor runs arbitrary inline templates.
  templateDryRunPermission,
  templateManagementPermission,
];

/**
 * The teams that a person's groups stand for. Given the group refs among
 * the person's ownership refs.
 */
export type TeamsOfGroups = (groupRefs: string[]) => Promise<string[]>;

/** A Group's name is its team (without the catalog, the only thing known). */
export const teamsByGroupName: TeamsOfGroups = async groupRefs =>
  groupRefs.map(ref => parseEntityRef(ref).name);

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

function isOneOf(permission: Permission, list: Permission[]): boolean {
  return list.some(candidate => isPermission(permission, candidate));
}

/**
 * The portal's permission policy, the one place where permissions are
 * decided:
 *
 * - Members of the admin group (`sageMakerStudio.adminGroup`) hold every
 *   permission. Four-eyes on reviews is enforced by the sagemaker-studio
 *   backend plugin itself, not here.
 * - Everyone else signed in: our admin permissions and other people's
 *   requests are denied; compliance findings only of their teams (a
 *   conditional `HAS_TEAM` decision; a Group is the team of its name, or of
 *   its `sagemaker-studio.aws/team` annotation); scaffolder tasks (read, log, cancel) only their own;
 *   the catalog without the Studio domain template, and no template may run
 *   the domain request action for them; no changes to the catalog's
 *   contents and no template editor.
 * - No user (an unauthenticated caller): denied. Service principals (other
 *   plugins, static external-access tokens) never reach the policy: the
 *   permissions service decides for them from their access restrictions.
 */
export class SageMakerStudioPortalPolicy implements PermissionPolicy {
  constructor(
    private readonly adminGroup: string,
    private readonly teamsOf: TeamsOfGroups = teamsByGroupName,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return DENY;
    }
    if (user.info.ownershipEntityRefs.includes(this.adminGroup)) {
      return ALLOW;
    }
    if (
      isPermission(request.permission, sageMakerStudioComplianceReadPermission)
    ) {
      const groups = user.info.ownershipEntityRefs.filter(ref =>
        ref.toLocaleLowerCase('en-US').startsWith('group:'),
      );
      const teams = [...new Set(await this.teamsOf(groups))].sort();
      return createSageMakerStudioComplianceConditionalDecision(
        request.permission,
        sageMakerStudioComplianceConditions.hasTeam({ teams }),
      );
    }
    return this.decideForNonAdmin(request.permission, user);
  }

  private decideForNonAdmin(
    permission: Permission,
    user: PolicyQueryUser,
  ): PolicyDecision {
    if (
      isPermission(permission, taskReadPermission) ||
      isPermission(permission, taskCancelPermission)
    ) {
      // Tasks carry the template's input values and their log.
      return createScaffolderTaskConditionalDecision(
        permission,
        scaffolderTaskConditions.isTaskOwner({
          createdBy: [user.info.userEntityRef],
        }),
      );
    }
    if (isPermission(permission, catalogEntityReadPermission)) {
      // Hidden from the catalog means the scaffolder cannot find it either:
      // it reads templates with the caller's credentials.
      return createCatalogConditionalDecision(permission, {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Template'] }),
            catalogConditions.hasMetadata({
              key: 'name',
              value: STUDIO_DOMAIN_TEMPLATE_NAME,
            }),
          ],
        },
      });
    }
    if (isPermission(permission, actionExecutePermission)) {
      // Second lock for the template above: whatever template runs it, the
      // domain request action does not run for a non-admin.
      return createScaffolderActionConditionalDecision(permission, {
        not: scaffolderActionConditions.hasActionId({
          actionId: STUDIO_DOMAIN_REQUEST_ACTION,
        }),
      });
    }
    if (permission.name.startsWith('sagemaker-studio.')) {
      // The plugin asks for request.read only about someone else's request.
      const adminOnly =
        isPermission(permission, sageMakerStudioRequestReadPermission) ||
        isOneOf(permission, sageMakerStudioAdminPermissions);
      return adminOnly ? DENY : ALLOW;
    }
    if (isOneOf(permission, ADMINS_ONLY)) {
      return DENY;
    }
    return isOneOf(permission, OPEN_TO_SIGNED_IN) ? ALLOW : DENY;
  }
}

/** How long the teams of a set of groups are kept. */
const TEAMS_TTL_MS = 60_000;

/**
 * Teams of groups from the catalog (read with the permission plugin's own
 * credentials, so no permission check comes back here): each group's name
 * and its team annotation, kept for a minute. When the catalog cannot be
 * read, the names alone.
 */
export function catalogTeamsOfGroups(deps: {
  catalog: Pick<typeof catalogServiceRef.T, 'getEntitiesByRefs'>;
  auth: Pick<typeof coreServices.auth.T, 'getOwnServiceCredentials'>;
  logger: Pick<typeof coreServices.logger.T, 'warn'>;
  now?: () => number;
}): TeamsOfGroups {
  const cache = new Map<string, { at: number; teams: string[] }>();
  const now = deps.now ?? Date.now;
  return async groupRefs => {
    const names = await teamsByGroupName(groupRefs);
    if (groupRefs.length === 0) return names;
    const key = [...groupRefs].sort().join(',');
    const cached = cache.get(key);
    if (cached && now() - cached.at < TEAMS_TTL_MS) return cached.teams;
    try {
      const { items } = await deps.catalog.getEntitiesByRefs(
        { entityRefs: groupRefs, fields: ['metadata.annotations'] },
        { credentials: await deps.auth.getOwnServiceCredentials() },
      );
      const annotated = items
        .map(group =>
          group?.metadata.annotations?.[
            SAGEMAKER_STUDIO_TEAM_ANNOTATION
          ]?.trim(),
        )
        .filter((team): team is string => Boolean(team));
      const teams = [...new Set([...names, ...annotated])].sort();
      cache.set(key, { at: now(), teams });
      return teams;
    } catch (error) {
      deps.logger.warn(
        `Teams of groups read from their names only: the catalog could not be read (${error})`,
      );
      return names;
    }
  };
}

export const permissionModuleSageMakerStudioPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'sagemaker-studio-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ policy, config, catalog, auth, logger }) {
        policy.setPolicy(
          new SageMakerStudioPortalPolicy(
            readSageMakerStudioConfig(config).adminGroup,
            catalogTeamsOfGroups({ catalog, auth, logger }),
          ),
        );
      },
    });
  },
});
