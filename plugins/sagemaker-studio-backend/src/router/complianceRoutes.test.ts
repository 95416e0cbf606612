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

import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import {
  ASFF_PRODUCT_FIELDS,
  toAsffFinding,
} from '@internal/plugin-sagemaker-studio-common';
import { startSandbox, Sandbox } from '@internal/aws-sandbox';
import request from 'supertest';
import {
  as,
  ORG,
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from '../__testUtils__/studioTestBackend';

// Issue 9: the compliance routes for each kind of identity, on both
// databases, after a sweep over the sandbox. The isolation acceptance: a
// training job without VPC configuration tagged for fraud-detection is a
// finding Dana, Frank and the admins see, and Sam (recommendations) cannot.

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const BASE = '/api/sagemaker-studio';
const SWEEP = 'sagemaker-studio:compliance-sweep';
const { dana, frank, sam, ada, grace } = PEOPLE;
const FRAUD = 'default/group/fraud-detection';
const RECS = 'default/group/recommendations';
const FRAUD_JOB = 'fraud-train-no-vpc';
const RECS_JOB = 'recs-train-no-vpc';
const ROLE = (team: string) =>
  `arn:aws:iam::123456789012:role/service-role/ds-exec-${team}-dev-someone`;

let sandbox: Sandbox;

/** A training job without VPC configuration, still running. */
async function createRunningJob(
  name: string,
  tags: Record<string, string>,
  role: string,
) {
  await sandbox.invoke('sagemaker', 'CreateTrainingJob', {
    TrainingJobName: name,
    RoleArn: role,
    AlgorithmSpecification: {
      TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/xgboost:1',
      TrainingInputMode: 'File',
    },
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: {
      InstanceType: 'ml.m5.xlarge',
      InstanceCount: 1,
      VolumeSizeInGB: 30,
    },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  });
  setJobStatus(name, 'InProgress');
}

/** Sets a training job's status in the sandbox, as AWS would while it runs. */
function setJobStatus(name: string, status: string) {
  const table = sandbox.state.rawTable('sagemaker', 'trainingJobs') as Record<
    string,
    { name: string; status: string; schedule?: unknown[] }
  >;
  const record = Object.values(table).find(r => r.name === name)!;
  record.status = status;
  record.schedule = [];
}

const TEAM_ENV: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'fraud-detection-dev-team-environment',
    namespace: 'default',
    annotations: { 'sagemaker-studio.aws/team': 'fraud-detection' },
  },
  spec: {
    type: 'sagemaker-studio-team-environment',
    owner: 'group:default/fraud-detection',
  },
};

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await createRunningJob(FRAUD_JOB, { TeamName: 'fraud-detection' }, ROLE('x'));
  // No tag: attributed to recommendations by its execution role's name.
  await createRunningJob(RECS_JOB, {}, ROLE('recommendations'));
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe.each(databases.eachSupportedId())(
  'compliance routes on %p',
  databaseId => {
    let backend: StudioTestBackend;
    const entity = (who: string, ref: string) =>
      request(backend.server)
        .get(`${BASE}/entity/${ref}/compliance`)
        .set('Authorization', as(who));
    const findings = (who: string, query: Record<string, string> = {}) =>
      request(backend.server)
        .get(`${BASE}/compliance/findings`)
        .query(query)
        .set('Authorization', as(who));
    const vpcFinding = (body: any, job: string) =>
      body.findings?.find(
        (f: any) =>
          f.resource.name === job && f.ruleId === 'SAGEMAKER_VPC_REQUIRED',
      ) ??
      body.items?.find(
        (f: any) =>
          f.resource.name === job && f.ruleId === 'SAGEMAKER_VPC_REQUIRED',
      );

    beforeAll(async () => {
      backend = await startStudioBackend({
        knex: await databases.init(databaseId),
        sandbox,
        entities: [TEAM_ENV],
      });
      await backend.scheduler.run(SWEEP);
    }, 60_000);
    afterAll(() => backend?.stop());

    describe('GET /entity/:namespace/:kind/:name/compliance', () => {
      it.each([
        ['the owner (Dana)', dana, FRAUD],
        ['another member (Frank)', frank, FRAUD],
        ['Dana, on her own page', dana, 'default/user/dana-scientist'],
        [
          'Dana, on the team environment',
          dana,
          'default/resource/fraud-detection-dev-team-environment',
        ],
        ['an admin (Ada)', ada, FRAUD],
        ['an admin (Grace)', grace, FRAUD],
      ])(
        'shows fraud-detection the job without VPC to %s',
        async (_, who, ref) => {
          const res = await entity(who, ref);
          expect(res.status).toBe(200);
          expect(res.body.teams).toEqual(['fraud-detection']);
          const finding = vpcFinding(res.body, FRAUD_JOB);
          expect(finding).toMatchObject({
            state: 'OPEN',
            severity: 'CRITICAL',
            team: 'fraud-detection',
            resource: { kind: 'TrainingJob', status: 'InProgress' },
            accountId: '123456789012',
            region: 'us-east-1',
          });
          expect(finding.explanation).toMatch(/VpcConfig/);
          expect(vpcFinding(res.body, RECS_JOB)).toBeUndefined();
          expect(res.body.summary.openBySeverity.CRITICAL).toBe(1);
          expect(res.body.summary.score).toBe(0);
          expect(res.body.summary.lastSweep).toMatchObject({
            status: 'succeeded',
            failedTargets: [],
          });
          expect(res.body.history).toHaveLength(1);
        },
      );

      it.each([
        ['the team page', FRAUD],
        ["Dana's page", 'default/user/dana-scientist'],
        [
          'the team environment',
          'default/resource/fraud-detection-dev-team-environment',
        ],
      ])('answers 403 to Sam (recommendations) on %s', async (_, ref) => {
        const res = await entity(sam, ref);
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(
          'sagemaker-studio.compliance.read',
        );
        expect(JSON.stringify(res.body)).not.toContain(FRAUD_JOB);
      });

      it("shows Sam his own team's job, attributed by its execution role", async () => {
        const res = await entity(sam, RECS);
        expect(res.status).toBe(200);
        expect(res.body.teams).toEqual(['recommendations']);
        expect(vpcFinding(res.body, RECS_JOB)).toMatchObject({
          team: 'recommendations',
        });
        expect(vpcFinding(res.body, FRAUD_JOB)).toBeUndefined();
      });

      it('answers 404 for an unknown entity and 400 for a malformed ref', async () => {
        const missing = await entity(dana, 'default/group/nobody');
        expect(missing.status).toBe(404);
        const bad = await entity(dana, 'default/group/bad%00name');
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toBe('name: not a catalog entity name');
      });

      it('refuses service credentials', async () => {
        const res = await request(backend.server)
          .get(`${BASE}/entity/${FRAUD}/compliance`)
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(403);
      });
    });

    describe('GET /compliance/findings', () => {
      it.each([ada, grace])('gives %s every team, with facets', async who => {
        const res = await findings(who);
        expect(res.status).toBe(200);
        expect(vpcFinding(res.body, FRAUD_JOB)).toBeDefined();
        expect(vpcFinding(res.body, RECS_JOB)).toBeDefined();
        expect(res.body.facets.teams).toEqual([
          'fraud-detection',
          'recommendations',
        ]);
        expect(res.body.facets.accounts).toEqual(['123456789012']);
        expect(res.body.facets.regions).toEqual(['us-east-1']);
        expect(res.body.summary.evaluatedResources).toBe(2);
      });

      it('filters by team, rule, severity, account, region and state', async () => {
        const res = await findings(ada, {
          team: 'fraud-detection',
          ruleId: 'SAGEMAKER_VPC_REQUIRED',
          severity: 'CRITICAL',
          accountId: '123456789012',
          region: 'us-east-1',
          state: 'OPEN',
        });
        expect(res.status).toBe(200);
        expect(res.body.items.map((f: any) => f.resource.name)).toEqual([
          FRAUD_JOB,
        ]);
        expect(res.body.summary.openBySeverity).toEqual({
          CRITICAL: 1,
          HIGH: 0,
          MEDIUM: 0,
          LOW: 0,
        });
        const none = await findings(ada, { state: 'RESOLVED' });
        expect(none.body.items).toEqual([]);
      });

      it('pages with a cursor, most severe first, without repeats', async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let ranks: string[] = [];
        do {
          const res = await findings(ada, {
            limit: '2',
            ...(cursor ? { cursor } : {}),
          });
          expect(res.status).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...res.body.items.map((f: any) => f.id));
          ranks = [...ranks, ...res.body.items.map((f: any) => f.severity)];
          cursor = res.body.nextCursor;
        } while (cursor);
        const all = await findings(ada, { limit: '100' });
        expect(seen).toEqual(all.body.items.map((f: any) => f.id));
        expect(new Set(seen).size).toBe(seen.length);
        const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
        expect(ranks).toEqual(
          [...ranks].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
        );
      });

      it.each([dana, frank, sam])(
        'answers 403 to %s (admins only)',
        async who => {
          const res = await findings(who);
          expect(res.status).toBe(403);
          expect(res.body.error.message).toMatch(
            'sagemaker-studio.compliance.read',
          );
        },
      );

      it('refuses service credentials', async () => {
        const res = await request(backend.server)
          .get(`${BASE}/compliance/findings`)
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(403);
      });

      it.each([
        [{ severity: 'SEVERE' }, 'severity: '],
        [{ state: 'open' }, 'state: '],
        [
          { team: 'fraud\u0000detection' },
          'team: must not contain control or bidi characters',
        ],
        [
          { team: 'fraud\u202edetection' },
          'team: must not contain control or bidi characters',
        ],
        [{ ruleId: 'vpc' }, 'ruleId: must be a rule id'],
        [{ accountId: '12' }, 'accountId: must be a 12-digit AWS account id'],
        [{ region: 'moon-1' }, 'region: must be an AWS region'],
        [{ limit: '0' }, 'limit: '],
        [{ limit: '101' }, 'limit: '],
        [
          { cursor: 'bm90IGEgY3Vyc29y' },
          'cursor: not a cursor this API gave out',
        ],
        [
          { cursor: 'a\u0000b' },
          'cursor: must not contain control or bidi characters',
        ],
        [{ colour: 'red' }, 'query: unknown field(s) colour'],
      ])('answers 400 for %j naming the field', async (query, message) => {
        const res = await findings(ada, query as Record<string, string>);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
        expect(res.body.error.message).not.toContain('\u0000');
      });

      it('answers 400 for a filter given twice', async () => {
        const res = await request(backend.server)
          .get(`${BASE}/compliance/findings?team=a&team=b`)
          .set('Authorization', as(ada));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/^team: /);
      });
    });

    describe('POST /compliance/sweep', () => {
      const sweepNow = (who: string) =>
        request(backend.server)
          .post(`${BASE}/compliance/sweep`)
          .set('Authorization', as(who));
      const audits = () =>
        backend.logs
          .map(line => JSON.parse(line))
          .filter(line => line.eventId === 'compliance-sweep-trigger');

      afterEach(() => jest.restoreAllMocks());

      it.each([ada, grace])(
        'lets %s start a sweep: 202, the scheduler triggers the sweep task',
        async who => {
          const trigger = jest.spyOn(backend.scheduler, 'triggerTask');
          const before = audits().length;
          const res = await sweepNow(who);
          expect(res.status).toBe(202);
          expect(res.body).toEqual({ triggered: true });
          expect(trigger).toHaveBeenCalledTimes(1);
          expect(trigger).toHaveBeenCalledWith(SWEEP);
          // The ManualScheduler runs the sweep when triggered: it ran.
          const page = await findings(who);
          expect(page.body.summary.lastSweep).toMatchObject({
            status: 'succeeded',
          });
          expect(audits().slice(before)).toEqual([
            expect.objectContaining({ status: 'initiated' }),
            expect.objectContaining({
              status: 'succeeded',
              actor: expect.objectContaining({ actorId: who }),
              meta: { taskId: SWEEP },
            }),
          ]);
        },
      );

      it.each([
        ['the owner (Dana)', dana],
        ['another member (Frank)', frank],
        ['another team (Sam)', sam],
      ])('answers 403 to %s and triggers nothing', async (_, who) => {
        const trigger = jest.spyOn(backend.scheduler, 'triggerTask');
        const before = audits().length;
        const res = await sweepNow(who);
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({
          name: 'NotAllowedError',
          message: expect.stringContaining('sagemaker-studio.estate.read'),
        });
        expect(trigger).not.toHaveBeenCalled();
        expect(audits().slice(before)).toEqual([
          expect.objectContaining({ status: 'initiated' }),
          expect.objectContaining({
            status: 'failed',
            actor: expect.objectContaining({ actorId: who }),
          }),
        ]);
      });

      it('refuses service credentials and triggers nothing', async () => {
        const trigger = jest.spyOn(backend.scheduler, 'triggerTask');
        const res = await request(backend.server)
          .post(`${BASE}/compliance/sweep`)
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(403);
        expect(trigger).not.toHaveBeenCalled();
      });

      it('answers 409 while a sweep is running', async () => {
        // What the scheduler throws (TaskWorker.trigger, LocalTaskWorker.trigger).
        jest
          .spyOn(backend.scheduler, 'triggerTask')
          .mockRejectedValueOnce(
            new ConflictError(`Task ${SWEEP} is currently running`),
          );
        const before = audits().length;
        const res = await sweepNow(ada);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({
          name: 'ConflictError',
          message:
            'A compliance sweep is already running; its findings show here when it finishes',
        });
        expect(audits().slice(before)).toEqual([
          expect.objectContaining({ status: 'initiated' }),
          expect.objectContaining({ status: 'failed' }),
        ]);
      });

      it('passes on any other scheduler failure', async () => {
        jest
          .spyOn(backend.scheduler, 'triggerTask')
          .mockRejectedValueOnce(new Error('database gone'));
        const res = await sweepNow(ada);
        expect(res.status).toBe(500);
      });

      it('answers 404 with a fixed message when the sweep is off by config', async () => {
        const off = await startStudioBackend({
          knex: await databases.init(databaseId),
          sandbox,
          settings: { sweep: { enabled: false } },
        });
        try {
          const trigger = jest.spyOn(off.scheduler, 'triggerTask');
          const res = await request(off.server)
            .post(`${BASE}/compliance/sweep`)
            .set('Authorization', as(ada));
          expect(res.status).toBe(404);
          expect(res.body.error).toEqual(
            expect.objectContaining({
              name: 'NotFoundError',
              message:
                'The compliance sweep is turned off on this portal (sageMakerStudio.sweep.enabled: false); there is no sweep to start',
            }),
          );
          expect(trigger).not.toHaveBeenCalled();
          // Non-admins learn nothing about the config: still 403.
          const sams = await request(off.server)
            .post(`${BASE}/compliance/sweep`)
            .set('Authorization', as(sam));
          expect(sams.status).toBe(403);
        } finally {
          await off.stop();
        }
      }, 60_000);
    });

    describe('after the detective control stops the job', () => {
      it('resolves the finding with the action, in the store and in Security Hub', async () => {
        // What the detective control does: stop the job, record the finding.
        const arn = `arn:aws:sagemaker:us-east-1:123456789012:training-job/${FRAUD_JOB}`;
        const asff = toAsffFinding(
          {
            ruleId: 'SAGEMAKER_VPC_REQUIRED',
            title: 'SageMaker workloads must run in a VPC',
            severity: 'CRITICAL',
            status: 'FAILED',
            reason: 'VpcConfig is missing',
            resourceKind: 'TrainingJob',
            resourceName: FRAUD_JOB,
            resourceArn: arn,
          },
          {
            accountId: '123456789012',
            region: 'us-east-1',
            now: new Date(),
            teamName: 'fraud-detection',
            remediation: 'STOP',
            remediated: true,
          },
        );
        await sandbox.invoke('securityhub', 'BatchImportFindings', {
          Findings: [asff],
        });
        setJobStatus(FRAUD_JOB, 'Stopped');
        await backend.scheduler.run(SWEEP);

        const page = await entity(dana, FRAUD);
        expect(vpcFinding(page.body, FRAUD_JOB)).toBeUndefined();
        const acted = page.body.recentActions.find(
          (f: any) => f.resource.name === FRAUD_JOB,
        );
        expect(acted).toMatchObject({
          state: 'RESOLVED',
          resource: { status: 'Stopped' },
          action: { taken: 'stopped' },
        });
        expect(acted.resolvedAt).toBeDefined();
        const day = page.body.history[page.body.history.length - 1];
        expect(day.resolved).toBeGreaterThanOrEqual(1);
        expect(day.actions).toBeGreaterThanOrEqual(1);

        const admin = await findings(ada, { state: 'RESOLVED' });
        expect(vpcFinding(admin.body, FRAUD_JOB)).toMatchObject({
          action: { taken: 'stopped' },
        });
        expect(JSON.stringify((await entity(sam, RECS)).body)).not.toContain(
          FRAUD_JOB,
        );

        const { Findings } = await sandbox.invoke(
          'securityhub',
          'GetFindings',
          {
            Filters: { Id: [{ Value: asff.Id, Comparison: 'EQUALS' }] },
          },
        );
        // Resolved as the detective control resolves (resolveFinding): the
        // archived finding re-imported, then the workflow RESOLVED.
        expect(Findings[0]).toMatchObject({
          RecordState: 'ARCHIVED',
          Workflow: { Status: 'RESOLVED' },
          Compliance: { Status: 'FAILED' },
          Note: { UpdatedBy: 'backstage-sagemaker-studio' },
        });
        expect(Findings[0].Note.Text).toContain('is stopped');
        expect(Findings[0].ProductFields).toMatchObject({
          [ASFF_PRODUCT_FIELDS.teamName]: 'fraud-detection',
          [ASFF_PRODUCT_FIELDS.resolution]: 'stopped',
          [ASFF_PRODUCT_FIELDS.action]: 'stopped',
        });
        // Put the job back for the other database's run.
        setJobStatus(FRAUD_JOB, 'InProgress');
      });
    });
  },
);

// ORG is imported so a change of the example organisation shows up here.
void ORG;
