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

import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  seedDemoEstate,
  seedPlatform,
  startSandbox,
  Sandbox,
} from '@internal/aws-sandbox';
import path from 'node:path';
import { Response } from 'supertest';
import {
  api,
  drive,
  driveUntil,
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from '../__testUtils__/studioTestBackend';

// Issue 7, "Who may ask for what": who may call each request route with
// what, on both databases, against the sandbox. Each describe has its own
// backend on a fresh database, so that requests of one never block another.

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const TEMPLATES = path.resolve(__dirname, '../../../../cloudformation');
const { dana, frank, sam, ada, grace, pat } = PEOPLE;
const UNKNOWN_ID = '0badc0de-0000-4000-8000-00000000beef';
// The abuse limits have their own tests; this matrix makes more requests.
const NO_LIMITS = { requestsPerMinute: 10_000, pendingRequestsPerUser: 10_000 };

const DENIED = /permission sagemaker-studio\.request\.review was denied/;
const NOT_FOUND = /^No provisioning request with id /;
const NOT_YOURS = /^provisionedProductId: no product pp-\w+ of yours/;
const NOT_ASKER = /^Only the person who asked may cancel/;
const CONTROL = (field: string) =>
  new RegExp(`^${field.replace('.', '\\.')}: must not contain control`);
const PLATFORM = (name: string) =>
  new RegExp(`^parameters\\.${name}: set by the platform`);

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES });
  await seedDemoEstate(sandbox);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

let keys = 0;
const key = () => `key-${++keys}`;

const profile = { product: 'userProfile', teamName: 'fraud-detection' };
const domain = { product: 'studioDomain' };
const env = (teamName: string, EnvType: string, extra: object = {}) => ({
  product: 'teamEnvironment',
  teamName,
  parameters: { EnvType },
  ...extra,
});
const fraud = (envType: string, extra?: object) =>
  env('fraud-detection', envType, extra);
const reco = (envType: string, extra?: object) =>
  env('recommendations', envType, extra);
const withParams = (body: object, parameters: object) => ({
  ...body,
  parameters,
});

/** What a response answered: its status and error message. */
const answer = (res: Response) => ({
  status: res.status,
  message: res.body?.error?.message,
});
/** The expected answer: the status and a message naming the field or reason. */
const is = (status: number, message?: RegExp) => ({
  status,
  message: message ? expect.stringMatching(message) : undefined,
});

const cursor = (content: object) =>
  Buffer.from(JSON.stringify(content)).toString('base64url');
const idsOf = (res: Response): string[] =>
  res.body.items.map((r: { id: string }) => r.id);

type Ctx = { backend: StudioTestBackend; client: ReturnType<typeof api> };

describe.each(databases.eachSupportedId())(
  'request routes on %p',
  (databaseId: TestDatabaseId) => {
    /** A backend on a fresh database for the enclosing describe. */
    function useBackend(products?: Record<string, object>): Ctx {
      const ctx = {} as Ctx;
      beforeAll(async () => {
        ctx.backend = await startStudioBackend({
          knex: await databases.init(databaseId),
          sandbox,
          products,
          settings: { limits: NO_LIMITS },
        });
        ctx.client = api(ctx.backend.server);
      }, 30_000);
      afterAll(async () => {
        // A plan holds its provisioned product name in Service Catalog;
        // delete them so that the next database may plan the same names.
        const { body } = await ctx.client.list(ada, { scope: 'all' });
        for (const { plan } of body.items ?? []) {
          if (plan?.planId) {
            await sandbox
              .invoke('servicecatalog', 'DeleteProvisionedProductPlan', {
                PlanId: plan.planId,
              })
              .catch(() => {});
          }
        }
        await ctx.backend?.stop();
      });
      return ctx;
    }

    /** Drives the scheduler until no pending request waits for its plan. */
    async function drivePlans(ctx: Ctx) {
      for (let round = 0; round < 20; round++) {
        const { body } = await ctx.client.list(ada, { scope: 'all' });
        const waiting = body.items.some(
          (r: any) =>
            r.status === 'PENDING_APPROVAL' && r.plan?.status === 'CREATING',
        );
        if (!waiting) return;
        await drive(ctx.backend, 1);
      }
    }

    /** Creates a request, failing unless it was recorded. */
    async function made(ctx: Ctx, who: string, body: object) {
      const res = await ctx.client.create(who, {
        idempotencyKey: key(),
        ...body,
      });
      expect(answer(res)).toEqual(is(201));
      return res.body;
    }

    describe('POST /requests', () => {
      // Profiles wait for approval too, so that each test can cancel what it
      // made and the next one may ask for the same product again.
      const ctx = useBackend({ userProfile: { requiresApproval: true } });
      const toCancel: Array<[string, string]> = [];
      afterEach(async () => {
        for (const [who, id] of toCancel.splice(0)) {
          await ctx.client.cancel(who, id);
        }
      });
      async function create(who: string, body: object) {
        const res = await ctx.client.create(who, {
          idempotencyKey: key(),
          ...body,
        });
        if (res.status === 201) toCancel.push([who, res.body.id]);
        return res;
      }

      const danaProfile = {
        StudioUserProfileName: 'dana-scientist',
        TeamName: 'fraud-detection',
        OwnerEmail: 'dana-scientist@example.com',
      };
      // prettier-ignore
      it.each<[string, string, object, object]>([
        ['a scientist asks for her profile, named from her entity', dana, profile,
          { requestedBy: dana, provisionedProductName: 'profile-fraud-detection-dana-scientist', parameters: danaProfile }],
        ['an admin asks on behalf of a scientist, recording both', ada, { ...profile, onBehalfOf: dana },
          { requestedBy: ada, requestedFor: dana, parameters: danaProfile }],
        ['a team member asks for a team environment', frank, fraud('prod'),
          { requestedBy: frank, parameters: { TeamName: 'fraud-detection', EnvType: 'prod', SharedServicesName: 'ds-shared' } }],
        ['an admin asks for an environment of any team', ada, reco('prod'), { requestedBy: ada, teamName: 'recommendations' }],
        ['an admin asks for a Studio domain, which waits for its plan', ada, domain,
          { status: 'PENDING_APPROVAL', plan: { status: 'CREATING', resourceChanges: [] } }],
      ])('returns 201 when %s', async (_, who, body, expected) => {
        const res = await create(who, body);
        expect(answer(res)).toEqual(is(201));
        expect(res.body).toMatchObject(expected);
        const { requestedFor } = expected as { requestedFor?: string };
        expect(res.body.requestedFor).toBe(requestedFor);
      });

      const many = Object.fromEntries(
        Array.from({ length: 33 }, (_, i) => [`P${i}`, 'x']),
      );
      // prettier-ignore
      it.each<[string, object, RegExp]>([
        ['the profile name is given', withParams(profile, { StudioUserProfileName: 'x' }), PLATFORM('StudioUserProfileName')],
        ['TeamName is given', withParams(profile, { TeamName: 'recommendations' }), PLATFORM('TeamName')],
        ['a team environment sets TrustedPrincipalArn', withParams(fraud('dev'), { TrustedPrincipalArn: 'arn:aws:iam::999999999999:root' }), PLATFORM('TrustedPrincipalArn')],
        ['a team environment sets SharedServicesName', withParams(fraud('dev'), { SharedServicesName: 'evil' }), PLATFORM('SharedServicesName')],
        ['a team environment sets BreakGlassRoleArn', withParams(fraud('dev'), { BreakGlassRoleArn: 'arn:aws:iam::999999999999:role/x' }), PLATFORM('BreakGlassRoleArn')],
        ['a profile sets StudioDomainId', withParams(profile, { StudioDomainId: 'd-other' }), PLATFORM('StudioDomainId')],
        ['an unknown parameter is given, listing the allowed ones', withParams(profile, { InstanceType: 'ml.p5' }),
          /^parameters\.InstanceType: not a parameter of userProfile provision; allowed: EnvType, RequireNetworkIsolation$/],
        ['EnvType is staging', fraud('staging'), /^parameters\.EnvType: must be one of dev, test, prod$/],
        ['the team name has 21 characters', env('a'.repeat(21), 'dev'), /^teamName: must be 2-20/],
        ['a top-level field is unknown', { ...profile, role: 'x' }, /^body: unknown field\(s\) role/],
        ['the product is unknown', { product: 'notebook' }, /^product: /],
        ['the idempotency key is missing', { ...profile, idempotencyKey: undefined }, /^idempotencyKey: /],
        ['a provision names a provisioned product', { ...profile, provisionedProductId: 'pp-abc123' }, /^provisionedProductId: only for update/],
        ['a dry run sets a platform parameter', { ...withParams(profile, { TeamName: 'x' }), dryRun: true }, PLATFORM('TeamName')],
        ...['\u0000', '\u001b[31m', '\u202e'].flatMap((c): Array<[string, object, RegExp]> => [
          [`a parameter value carries ${JSON.stringify(c)}`, fraud(`dev${c}`), CONTROL('parameters.EnvType')],
          [`the team name carries ${JSON.stringify(c)}`, env(`fraud${c}detection`, 'dev'), CONTROL('teamName')],
          [`the idempotency key carries ${JSON.stringify(c)}`, { ...profile, idempotencyKey: `k${c}1` }, CONTROL('idempotencyKey')],
        ]),
        ['a parameter name carries NUL', withParams(profile, { 'Env\u0000Type': 'dev' }), /^parameters\..*CloudFormation parameter name/],
        ['onBehalfOf carries a bidi override', { ...profile, onBehalfOf: 'user:default/\u202edana' }, CONTROL('onBehalfOf')],
        ['there are 33 parameters', withParams(profile, many), /^parameters: at most 32 parameters/],
      ])('returns 400 when %s', async (_, body, message) => {
        expect(answer(await create(dana, body))).toEqual(is(400, message));
      });

      // prettier-ignore
      it.each<[number, string, string, object, RegExp]>([
        [400, 'an admin names a group in onBehalfOf', ada, { ...profile, onBehalfOf: 'group:default/fraud-detection' }, /^onBehalfOf: must be a user/],
        [400, 'an admin names someone not in the catalog', ada, { ...profile, onBehalfOf: 'user:default/nobody' }, /^onBehalfOf: .* is not in the catalog/],
        [400, 'an admin names a team that does not exist', ada, env('no-such-team', 'dev'), /^teamName: no team no-such-team in the catalog/],
        [403, 'a scientist asks for a profile in a team she is not in', dana, { ...profile, teamName: 'recommendations' }, /^teamName: .* is not a member of team recommendations/],
        [403, 'a scientist asks on behalf of someone else', dana, { ...profile, onBehalfOf: sam }, /^onBehalfOf: only data-science admins/],
        [403, 'someone of another team asks for a team environment', sam, fraud('prod'), /^teamName: .*sam-lead is not a member of team fraud-detection/],
        [403, 'a scientist asks for a Studio domain', dana, domain, /Only data-science admins may request a Studio domain/],
      ])('returns %i when %s', async (status, _, who, body, message) => {
        expect(answer(await create(who, body))).toEqual(is(status, message));
      });

      it('returns 403 to a service principal', async () => {
        const body = { ...profile, idempotencyKey: key() };
        const res = await ctx.client.asServiceTo('post', '/requests', body);
        expect(answer(res)).toEqual(is(403, /service/));
      });

      it('returns 413 for a body over 32 kB', async () => {
        const big = withParams(profile, { EnvType: 'x'.repeat(33 * 1024) });
        expect((await create(dana, big)).status).toBe(413);
      });

      it('accepts a 200-character key from a person with a long entity ref', async () => {
        const body = fraud('test', { idempotencyKey: 'k'.repeat(200) });
        expect(answer(await create(pat, body))).toEqual(is(201));
      });

      it('answers a repeated key with 200 and the first request, or 409 for another payload', async () => {
        const body = reco('test', { idempotencyKey: key() });
        const first = await create(ada, body);
        expect(answer(first)).toEqual(is(201));
        const again = await create(ada, body);
        expect(answer(again)).toEqual(is(200));
        expect(again.body.id).toBe(first.body.id);
        const other = await create(ada, withParams(body, {}));
        expect(answer(other)).toEqual(is(409, /^idempotencyKey: already used/));
      });

      it('returns 409 for a second active request for the same product', async () => {
        const first = await create(dana, fraud('test'));
        expect(answer(first)).toEqual(is(201));
        expect(answer(await create(frank, fraud('test')))).toEqual(
          is(
            409,
            new RegExp(
              `${first.body.id} for team-fraud-detection-test is already PENDING_APPROVAL`,
            ),
          ),
        );
      });

      it('previews a dry run with the derived parameters and records nothing', async () => {
        const before = await ctx.client.list(dana);
        const res = await create(dana, { ...profile, dryRun: true });
        expect(answer(res)).toEqual(is(200));
        expect(res.body).toEqual({
          product: 'userProfile',
          operation: 'provision',
          teamName: 'fraud-detection',
          productName: expect.any(String),
          productVersion: expect.stringMatching(/^v\d+/),
          provisionedProductName: 'profile-fraud-detection-dana-scientist',
          parameters: expect.objectContaining({
            StudioUserProfileName: 'dana-scientist',
            TeamName: 'fraud-detection',
          }),
          requiresApproval: true,
        });
        expect((await ctx.client.list(dana)).body).toEqual(before.body);
      });
    });

    describe('GET /requests/:id', () => {
      const ctx = useBackend();
      const ids = { bySam: '', forDana: '' };
      beforeAll(async () => {
        ids.bySam = (await made(ctx, sam, reco('test'))).id;
        const forDana = fraud('test', { onBehalfOf: dana });
        ids.forDana = (await made(ctx, ada, forDana)).id;
      });

      it.each<[number, string, keyof typeof ids, string]>([
        [200, 'the requester', 'bySam', sam],
        [200, 'an admin', 'bySam', ada],
        [404, 'someone of another team', 'bySam', dana],
        [200, 'the requester, an admin', 'forDana', ada],
        [200, 'the person it is for', 'forDana', dana],
        [200, 'another admin', 'forDana', grace],
        [404, 'another team member', 'forDana', frank],
        [404, 'someone of another team', 'forDana', sam],
      ])('returns %i to %s (%s)', async (status, _, request, who) => {
        const res = await ctx.client.get(who, ids[request]);
        // A request one may not see reads like one that does not exist.
        expect(answer(res)).toEqual(
          is(status, status === 404 ? NOT_FOUND : undefined),
        );
        expect(res.body.id).toBe(status === 200 ? ids[request] : undefined);
      });

      it.each([
        [400, 'not-a-uuid', /^id: not a request id/],
        [400, '%00', /^id: not a request id/],
        [400, UNKNOWN_ID.toUpperCase(), /^id: not a request id/],
        [404, UNKNOWN_ID, NOT_FOUND],
      ])('returns %i for the id %s', async (status, id, message) => {
        expect(answer(await ctx.client.get(ada, id))).toEqual(
          is(status, message),
        );
      });

      it('returns 403 to a service principal', async () => {
        const route = `/requests/${ids.bySam}`;
        expect(answer(await ctx.client.asServiceTo('get', route))).toEqual(
          is(403, /service/),
        );
      });
    });

    describe('GET /requests', () => {
      // Profiles wait for approval too, so that nothing here launches.
      const ctx = useBackend({ userProfile: { requiresApproval: true } });
      const forFrank: string[] = [];
      beforeAll(async () => {
        // Five requests that involve frank only because an admin made them for him.
        const bodies = [fraud('test'), fraud('prod'), reco('test')];
        for (const body of [...bodies, reco('prod'), profile]) {
          const { id } = await made(ctx, ada, { ...body, onBehalfOf: frank });
          forFrank.push(id);
        }
        forFrank.sort();
        await drivePlans(ctx);
      }, 60_000);

      it.each([
        ['the person they are for', frank, forFrank],
        ['the requester', ada, forFrank],
        ['someone uninvolved', dana, []],
      ])(
        'scope=mine (the default) shows %s only theirs',
        async (_, who, ids) => {
          for (const query of [{ scope: 'mine' }, {}] as Array<
            Record<string, string>
          >) {
            const res = await ctx.client.list(who, query);
            expect(answer(res)).toEqual(is(200));
            expect(idsOf(res).sort()).toEqual(ids);
          }
        },
      );

      it('shows scope=all to admins only', async () => {
        const denied = await ctx.client.list(dana, { scope: 'all' });
        expect(answer(denied)).toEqual(
          is(403, /^scope=all: only data-science admins/),
        );
        const res = await ctx.client.list(grace, { scope: 'all' });
        expect(answer(res)).toEqual(is(200));
        expect(idsOf(res).sort()).toEqual(forFrank);
      });

      it('filters by status', async () => {
        const all = (await ctx.client.list(ada, { scope: 'all' })).body.items;
        for (const status of ['PENDING_APPROVAL', 'SUCCEEDED']) {
          const res = await ctx.client.list(ada, { scope: 'all', status });
          expect(answer(res)).toEqual(is(200));
          const expected = all.filter((r: any) => r.status === status);
          expect(idsOf(res)).toEqual(expected.map((r: any) => r.id));
        }
      });

      const now = new Date().toISOString();
      // prettier-ignore
      it.each<[string, Record<string, string>, RegExp]>([
        ['an unknown status', { status: 'BOGUS' }, /^status: /],
        ['limit 0', { limit: '0' }, /^limit: /],
        ['limit 101', { limit: '101' }, /^limit: /],
        ['an unknown query field', { owner: 'me' }, /unknown field\(s\) owner/],
        ['a cursor it never gave out', { cursor: 'bogus' }, /^cursor: not a cursor/],
        ['a cursor with NUL', { cursor: 'a\u0000b' }, CONTROL('cursor')],
        ['a forged cursor whose id carries NUL', { cursor: cursor({ c: now, i: 'a\u0000' }) }, /^cursor: not a cursor/],
        ['a forged cursor dated before any timestamp', { cursor: cursor({ c: '-200000-01-01T00:00:00Z', i: UNKNOWN_ID }) }, /^cursor: not a cursor/],
      ])('returns 400 for %s', async (_, query, message) => {
        expect(answer(await ctx.client.list(frank, query))).toEqual(is(400, message));
      });

      it('returns 403 to a service principal', async () => {
        expect(answer(await ctx.client.asService())).toEqual(
          is(403, /service/),
        );
      });

      /** Frank's requests, two a page; between() runs after the first page. */
      async function walk(
        query: Record<string, string>,
        between = async (_: any[]) => {},
      ) {
        const seen: string[] = [];
        let next: string | undefined;
        for (let page = 1; page <= 10; page++) {
          const res = await ctx.client.list(frank, {
            ...query,
            limit: '2',
            ...(next ? { cursor: next } : {}),
          });
          expect(answer(res)).toEqual(is(200));
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...idsOf(res));
          if (page === 1) await between(res.body.items);
          next = res.body.nextCursor;
          if (!next) break;
        }
        return seen;
      }

      it('pages with limit=2 through every request exactly once', async () => {
        const seen = await walk({});
        expect(seen).toHaveLength(5);
        expect([...seen].sort()).toEqual(forFrank);
      });

      // Last: nothing drives the scheduler after an approval here.
      it('loses no request when one of the first page is approved', async () => {
        const query = { status: 'PENDING_APPROVAL' };
        const pending = idsOf(await ctx.client.list(frank, query)).sort();
        expect(pending).toHaveLength(5);
        let approved = '';
        const seen = await walk(query, async ([first]) => {
          approved = first.id;
          const approve = { decision: 'approve' };
          expect(
            answer(await ctx.client.review(grace, first.id, approve)),
          ).toEqual(is(200));
        });
        expect(seen).toHaveLength(5);
        expect([...seen].sort()).toEqual(pending);
        const approvedNow = await ctx.client.list(frank, {
          status: 'APPROVED',
        });
        expect(idsOf(approvedNow)).toEqual([approved]);
      });
    });

    describe('POST /requests/:id/review', () => {
      const ctx = useBackend();
      const ids = {
        byDana: '',
        bySam: '',
        byAda: '',
        forGrace: '',
        toReject: '',
      };
      const approve = { decision: 'approve' };
      beforeAll(async () => {
        ids.byDana = (await made(ctx, dana, fraud('prod'))).id;
        ids.bySam = (await made(ctx, sam, reco('test'))).id;
        ids.byAda = (await made(ctx, ada, domain)).id;
        const forGrace = fraud('test', { onBehalfOf: grace });
        ids.forGrace = (await made(ctx, ada, forGrace)).id;
        ids.toReject = (await made(ctx, sam, reco('prod'))).id;
        await drivePlans(ctx);
      }, 60_000);

      // prettier-ignore
      it.each<[string, string, keyof typeof ids, RegExp]>([
        ['the requester, who is no admin', dana, 'byDana', DENIED],
        ['another team member', frank, 'byDana', DENIED],
        ['someone of another team', sam, 'byDana', DENIED],
        ['an admin reviewing her own request (four eyes)', ada, 'byAda', /^Nobody may review their own request/],
        ['an admin reviewing a request made for her (four eyes)', grace, 'forGrace', /^Nobody may review a request made for them/],
      ])('returns 403 to %s', async (_, who, request, message) => {
        const res = await ctx.client.review(who, ids[request], approve);
        expect(answer(res)).toEqual(is(403, message));
      });

      it('returns 409 while the plan is still being made', async () => {
        const name = { StudioDomainName: 'planning' };
        const { id } = await made(ctx, grace, withParams(domain, name));
        const res = await ctx.client.review(ada, id, approve);
        expect(answer(res)).toEqual(is(409, /still making the plan/));
      });

      it('refuses a rejection without a reason, then shows the requester the reason', async () => {
        const reject = (comment?: string) =>
          ctx.client.review(ada, ids.toReject, { decision: 'reject', comment });
        for (const comment of [undefined, '   ']) {
          const res = await reject(comment);
          expect(answer(res)).toEqual(
            is(400, /^comment: a rejection needs a reason/),
          );
        }
        expect(answer(await reject('no\u0000'))).toEqual(
          is(400, CONTROL('comment')),
        );

        const reason = 'prod needs a cost centre first';
        const rejected = await reject(reason);
        expect(answer(rejected)).toEqual(is(200));
        expect(rejected.body.status).toBe('REJECTED');
        const seen = await ctx.client.get(sam, ids.toReject);
        expect(seen.body.events).toContainEqual(
          expect.objectContaining({
            actor: ada,
            action: 'rejected',
            comment: reason,
          }),
        );
      });

      it('lets the team ask again after a rejection and get a plan', async () => {
        const rejected = await ctx.client.get(sam, ids.toReject);
        expect(rejected.body.status).toBe('REJECTED');
        const { id } = await made(ctx, sam, reco('prod'));
        await drivePlans(ctx);
        const { status, plan, recordErrors } = (await ctx.client.get(sam, id))
          .body;
        expect({ status, plan: plan.status, recordErrors }).toEqual({
          status: 'PENDING_APPROVAL',
          plan: 'READY',
          recordErrors: undefined,
        });
      });

      // prettier-ignore
      it.each<[number, string, () => string, object, RegExp]>([
        [400, 'an unknown decision', () => ids.byDana, { decision: 'maybe' }, /^decision: /],
        [400, 'an unknown field', () => ids.byDana, { ...approve, force: true }, /^body: unknown field\(s\) force/],
        [400, 'an id that is no UUID', () => 'not-a-uuid', approve, /^id: not a request id/],
        [404, 'an unknown id', () => UNKNOWN_ID, approve, NOT_FOUND],
      ])('returns %i for %s', async (status, _, id, body, message) => {
        const res = await ctx.client.review(grace, id(), body);
        expect(answer(res)).toEqual(is(status, message));
      });

      it('returns 403 to a service principal', async () => {
        const route = `/requests/${ids.byDana}/review`;
        const res = await ctx.client.asServiceTo('post', route, approve);
        expect(answer(res)).toEqual(is(403, /service/));
      });

      // Last: nothing may drive the scheduler after the approval, or the
      // approved request would launch in the sandbox.
      it('lets an admin approve a ready plan once, then answers 409 naming APPROVED', async () => {
        const planned = await ctx.client.get(sam, ids.bySam);
        expect(planned.body.plan.status).toBe('READY');
        const approved = await ctx.client.review(ada, ids.bySam, approve);
        expect(answer(approved)).toEqual(is(200));
        expect(approved.body.status).toBe('APPROVED');
        const again = await ctx.client.review(grace, ids.bySam, approve);
        expect(answer(again)).toEqual(
          is(409, /is APPROVED; only PENDING_APPROVAL/),
        );
      });
    });

    describe('POST /requests/:id/cancel', () => {
      const ctx = useBackend();
      const ids = { byFrank: '', forDana: '', approved: '' };
      beforeAll(async () => {
        ids.byFrank = (await made(ctx, frank, fraud('prod'))).id;
        const forDana = fraud('test', { onBehalfOf: dana });
        ids.forDana = (await made(ctx, ada, forDana)).id;
        // Profiles need no approval here: approved at once, never pending.
        ids.approved = (await made(ctx, dana, profile)).id;
      });

      // prettier-ignore
      it.each<[string, number, string, keyof typeof ids, RegExp]>([
        ['another team member', 404, dana, 'byFrank', NOT_FOUND],
        ['someone of another team', 404, sam, 'byFrank', NOT_FOUND],
        ['an admin who did not ask', 403, ada, 'byFrank', NOT_ASKER],
        ['the person it is for, who did not ask', 403, dana, 'forDana', NOT_ASKER],
        ['the requester of an approved request', 409, dana, 'approved', /is APPROVED; only PENDING_APPROVAL requests can be cancelled/],
      ])('answers %s with %i', async (_, status, who, request, message) => {
        const res = await ctx.client.cancel(who, ids[request]);
        expect(answer(res)).toEqual(is(status, message));
      });

      it.each([
        ['a comment with NUL', { comment: 'bye\u0000' }, CONTROL('comment')],
        ['an unknown field', { reason: 'x' }, /unknown field\(s\) reason/],
      ])('returns 400 for %s', async (_, body, message) => {
        const res = await ctx.client.cancel(frank, ids.byFrank, body);
        expect(answer(res)).toEqual(is(400, message));
      });

      it('returns 403 to a service principal', async () => {
        const route = `/requests/${ids.byFrank}/cancel`;
        const res = await ctx.client.asServiceTo('post', route, {});
        expect(answer(res)).toEqual(is(403, /service/));
      });

      it('lets the requester cancel while pending, then answers 409 naming CANCELLED', async () => {
        const comment = 'not needed';
        const res = await ctx.client.cancel(frank, ids.byFrank, { comment });
        expect(answer(res)).toEqual(is(200));
        expect(res.body.status).toBe('CANCELLED');
        expect(res.body.events).toContainEqual(
          expect.objectContaining({
            actor: frank,
            action: 'cancelled',
            comment,
          }),
        );
        const again = await ctx.client.cancel(frank, ids.byFrank);
        expect(answer(again)).toEqual(
          is(409, /is CANCELLED; only PENDING_APPROVAL/),
        );
      });
    });

    describe('POST /requests, update and terminate', () => {
      // New profiles start on v1 so that there is an upgrade to ask for.
      const ctx = useBackend({
        userProfile: { requiresApproval: false, version: 'v1' },
      });
      const done = (id: string) =>
        driveUntil(ctx.backend, ada, id, ['SUCCEEDED', 'FAILED']);
      let ppId = '';
      beforeAll(async () => {
        const launched = await done((await made(ctx, dana, profile)).id);
        if (launched.status !== 'SUCCEEDED') {
          throw new Error(`Launching the profile: ${launched.status}`);
        }
        ppId = launched.provisionedProductId;
      }, 60_000);
      const dayTwo =
        (operation: string, extra: object = {}, product = 'userProfile') =>
        () => ({ product, operation, provisionedProductId: ppId, ...extra });
      const noId = { provisionedProductId: undefined };

      // prettier-ignore
      it.each<[number, string, string, () => object, RegExp]>([
        [404, 'a team member terminates her profile', frank, dayTwo('terminate'), NOT_YOURS],
        [404, 'a team member upgrades her profile', frank, dayTwo('update'), NOT_YOURS],
        [404, 'someone of another team terminates her profile', sam, dayTwo('terminate'), NOT_YOURS],
        [400, 'a team environment is to be updated', ada, dayTwo('update', {}, 'teamEnvironment'), /^operation: update is not offered for teamEnvironment/],
        [400, 'a terminate has no provisionedProductId', dana, dayTwo('terminate', noId), /^provisionedProductId: required for terminate/],
        [400, 'a terminate names a team', dana, dayTwo('terminate', { teamName: 'recommendations' }), /^teamName: not accepted for terminate/],
        [400, 'a terminate carries parameters', dana, dayTwo('terminate', { parameters: { EnvType: 'dev' } }), /^parameters\.EnvType: .* allowed: none/],
        [400, 'a terminate carries an inherited name as a parameter', dana, dayTwo('terminate', { parameters: { constructor: 'x' } }), /^parameters\.constructor: .* allowed: none/],
        [404, 'an admin names a product that does not exist', ada, dayTwo('terminate', { provisionedProductId: 'pp-doesnotexist' }), /^provisionedProductId: no product pp-doesnotexist/],
      ])('returns %i when %s', async (status, _, who, body, message) => {
        const res = await ctx.client.create(who, { idempotencyKey: key(), ...body() });
        expect(answer(res)).toEqual(is(status, message));
      });

      it('lets the owner upgrade her profile once, and an admin offboard it for her', async () => {
        const upgrade = await made(ctx, dana, dayTwo('update')());
        expect(upgrade).toMatchObject({
          requestedBy: dana,
          productVersion: 'v2',
        });
        expect(upgrade.requestedFor).toBeUndefined();
        expect((await done(upgrade.id)).status).toBe('SUCCEEDED');
        const body = { idempotencyKey: key(), ...dayTwo('update')() };
        const twice = await ctx.client.create(dana, body);
        expect(answer(twice)).toEqual(
          is(409, /already at version v2, the newest/),
        );

        const offboard = await made(ctx, ada, dayTwo('terminate')());
        expect(offboard).toMatchObject({
          requestedBy: ada,
          requestedFor: dana,
        });
        // Also leaves the sandbox as it was, for the next database.
        expect((await done(offboard.id)).status).toBe('SUCCEEDED');
      });
    });
  },
);
