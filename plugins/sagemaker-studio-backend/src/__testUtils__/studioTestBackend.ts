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
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Sandbox } from '@internal/aws-sandbox';
import { Knex } from 'knex';
import request from 'supertest';
import { sageMakerStudioPlugin } from '../plugin';

/** The people of the tests, one per kind of identity. */
export const PEOPLE = {
  /** Data scientist in fraud-detection; owns her profile requests. */
  dana: 'user:default/dana-scientist',
  /** Another member of fraud-detection. */
  frank: 'user:default/frank-fraud',
  /** Team lead of recommendations (another team). */
  sam: 'user:default/sam-lead',
  /** Data-science admins. */
  ada: 'user:default/ada-admin',
  grace: 'user:default/grace-admin',
  /** A fraud-detection member whose name is as long as an entity name may be (63). */
  pat: `user:default/pat-${'l'.repeat(59)}`,
} as const;

export const ADMINS: string[] = [PEOPLE.ada, PEOPLE.grace];

function group(name: string, team?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      ...(team ? { annotations: { 'sagemaker-studio.aws/team': team } } : {}),
    },
    spec: { type: 'team', children: [] },
  };
}

function user(
  ref: string,
  groups: string[],
  extra: { profile?: string; email?: string } = {},
): Entity {
  const name = ref.split('/')[1];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(extra.profile
        ? {
            annotations: { 'sagemaker-studio.aws/user-profile': extra.profile },
          }
        : {}),
    },
    spec: {
      profile: { email: extra.email ?? `${name}@example.com` },
      memberOf: groups,
    },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/** The example organisation, with relations as the catalog would compute them. */
export const ORG: Entity[] = [
  group('fraud-detection', 'fraud-detection'),
  group('recommendations', 'recommendations'),
  group('data-science-admins'),
  user(PEOPLE.dana, ['fraud-detection'], { profile: 'dana-scientist' }),
  user(PEOPLE.frank, ['fraud-detection']),
  user(PEOPLE.sam, ['recommendations']),
  user(PEOPLE.ada, ['data-science-admins']),
  user(PEOPLE.grace, ['data-science-admins']),
  user(PEOPLE.pat, ['fraud-detection']),
];

/** Admin permissions for the admin group, everything else for everyone (the policy's shape). */
export const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    authorize: async (requests: any[], options: any) =>
      requests.map(r => ({
        result:
          [
            'sagemaker-studio.request.review',
            'sagemaker-studio.estate.read',
          ].includes(r.permission.name) &&
          !ADMINS.includes(options.credentials.principal.userEntityRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    // The portal policy's shape for compliance reads: admins outright,
    // everyone else on the findings of their own teams (HAS_TEAM).
    authorizeConditional: async (requests: any[], options: any) =>
      requests.map(r => {
        const who = options.credentials.principal.userEntityRef;
        if (
          r.permission.name !== 'sagemaker-studio.compliance.read' ||
          ADMINS.includes(who)
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'sagemaker-studio',
          resourceType: 'sagemaker-studio-compliance-finding',
          conditions: {
            rule: 'HAS_TEAM',
            resourceType: 'sagemaker-studio-compliance-finding',
            params: { teams: teamsOf(who) },
          },
        };
      }),
  }),
});

/** The teams of a person of ORG: their groups' team annotations, else names. */
export function teamsOf(userRef: string): string[] {
  const person = ORG.find(e => `user:default/${e.metadata.name}` === userRef);
  const groups = ((person?.spec?.memberOf as string[] | undefined) ?? []).map(
    name => ORG.find(e => e.kind === 'Group' && e.metadata.name === name),
  );
  return groups.map(
    g =>
      g?.metadata.annotations?.['sagemaker-studio.aws/team'] ??
      g?.metadata.name ??
      '',
  );
}

/** A scheduler whose rounds the test runs by hand. */
export class ManualScheduler implements SchedulerService {
  private readonly tasks = new Map<
    string,
    SchedulerServiceTaskInvocationDefinition
  >();

  async scheduleTask(task: SchedulerServiceTaskInvocationDefinition) {
    this.tasks.set(task.id, task);
  }
  createScheduledTaskRunner() {
    return { run: async (task: any) => this.scheduleTask(task) };
  }
  async triggerTask(id: string) {
    await this.run(id);
  }
  async getScheduledTasks() {
    return [...this.tasks.keys()].map(id => ({
      id,
      scope: 'global' as const,
      settings: { version: 1 },
    }));
  }
  async cancelTask() {}

  /** Runs one round of a task and waits for it. */
  async run(id = 'sagemaker-studio:provisioning') {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`no task ${id}`);
    await task.fn(new AbortController().signal as any);
  }

  factory() {
    return createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => this,
    });
  }
}

/** A root logger that keeps every line, for tests on what is (not) logged. */
function recordingRootLoggerFactory(logs: string[]) {
  const make = (fields: object): LoggerService => {
    const record =
      (level: string) => (message: string, meta?: Error | object) => {
        logs.push(
          JSON.stringify({
            level,
            message,
            ...fields,
            ...(meta instanceof Error
              ? { error: `${meta.name}: ${meta.message}` }
              : meta),
          }),
        );
      };
    return {
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
      debug: record('debug'),
      child: (meta: object) => make({ ...fields, ...meta }),
    };
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => make({}),
  });
}

/** A catalog `Resource` in the default namespace, as the catalog module makes them. */
export function catalogResource(
  name: string,
  type: string,
  owner: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations },
    spec: { type, owner },
  };
}

/** Everything a test needs of a running SageMaker Studio backend. */
export interface StudioTestBackend {
  server: any;
  scheduler: ManualScheduler;
  notifications: Array<{ recipients: any; payload: any }>;
  /** Every line logged by the backend (auditor events included), with its meta, as JSON. */
  logs: string[];
  /** Makes every scheduled wait (poll, back-off) due now. */
  passTime(): Promise<void>;
  stop(): Promise<void>;
}

/** The plugin's config, pointed at a sandbox. */
export function studioConfig(
  sandbox: Sandbox,
  products: Record<string, object> = {},
  settings: Record<string, object> = {},
) {
  return {
    sageMakerStudio: {
      region: 'us-east-1',
      accountId: sandbox.settings.accountId,
      endpoint: sandbox.url,
      adminGroup: 'group:default/data-science-admins',
      products: {
        studioDomain: { requiresApproval: true },
        teamEnvironment: { requiresApproval: true },
        userProfile: { requiresApproval: false },
        ...products,
      },
      platformParameters: { SharedServicesName: 'ds-shared' },
      ...settings,
    },
    aws: {
      accounts: [
        {
          accountId: sandbox.settings.accountId,
          accessKeyId: 'sandbox',
          secretAccessKey: 'sandbox',
        },
      ],
    },
  };
}

/** Starts the plugin on the given database, against the sandbox, with the example org. */
export async function startStudioBackend(options: {
  knex: Knex;
  sandbox: Sandbox;
  products?: Record<string, object>;
  /** More `sageMakerStudio` settings, e.g. `limits`. */
  settings?: Record<string, object>;
  /** More catalog entities; one with the ref of an ORG entity replaces it. */
  entities?: Entity[];
  /** Changes the config before the backend starts, e.g. more AWS accounts. */
  configure?: (config: ReturnType<typeof studioConfig>) => void;
}): Promise<StudioTestBackend> {
  const scheduler = new ManualScheduler();
  const logs: string[] = [];
  const extra = options.entities ?? [];
  const entities = [
    ...ORG.filter(
      e => !extra.some(x => stringifyEntityRef(x) === stringifyEntityRef(e)),
    ),
    ...extra,
  ];
  const notifications: StudioTestBackend['notifications'] = [];
  const config = studioConfig(
    options.sandbox,
    options.products,
    options.settings,
  );
  options.configure?.(config);
  const backend = await startTestBackend({
    features: [
      sageMakerStudioPlugin,
      mockServices.rootConfig.factory({ data: config }),
      mockServices.database.factory({ knex: options.knex }),
      permissionsFactory,
      scheduler.factory(),
      catalogServiceMock.factory({ entities }),
      recordingRootLoggerFactory(logs),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (n: any) => {
            notifications.push(n);
          },
        }),
      }),
    ],
  });
  return {
    server: backend.server,
    scheduler,
    notifications,
    logs,
    passTime: async () => {
      await options
        .knex('sagemaker_studio_requests')
        .whereNotNull('next_attempt_at')
        .update({ next_attempt_at: new Date(Date.now() - 1000) });
    },
    stop: () => backend.stop(),
  };
}

/** An Authorization header for a person. */
export function as(who: string) {
  return mockCredentials.user.header(who);
}

/** A small HTTP client of the plugin for one test backend. */
export function api(server: any) {
  const base = '/api/sagemaker-studio';
  return {
    create: (who: string, body: object) =>
      request(server)
        .post(`${base}/requests`)
        .set('Authorization', as(who))
        .send(body),
    get: (who: string, id: string) =>
      request(server)
        .get(`${base}/requests/${id}`)
        .set('Authorization', as(who)),
    list: (who: string, query: Record<string, string> = {}) =>
      request(server)
        .get(`${base}/requests`)
        .query(query)
        .set('Authorization', as(who)),
    review: (who: string, id: string, body: object) =>
      request(server)
        .post(`${base}/requests/${id}/review`)
        .set('Authorization', as(who))
        .send(body),
    cancel: (who: string, id: string, body: object = {}) =>
      request(server)
        .post(`${base}/requests/${id}/cancel`)
        .set('Authorization', as(who))
        .send(body),
    asService: () =>
      request(server)
        .get(`${base}/requests`)
        .set('Authorization', mockCredentials.service.header()),
    /** Any route of the plugin, called by a service principal. */
    asServiceTo: (method: 'get' | 'post', path: string, body?: object) => {
      const call = request(server)
        [method](`${base}${path}`)
        .set('Authorization', mockCredentials.service.header());
      return body ? call.send(body) : call;
    },
  };
}

/** Rounds of the scheduler, with the time between them passed (every wait is over). */
export async function drive(backend: StudioTestBackend, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await backend.passTime();
    await backend.scheduler.run();
  }
}

/**
 * Drives the scheduler until the request is in one of the statuses (at most
 * `rounds` rounds) and returns it as the given person reads it.
 */
export async function driveUntil(
  backend: StudioTestBackend,
  who: string,
  id: string,
  statuses: string[],
  rounds = 10,
) {
  const client = api(backend.server);
  for (let i = 0; ; i++) {
    const { body } = await client.get(who, id);
    if (statuses.includes(body.status) || i >= rounds) {
      return body;
    }
    await drive(backend, 1);
  }
}
