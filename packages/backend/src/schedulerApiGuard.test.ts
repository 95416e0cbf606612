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
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import sageMakerStudioPlugin from '@internal/plugin-sagemaker-studio-backend';
import request from 'supertest';
import {
  guardedSchedulerServiceFactory,
  isSchedulerApiPath,
} from './schedulerApiGuard';

// backstage/backstage#30049: every plugin's scheduler REST API answered any
// signed-in person. With the guarded scheduler, on a real backend (the
// catalog, the SageMaker Studio plugin, and a probe plugin whose local task
// counts its runs), people get 403 and other backends still get through.

const SAM = 'user:default/sam-lead';
const SWEEP = 'sagemaker-studio:compliance-sweep';
const PROVISIONING = 'sagemaker-studio:provisioning';
const PROBE_TASK = 'probe:count';

let probeRuns = 0;

/**
 * A plugin with one local task that runs only when triggered (in practice),
 * open to requests without credentials as the auth and app backends are.
 */
const probePlugin = createBackendPlugin({
  pluginId: 'probe',
  register(env) {
    env.registerInit({
      deps: {
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
      },
      async init({ scheduler, httpRouter }) {
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        await scheduler.scheduleTask({
          id: PROBE_TASK,
          scope: 'local',
          frequency: { hours: 24 },
          initialDelay: { hours: 24 },
          timeout: { minutes: 1 },
          fn: async () => {
            probeRuns += 1;
          },
        });
        httpRouter.use((req, res, next) => {
          if (req.method === 'GET' && req.path === '/hello') {
            res.json({ hello: 'world' });
            return;
          }
          next();
        });
      },
    });
  },
});

const config = {
  sageMakerStudio: {
    region: 'us-east-1',
    accountId: '123456789012',
    endpoint: 'http://127.0.0.1:9',
    adminGroup: 'group:default/data-science-admins',
    products: {
      studioDomain: { requiresApproval: true },
      teamEnvironment: { requiresApproval: true },
      userProfile: { requiresApproval: false },
    },
    platformParameters: { SharedServicesName: 'ds-shared' },
    // No sweep runs during the test on its own.
    sweep: { enabled: true, frequencyMinutes: 1440 },
    provisioning: { frequencySeconds: 3600 },
  },
  aws: {
    accounts: [
      {
        accountId: '123456789012',
        accessKeyId: 'test',
        secretAccessKey: 'test',
      },
    ],
  },
};

describe('isSchedulerApiPath', () => {
  it.each([
    '/.backstage/scheduler',
    '/.backstage/scheduler/',
    '/.backstage/scheduler/v1/tasks',
    '/.backstage/scheduler/v1/tasks/x/trigger',
    '/.backstage/scheduler/v1/tasks/x/trigger/',
    '//.backstage//scheduler///v1/tasks/x/cancel',
    '/.BACKSTAGE/Scheduler/V1/Tasks/x/TRIGGER',
    '/%2Ebackstage/scheduler/v1/tasks/x/trigger',
    '/%2ebackstage%2Fscheduler/v1/tasks/x/trigger',
    '/%252Ebackstage%252Fscheduler/v1/tasks',
    '/.backstage%5Cscheduler/v1/tasks',
    '/.backstage/scheduler/v1/tasks/%E0%A4%A/trigger',
  ])('recognises %s', path => {
    expect(isSchedulerApiPath(path)).toBe(true);
  });

  it.each([
    '/',
    '/requests',
    '/entities/by-name/component/default/x',
    '/.backstage/schedulers',
    '/.backstage/other',
    '/scheduler/v1/tasks',
    '/x/.backstage/scheduler/v1/tasks',
    '/bad%E0%A4%Aencoding',
  ])('leaves %s alone', path => {
    expect(isSchedulerApiPath(path)).toBe(false);
  });
});

describe('the scheduler REST API on a real backend', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const asSam = mockCredentials.user.header(SAM);
  const asService = mockCredentials.service.header();

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        guardedSchedulerServiceFactory,
        mockServices.rootConfig.factory({ data: config }),
        catalogPlugin,
        sageMakerStudioPlugin,
        probePlugin,
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  beforeEach(() => {
    probeRuns = 0;
  });

  const waitForProbeRuns = async (count: number) => {
    for (let i = 0; i < 50 && probeRuns < count; i++) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  };

  describe.each([
    ['sagemaker-studio', SWEEP],
    ['sagemaker-studio', PROVISIONING],
    ['catalog', SWEEP],
    ['probe', PROBE_TASK],
  ])('/api/%s, task %s', (pluginId, taskId) => {
    it.each(['trigger', 'cancel'])(
      'answers 403 NotAllowedError to a person on %s',
      async action => {
        const res = await request(backend.server)
          .post(
            `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/${action}`,
          )
          .set('Authorization', asSam);
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining(
            `The scheduler API of plugin ${pluginId}`,
          ),
        });
      },
    );

    it('answers 403 to a person listing the tasks', async () => {
      const res = await request(backend.server)
        .get(`/api/${pluginId}/.backstage/scheduler/v1/tasks`)
        .set('Authorization', asSam);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(JSON.stringify(res.body)).not.toContain('"taskId"');
    });

    it('refuses a caller without credentials', async () => {
      const res = await request(backend.server)
        .post(
          `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
        )
        .set('Authorization', mockCredentials.none.header());
      // 401 from the plugin's credentials barrier; the probe plugin lets
      // such callers in, and then the guard answers 403.
      expect(res.status).toBe(pluginId === 'probe' ? 403 : 401);
    });
  });

  it('lists the tasks to a service principal', async () => {
    const studio = await request(backend.server)
      .get('/api/sagemaker-studio/.backstage/scheduler/v1/tasks')
      .set('Authorization', asService);
    expect(studio.status).toBe(200);
    expect(studio.body.tasks.map((t: any) => t.taskId).sort()).toEqual([
      SWEEP,
      PROVISIONING,
    ]);
    const catalog = await request(backend.server)
      .get('/api/catalog/.backstage/scheduler/v1/tasks')
      .set('Authorization', asService);
    expect(catalog.status).toBe(200);
    expect(Array.isArray(catalog.body.tasks)).toBe(true);
  });

  it('lets a service principal trigger a task, which then runs', async () => {
    const res = await request(backend.server)
      .post(`/api/probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger`)
      .set('Authorization', asService);
    expect(res.status).toBe(200);
    await waitForProbeRuns(1);
    expect(probeRuns).toBe(1);
  });

  it("passes a service principal's cancel on to the scheduler", async () => {
    const res = await request(backend.server)
      .post(`/api/probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/cancel`)
      .set('Authorization', asService);
    // The scheduler's own answer: the task is not running.
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`Task ${PROBE_TASK} is not running`);
  });

  describe('spellings of the path', () => {
    const task = encodeURIComponent(PROBE_TASK);
    it.each([
      [`/api/probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger/`, 403],
      [`/api/probe/.backstage/scheduler/v1/tasks/${task}/trigger`, 403],
      [`/api/probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/%74rigger`, 403],
      [`/api/probe/%2Ebackstage/scheduler/v1/tasks/${PROBE_TASK}/trigger`, 403],
      [
        `/api/probe/.backstage%2Fscheduler%2Fv1%2Ftasks/${PROBE_TASK}/trigger`,
        403,
      ],
      [`/api/probe/.BACKSTAGE/Scheduler/V1/TASKS/${PROBE_TASK}/Trigger`, 403],
      [`/api/PROBE/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger`, 403],
      [`/api/Probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger/`, 403],
      [`/api/probe//.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger`, 403],
      [
        `/api/probe/.backstage//scheduler//v1//tasks//${PROBE_TASK}//trigger`,
        403,
      ],
      [
        `/api/probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger?x=1`,
        403,
      ],
    ])(
      'answers a person %s with %i, and the task does not run',
      async (path, status) => {
        const res = await request(backend.server)
          .post(path)
          .set('Authorization', asSam);
        expect(res.status).toBe(status);
        expect(res.body.error.name).toBe('NotAllowedError');
        await new Promise(resolve => setTimeout(resolve, 100));
        expect(probeRuns).toBe(0);
      },
    );

    it('answers 404 where the root router routes to no plugin (/api//probe)', async () => {
      const res = await request(backend.server)
        .post(`/api//probe/.backstage/scheduler/v1/tasks/${PROBE_TASK}/trigger`)
        .set('Authorization', asSam);
      expect(res.status).toBe(404);
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(probeRuns).toBe(0);
    });
  });

  describe('the plugins’ own routes', () => {
    it('serves the catalog to a person', async () => {
      const res = await request(backend.server)
        .get('/api/catalog/entities?limit=1')
        .set('Authorization', asSam);
      expect(res.status).toBe(200);
    });

    it('serves the SageMaker Studio plugin to a person', async () => {
      const res = await request(backend.server)
        .get('/api/sagemaker-studio/compliance/findings')
        .set('Authorization', asSam);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });

    it('serves the probe plugin to a person, and 404 for what it lacks', async () => {
      const hello = await request(backend.server)
        .get('/api/probe/hello')
        .set('Authorization', asSam);
      expect(hello.status).toBe(200);
      expect(hello.body).toEqual({ hello: 'world' });
      const missing = await request(backend.server)
        .get('/api/probe/.backstage/other')
        .set('Authorization', asSam);
      expect(missing.status).toBe(404);
    });
  });
});
