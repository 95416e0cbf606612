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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { permissionRules as catalogPermissionRules } from '@backstage/plugin-catalog-backend/alpha';
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
  catalogPermissions,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PolicyDecision,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  ServerPermissionClient,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';
import {
  actionExecutePermission,
  scaffolderPermissions,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  sageMakerStudioComplianceReadPermission,
  sageMakerStudioEstateReadPermission,
  sageMakerStudioOpenPermission,
  sageMakerStudioPermissions,
  sageMakerStudioRequestCreatePermission,
  sageMakerStudioRequestReadPermission,
  sageMakerStudioRequestReviewPermission,
} from '@internal/plugin-sagemaker-studio-common';
import {
  catalogTeamsOfGroups,
  SageMakerStudioPortalPolicy,
} from './permissionPolicy';

const ADMINS = 'group:default/data-science-admins';
const policy = new SageMakerStudioPortalPolicy(ADMINS);

function person(ref: string, groups: string[]) {
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  };
}

// The kinds of identity in examples/org.yaml, plus a caller without a user.
const identities = {
  'a data scientist': person('user:default/dana-scientist', [
    'group:default/fraud-detection',
  ]),
  'a team lead': person('user:default/sam-lead', [
    'group:default/recommendations',
  ]),
  'an admin': person('user:default/ada-admin', [ADMINS]),
  'no user (a service or unauthenticated)': undefined,
};
type Identity = keyof typeof identities;

// What a non-admin gets where the answer depends on the resource.
type Expected =
  | 'ALLOW'
  | 'DENY'
  | 'OWN TASKS'
  | 'WITHOUT DOMAIN TEMPLATE'
  | 'WITHOUT DOMAIN REQUEST ACTION'
  | 'OWN TEAMS';

/** The teams of the people above, from their groups' names. */
const TEAMS: Record<string, string[]> = {
  'user:default/dana-scientist': ['fraud-detection'],
  'user:default/sam-lead': ['recommendations'],
};

function conditionalFor(
  expected: Expected,
  permission: Permission,
  userEntityRef: string,
): ConditionalPolicyDecision {
  switch (expected) {
    case 'OWN TASKS':
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: [userEntityRef] },
        },
      };
    case 'WITHOUT DOMAIN TEMPLATE':
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          not: {
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Template'] },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'name', value: 'sagemaker-studio-domain' },
              },
            ],
          },
        },
      };
    case 'OWN TEAMS':
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'sagemaker-studio',
        resourceType: 'sagemaker-studio-compliance-finding',
        conditions: {
          rule: 'HAS_TEAM',
          resourceType: 'sagemaker-studio-compliance-finding',
          params: { teams: TEAMS[userEntityRef] },
        },
      };
    case 'WITHOUT DOMAIN REQUEST ACTION':
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-action',
        conditions: {
          not: {
            rule: 'HAS_ACTION_ID',
            resourceType: 'scaffolder-action',
            params: { actionId: 'sagemaker-studio:domain:request' },
          },
        },
      };
    default:
      throw new Error(`${expected} for ${permission.name} is not conditional`);
  }
}

// Every permission our backend's plugins register or check, with the
// decision for a data scientist and a team lead. Admins are allowed
// everything; a caller without a user is denied everything.
const nonAdmin: Array<[Permission, Expected]> = [
  [catalogEntityReadPermission, 'WITHOUT DOMAIN TEMPLATE'],
  [catalogEntityCreatePermission, 'DENY'],
  [catalogEntityDeletePermission, 'DENY'],
  [catalogEntityRefreshPermission, 'ALLOW'],
  [catalogEntityValidatePermission, 'ALLOW'],
  [catalogLocationReadPermission, 'ALLOW'],
  [catalogLocationCreatePermission, 'DENY'],
  [catalogLocationDeletePermission, 'DENY'],
  [catalogLocationAnalyzePermission, 'DENY'],
  [catalogIngestionReadPermission, 'ALLOW'],
  [catalogIngestionManagePermission, 'DENY'],
  [templateParameterReadPermission, 'ALLOW'],
  [templateStepReadPermission, 'ALLOW'],
  [actionExecutePermission, 'WITHOUT DOMAIN REQUEST ACTION'],
  [taskCreatePermission, 'ALLOW'],
  [taskReadPermission, 'OWN TASKS'],
  [taskCancelPermission, 'OWN TASKS'],
  [templateDryRunPermission, 'DENY'],
  [templateManagementPermission, 'DENY'],
  [sageMakerStudioRequestCreatePermission, 'ALLOW'],
  [sageMakerStudioRequestReadPermission, 'DENY'],
  [sageMakerStudioRequestReviewPermission, 'DENY'],
  [sageMakerStudioEstateReadPermission, 'DENY'],
  [sageMakerStudioComplianceReadPermission, 'OWN TEAMS'],
  [sageMakerStudioOpenPermission, 'ALLOW'],
];

const matrix = nonAdmin.flatMap(([permission, forNonAdmin]) =>
  (Object.keys(identities) as Identity[]).map(identity => {
    let expected: Expected = forNonAdmin;
    if (identity === 'an admin') {
      expected = 'ALLOW';
    } else if (identity === 'no user (a service or unauthenticated)') {
      expected = 'DENY';
    }
    return { name: permission.name, permission, identity, expected };
  }),
);

function expectedDecision(
  expected: Expected,
  permission: Permission,
  identity: Identity,
): PolicyDecision {
  if (expected === 'ALLOW' || expected === 'DENY') {
    return { result: AuthorizeResult[expected] };
  }
  return conditionalFor(
    expected,
    permission,
    identities[identity]!.info.userEntityRef,
  );
}

describe('SageMakerStudioPortalPolicy', () => {
  it('has a row for every permission of the catalog, the scaffolder and our plugin', () => {
    const inTable = nonAdmin.map(([permission]) => permission.name);
    expect(new Set(inTable).size).toBe(inTable.length);
    expect([...inTable].sort()).toEqual(
      [
        ...catalogPermissions,
        ...scaffolderPermissions,
        ...sageMakerStudioPermissions,
      ]
        .map(permission => permission.name)
        .sort(),
    );
  });

  it.each(matrix)(
    '$name for $identity: $expected',
    async ({ permission, identity, expected }) => {
      expect(await policy.handle({ permission }, identities[identity])).toEqual(
        expectedDecision(expected, permission, identity),
      );
    },
  );

  it('counts Grace as an admin too: membership of the configured group is what matters', async () => {
    const grace = person('user:default/grace-admin', [ADMINS]);
    expect(
      await policy.handle({ permission: catalogEntityDeletePermission }, grace),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    const elsewhere = new SageMakerStudioPortalPolicy('group:default/other');
    expect(
      await elsewhere.handle(
        { permission: catalogEntityDeletePermission },
        grace,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies a permission it does not know to non-admins, and allows it to admins', async () => {
    const unknown = createPermission({
      name: 'someplugin.thing.delete',
      attributes: { action: 'delete' },
    });
    expect(
      await policy.handle(
        { permission: unknown },
        identities['a data scientist'],
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      await policy.handle({ permission: unknown }, identities['an admin']),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  describe('compliance findings of their own teams', () => {
    const catalog = (groups: Record<string, string | undefined>) => ({
      getEntitiesByRefs: jest.fn(async ({ entityRefs }: any) => ({
        items: entityRefs.map((ref: string) =>
          ref in groups
            ? {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: {
                  name: ref.split('/')[1],
                  annotations: groups[ref]
                    ? { 'sagemaker-studio.aws/team': groups[ref]! }
                    : {},
                },
              }
            : undefined,
        ),
      })),
    });
    const auth = {
      getOwnServiceCredentials: async () =>
        mockCredentials.service('plugin:permission'),
    };
    const logger = { warn: jest.fn() };

    it("names a group's team annotation as well as its name", async () => {
      const teamsOf = catalogTeamsOfGroups({
        catalog: catalog({ 'group:default/ml-platform': 'fraud-detection' }),
        auth,
        logger,
      });
      const withCatalog = new SageMakerStudioPortalPolicy(ADMINS, teamsOf);
      const decision = await withCatalog.handle(
        { permission: sageMakerStudioComplianceReadPermission },
        person('user:default/lee', ['group:default/ml-platform']),
      );
      expect(decision).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        conditions: { params: { teams: ['fraud-detection', 'ml-platform'] } },
      });
    });

    it('reads the catalog once a minute per set of groups, and falls back to names when it fails', async () => {
      let now = 0;
      const source = catalog({ 'group:default/a': 'team-a' });
      const teamsOf = catalogTeamsOfGroups({
        catalog: source,
        auth,
        logger,
        now: () => now,
      });
      expect(await teamsOf(['group:default/a'])).toEqual(['a', 'team-a']);
      expect(await teamsOf(['group:default/a'])).toEqual(['a', 'team-a']);
      expect(source.getEntitiesByRefs).toHaveBeenCalledTimes(1);
      now = 60_001;
      source.getEntitiesByRefs.mockRejectedValueOnce(new Error('down'));
      expect(await teamsOf(['group:default/a'])).toEqual(['a']);
      expect(logger.warn).toHaveBeenCalled();
    });

    it('gives someone in no group a condition that matches nothing', async () => {
      expect(
        await policy.handle(
          { permission: sageMakerStudioComplianceReadPermission },
          person('user:default/loner', []),
        ),
      ).toMatchObject({ conditions: { params: { teams: [] } } });
    });
  });

  describe('the catalog condition', () => {
    const canRead = createConditionAuthorizer(
      Object.values(catalogPermissionRules),
    );
    const template = (name: string): Entity => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name, namespace: 'default' },
      spec: { type: 'sagemaker-studio' },
    });

    it('hides the Studio domain template from a data scientist and shows the other templates and the org', async () => {
      const decision = await policy.handle(
        { permission: catalogEntityReadPermission },
        identities['a data scientist'],
      );
      expect(canRead(decision, template('sagemaker-studio-domain'))).toBe(
        false,
      );
      expect(canRead(decision, template('sagemaker-studio-user-profile'))).toBe(
        true,
      );
      expect(
        canRead(decision, {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'sagemaker-studio-domain' },
        }),
      ).toBe(true);
    });
  });

  describe('service principals', () => {
    // They never reach the policy: the permissions service decides for them
    // from the access restrictions of their token.
    const client = ServerPermissionClient.fromConfig(
      new ConfigReader({ permission: { enabled: true } }),
      { auth: mockServices.auth(), discovery: mockServices.discovery() },
    );

    it('allows another plugin everything', async () => {
      expect(
        await client.authorize(
          [{ permission: catalogLocationCreatePermission }],
          {
            credentials: mockCredentials.service('plugin:scaffolder'),
          },
        ),
      ).toEqual([{ result: AuthorizeResult.ALLOW }]);
    });

    it('limits the production static token to reading, as app-config.production.yaml restricts it', async () => {
      const credentials = mockCredentials.service('external:automation', {
        permissionAttributes: { action: ['read'] },
      });
      expect(
        await client.authorize(
          [
            { permission: catalogLocationReadPermission },
            { permission: catalogLocationCreatePermission },
            { permission: catalogEntityValidatePermission },
          ],
          { credentials },
        ),
      ).toEqual([
        { result: AuthorizeResult.ALLOW },
        { result: AuthorizeResult.DENY },
        { result: AuthorizeResult.DENY },
      ]);
    });
  });
});
