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
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  seedDemoEstate,
  seedPlatform,
  startSandbox,
  Sandbox,
} from '@internal/aws-sandbox';
import * as fc from 'fast-check';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import {
  PEOPLE,
  startStudioBackend,
  StudioTestBackend,
} from '../__testUtils__/studioTestBackend';
import { hasControlCharacters } from './validation';

// Issue 10, "Acceptance": a property-based fuzz of every route of the plugin,
// on both databases, as each kind of identity. Every answer is below 500, is
// JSON (with an error message from 400 on), carries no control or bidi
// character, and arrives within 2 s. The scheduler never runs here, so no
// generated request reaches Service Catalog: created requests only wait.
//
// Reproduce a failure with FUZZ_SEED=<seed> (printed on failure); scale the
// number of cases with FUZZ_SCALE (default 1).

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const TEMPLATES = path.resolve(__dirname, '../../../../cloudformation');
const BASE = '/api/sagemaker-studio';
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** A hang detector, not a performance figure: latencies are logged. */
const ANSWER_WITHIN_MS = 2000;
const NO_LIMITS = { requestsPerMinute: 10_000, pendingRequestsPerUser: 10_000 };

const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

// ---------------------------------------------------------------------------
// Who calls

interface Identity {
  name: string;
  header?: string;
}

const PEOPLE_CALLING: Identity[] = (
  ['dana', 'frank', 'sam', 'ada'] as const
).map(name => ({ name, header: mockCredentials.user.header(PEOPLE[name]) }));
const OTHERS_CALLING: Identity[] = [
  { name: 'service', header: mockCredentials.service.header() },
  { name: 'no token' },
  { name: 'forged token', header: mockCredentials.user.invalidHeader() },
];
const identity: fc.Arbitrary<Identity> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PEOPLE_CALLING) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS_CALLING) },
);

// ---------------------------------------------------------------------------
// Strings

const CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u001b[31m',
  '\u001b]8;;https://evil.example\u0007',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\r',
  '\n',
  '\t',
  '\r\n',
];
const UNICODE = [
  '\ud800',
  '\udfff',
  '\udc00x',
  '\ud83d',
  '😀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'é',
  'e\u0301',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\u2028',
  '\u2029',
  '𝕏',
  'İ',
  'ﬁ',
  '中文',
];
const INJECTIONS = [
  '"',
  "'",
  '\\',
  '`',
  '%00',
  '%',
  '%zz',
  '../',
  '..%2F',
  '..\\',
  '${x}',
  '{{x}}',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '; DROP TABLE sagemaker_studio_requests; --',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '-0',
  '0x1F',
  ' ',
  '',
];
const WORDS = [
  'dev',
  'test',
  'prod',
  'true',
  'false',
  'fraud-detection',
  'recommendations',
  'userProfile',
  'teamEnvironment',
  'studioDomain',
  'provision',
  'update',
  'terminate',
  'approve',
  'reject',
  'mine',
  'all',
  'PENDING_APPROVAL',
  'APPROVED',
  PEOPLE.dana,
  PEOPLE.sam,
  'user:default/nobody',
  'group:default/fraud-detection',
  'd-abc123',
  'pp-abc123',
  'ml.t3.medium',
  '120',
];

const piece = fc.oneof(
  fc.constantFrom(...CONTROLS),
  fc.constantFrom(...UNICODE),
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'binary-ascii', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

/** Strings that try every kind of character, length and look-alike. */
const nasty: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(piece, { maxLength: 5 }).map(p => p.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          20,
          21,
          63,
          64,
          65,
          200,
          201,
          255,
          256,
          513,
          1025,
          2001,
          5000,
        ),
        fc.constantFrom('a', 'é', '😀', '\u202e', '\u0000', '-'),
      )
      .map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
);

/** Any JSON value of the wrong kind, deep nesting included. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(nasty, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nasty, nasty, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 3000 }).map(depth => {
      let value: unknown = 'deep';
      for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
      return value;
    }),
  },
);

/** Percent-encodes every byte but the unreserved ones (a lone surrogate as U+FFFD, as browsers do). */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_~-]/.test(c)
      ? c
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// What the sandbox and the seeded requests hold, read at generation time

const known = {
  /** Ids of requests on the current backend. */
  ids: [] as string[],
  /** Cursors the API gave out. */
  cursors: [] as string[],
  /** Provisioned products of the demo estate. */
  products: [] as string[],
  domainId: 'd-unknown',
};
const pick = <T>(list: T[], i: number, fallback: T) =>
  list.length ? list[i % list.length] : fallback;

// ---------------------------------------------------------------------------
// Bodies

type Mutation = (value: Record<string, unknown>) => unknown;

/** A valid shape, then at most two mutations of it. */
function mutated(
  valid: fc.Arbitrary<Record<string, unknown>>,
  fields: string[],
): fc.Arbitrary<unknown> {
  const field = fc.constantFrom(
    ...fields,
    'role',
    'isAdmin',
    'status',
    'requestedBy',
    'id',
    '',
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.tuple(field, anyValue).map(
      ([k, v]): Mutation =>
        o => ({ ...o, [k]: v }),
    ),
    field.map(
      (k): Mutation =>
        o => {
          const { [k]: _dropped, ...rest } = o;
          return rest;
        },
    ),
    fc.tuple(nasty, anyValue).map(
      ([k, v]): Mutation =>
        o => ({ ...o, [k]: v }),
    ),
    fc.tuple(nasty, nasty).map(
      ([k, v]): Mutation =>
        o => ({ ...o, parameters: { ...(o.parameters as object), [k]: v } }),
    ),
    fc.constant<Mutation>(o => [o]),
    fc.constant<Mutation>(o => JSON.stringify(o)),
  );
  const mutations = fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }),
    },
  );
  return fc
    .tuple(valid, mutations)
    .map(([value, applied]) =>
      applied.reduce<unknown>(
        (acc, m) =>
          acc && typeof acc === 'object' && !Array.isArray(acc)
            ? m(acc as Record<string, unknown>)
            : acc,
        value,
      ),
    );
}

/** JSON text of a value, sometimes with a prototype-polluting key first. */
function jsonText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc
    .tuple(
      value,
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '"__proto__":{"isAdmin":true,"status":"APPROVED"}',
            '"constructor":{"prototype":{"isAdmin":true}}',
            '"parameters":{"__proto__":{"TeamName":"x"}}',
            '"__proto__":null',
          ),
        },
      ),
    )
    .map(([v, polluting]) => {
      const text = JSON.stringify(v) ?? 'null';
      if (!polluting || !text.startsWith('{')) return text;
      return text === '{}'
        ? `{${polluting}}`
        : `{${polluting},${text.slice(1)}`;
    });
}

interface Body {
  type?: string;
  encoding?: string;
  data: string | Buffer;
}

const RAW_TEXTS = [
  '',
  'null',
  'true',
  '1',
  '"x"',
  '[]',
  '{',
  '{"a":1,}',
  "{'a':1}",
  'NaN',
  '{"product":"userProfile"}garbage',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"comment":"\\u0000\\u202e"}',
  '{"a":1,"a":2}',
  '\u0000',
  '\u202e{}',
  '{"x":"\u001b[31m\u0085"',
];

/** Bodies that are not JSON, or not said to be. */
const odd: fc.Arbitrary<Body> = fc.record(
  {
    type: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset=bogus',
      'application/JSON',
      'application/vnd.api+json',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
      '',
      '*/*',
      'json',
      ';;;',
    ),
    encoding: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-bogus'),
    data: fc.oneof(
      fc.constantFrom(...RAW_TEXTS),
      nasty,
      fc
        .integer({ min: 1, max: 10_000 })
        .map(n => '['.repeat(n) + ']'.repeat(n)),
      fc.uint8Array({ maxLength: 64 }).map(b => Buffer.from(b)),
    ),
  },
  { requiredKeys: ['data'] },
);

/** A body: mostly JSON mutations of a valid shape, some raw and mislabelled ones, some none. */
function bodies(json: fc.Arbitrary<string>): fc.Arbitrary<Body | undefined> {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: json.map(data => ({ type: 'application/json', data })),
    },
    { weight: 2, arbitrary: odd },
    {
      weight: 1,
      arbitrary: fc.constant(Buffer.alloc(33 * 1024, 'x')).map(b => ({
        type: 'application/json',
        data: Buffer.concat([
          Buffer.from('{"parameters":{"EnvType":"'),
          b,
          Buffer.from('"}}'),
        ]),
      })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const createFields = [
  'product',
  'operation',
  'teamName',
  'domainId',
  'parameters',
  'provisionedProductId',
  'onBehalfOf',
  'idempotencyKey',
  'dryRun',
];
const envType = fc.constantFrom('dev', 'test', 'prod');
/** Bodies the policy accepts for someone (or nearly): these create requests. */
const plausibleCreate: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record(
    {
      product: fc.constant('teamEnvironment'),
      teamName: fc.constantFrom('fraud-detection', 'recommendations'),
      parameters: fc.record({ EnvType: envType }),
      idempotencyKey: fc.uuid(),
      dryRun: fc.boolean(),
    },
    { requiredKeys: ['product', 'teamName', 'idempotencyKey'] },
  ),
  fc.record(
    {
      product: fc.constant('userProfile'),
      teamName: fc.constantFrom('fraud-detection', 'recommendations'),
      parameters: fc.record(
        {
          EnvType: envType,
          RequireNetworkIsolation: fc.constantFrom('true', 'false'),
        },
        { requiredKeys: [] },
      ),
      domainId: fc.constant('d-known'),
      // Mostly for oneself; JSON leaves the undefined ones out.
      onBehalfOf: fc.constantFrom(
        ...[undefined, undefined, undefined, PEOPLE.dana, PEOPLE.frank],
      ),
      idempotencyKey: fc.uuid(),
      dryRun: fc.boolean(),
    },
    { requiredKeys: ['product', 'teamName', 'onBehalfOf', 'idempotencyKey'] },
  ),
  fc.record(
    {
      product: fc.constant('studioDomain'),
      parameters: fc.record(
        {
          StudioDomainName: fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
          DefaultInstanceType: fc.constantFrom('ml.t3.medium', 'ml.m5.large'),
          IdleTimeoutInMinutes: fc.constantFrom('60', '120', '525600'),
        },
        { requiredKeys: [] },
      ),
      idempotencyKey: fc.uuid(),
      dryRun: fc.boolean(),
    },
    { requiredKeys: ['product', 'idempotencyKey'] },
  ),
  fc.record(
    {
      product: fc.constantFrom('userProfile', 'teamEnvironment'),
      operation: fc.constantFrom('update', 'terminate'),
      provisionedProductId: fc.nat().map(i => `known:${i}`),
      idempotencyKey: fc.uuid(),
      dryRun: fc.boolean(),
    },
    { requiredKeys: ['product', 'operation', 'idempotencyKey'] },
  ),
);
const anyCreate = fc.record(
  {
    product: fc.constantFrom('userProfile', 'teamEnvironment', 'studioDomain'),
    operation: fc.constantFrom('provision', 'update', 'terminate'),
    teamName: fc.constantFrom(
      'fraud-detection',
      'recommendations',
      'no-such-team',
    ),
    domainId: fc.oneof(
      fc.constant('d-known'),
      fc.constantFrom('d-abc123', 'd-'),
    ),
    parameters: fc.dictionary(
      fc.constantFrom(
        'EnvType',
        'RequireNetworkIsolation',
        'StudioDomainName',
        'DefaultInstanceType',
        'IdleTimeoutInMinutes',
        'MaximumEbsVolumeSizeInGb',
        'TeamName',
        'InstanceType',
        'constructor',
        'toString',
      ),
      fc.constantFrom(
        'dev',
        'test',
        'prod',
        'true',
        'false',
        'fuzz-domain',
        'ml.t3.medium',
        '60',
        '525601',
        '5',
        '1e3',
        '',
      ),
      { maxKeys: 3 },
    ),
    provisionedProductId: fc.oneof(
      fc.nat().map(i => `known:${i}`),
      fc.constantFrom('pp-abc123', 'pp-doesnotexist', 'pp-'),
    ),
    onBehalfOf: fc.constantFrom(
      PEOPLE.dana,
      PEOPLE.frank,
      PEOPLE.pat,
      'user:default/nobody',
      'group:default/fraud-detection',
      'User:Default/Dana-Scientist',
      'dana-scientist',
      'user:',
    ),
    idempotencyKey: fc.oneof(
      fc.uuid(),
      fc.constantFrom('k1', 'k2', 'k'.repeat(200)),
    ),
    dryRun: fc.boolean(),
  },
  { requiredKeys: ['product', 'idempotencyKey'] },
);
/** Fills in what only the running sandbox knows. */
function withKnown(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const o = { ...(body as Record<string, unknown>) };
  if (o.domainId === 'd-known') o.domainId = known.domainId;
  if (typeof o.provisionedProductId === 'string') {
    const m = /^known:(\d+)$/.exec(o.provisionedProductId);
    if (m) o.provisionedProductId = pick(known.products, +m[1], 'pp-none');
  }
  return o;
}
const validCreate = fc.oneof(
  { weight: 3, arbitrary: plausibleCreate },
  { weight: 2, arbitrary: anyCreate },
);
const createBodies = bodies(
  jsonText(mutated(validCreate, createFields).map(withKnown)),
);

const comment = fc.oneof(
  fc.constantFrom('looks fine', '   ', '', 'line one\nline two\tand a tab'),
  nasty,
);
const reviewBodies = bodies(
  jsonText(
    mutated(
      fc.record(
        { decision: fc.constantFrom('approve', 'reject'), comment },
        { requiredKeys: ['decision'] },
      ),
      ['decision', 'comment'],
    ),
  ),
);
const cancelBodies = bodies(
  jsonText(mutated(fc.record({ comment }, { requiredKeys: [] }), ['comment'])),
);

// ---------------------------------------------------------------------------
// Ids and query strings (already URL-encoded)

const id: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map(i => pick(known.ids, i, 'none')) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.uuid().map(u => u.toUpperCase()) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.uuid(), fc.nat(36), piece)
      .map(([u, i, p]) => encode(u.slice(0, i) + p + u.slice(i + 1))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%00',
      '..%2F..%2Fdomains',
      '..%2f',
      '%2e%2e',
      '%2E%2E%2F%2E%2E%2Frequests',
      '%',
      '%zz',
      '%C0%AE%C0%AE',
      '%E2%80%AE',
      '%ff',
      'a%00b',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '%7Buuid%7D',
      'undefined',
      'null',
      '0',
      '-1',
      '1e309',
      '%5B%5D',
      '__proto__',
      'constructor',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 37, max: 6000 }).map(n => 'a'.repeat(n)),
  },
  {
    weight: 2,
    arbitrary: nasty.map(encode).filter(s => s.length > 0 && s.length <= 6000),
  },
);

const cursor = fc.oneof(
  fc.nat().map(i => pick(known.cursors, i, 'none')),
  fc
    .record({ c: anyValue, i: anyValue }, { requiredKeys: [] })
    .map(o => Buffer.from(JSON.stringify(o)).toString('base64url')),
  fc
    .tuple(
      fc.constantFrom(
        '2026-11-29T00:00:00.000Z',
        '1970-01-01T00:00:00Z',
        '-200000-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        'not a date',
      ),
      fc.oneof(fc.uuid(), nasty),
    )
    .map(([c, i]) =>
      Buffer.from(JSON.stringify({ c, i })).toString('base64url'),
    ),
  nasty.map(s => Buffer.from(s).toString('base64url')),
  nasty,
);
const queryKey = fc.oneof(
  fc.constantFrom(
    'scope',
    'status',
    'cursor',
    'limit',
    'scope[]',
    'status[]',
    'limit[]',
    'cursor[0]',
    'status[a]',
    'limit[a][b]',
    'scope[__proto__]',
    '__proto__',
    '__proto__[scope]',
    'constructor[prototype][x]',
    'owner',
    '',
  ),
  nasty.map(encode),
);
const queryValue = fc.oneof(
  fc
    .constantFrom(
      'mine',
      'all',
      'PENDING_APPROVAL',
      'APPROVED',
      'SUCCEEDED',
      'pending_approval',
      'bogus',
      '1',
      '2',
      '100',
      '101',
      '0',
      '-1',
      '1.5',
      '1e2',
      '0x10',
      'Infinity',
      'NaN',
      ' 5',
      '99999999999999999999',
      '',
    )
    .map(encode),
  nasty.map(encode),
  cursor.map(encode),
  fc.constantFrom('%', '%zz', '%00', '%E2%80%AE', '%C2%85', '&', '=', '[]'),
);
/**
 * Query strings with repeated keys (arrays), brackets (objects) and garbage;
 * kept under 8 kB, as Node answers longer heads itself (431) before Backstage.
 */
const query: fc.Arbitrary<string> = fc
  .array(fc.tuple(queryKey, queryValue, fc.boolean()), { maxLength: 6 })
  .map(pairs => pairs.map(([k, v, eq]) => (eq ? `${k}=${v}` : k)).join('&'))
  .filter(q => q.length <= 8000);

// ---------------------------------------------------------------------------
// Calling and judging

interface Call {
  route: string;
  who: Identity;
  method: 'get' | 'post';
  path: string;
  body?: Body;
}

interface Stats {
  latencies: number[];
  /** Answers per route, by status. */
  byRoute: Record<string, Record<number, number>>;
}

const describeCall = (call: Call) =>
  `${call.method.toUpperCase()} ${call.path} as ${call.who.name}${
    call.body
      ? ` with ${call.body.type ?? '(no type)'}${
          call.body.encoding ? ` ${call.body.encoding}` : ''
        } ${JSON.stringify(String(call.body.data).slice(0, 300))}`
      : ''
  }`;

/** The first string in a decoded answer that carries a control or bidi character. */
function controlIn(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return hasControlCharacters(value, true) ? value : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = controlIn(k) ?? controlIn(v);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

async function send(server: any, call: Call, stats: Stats) {
  let req = request(server)
    [call.method](`${BASE}${call.path}`)
    .timeout({ deadline: ANSWER_WITHIN_MS });
  if (call.who.header) req = req.set('Authorization', call.who.header);
  if (call.body) {
    if (call.body.type !== undefined) {
      req = req.set('Content-Type', call.body.type);
    }
    if (call.body.encoding) {
      req = req.set('Content-Encoding', call.body.encoding);
    }
    req = req.send(call.body.data as any);
  }
  const started = performance.now();
  let res: request.Response;
  try {
    res = await req;
  } catch (error: any) {
    if (error?.timeout) {
      throw new Error(
        `no answer within ${ANSWER_WITHIN_MS} ms to ${describeCall(call)}`,
      );
    }
    throw new Error(`${describeCall(call)} failed: ${error}`);
  }
  const ms = performance.now() - started;
  stats.latencies.push(ms);
  const statuses = (stats.byRoute[call.route] ??= {});
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  judge(call, res);
  return res;
}

/** Fails the property unless the answer is one the API may give. */
function judge(call: Call, res: request.Response) {
  const text = res.text ?? '';
  const what = () =>
    `${describeCall(call)}\n→ ${res.status} ${text.slice(0, 500)}`;
  if (res.status >= 500) {
    throw new Error(`server error: ${what()}`);
  }
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`the answer is not JSON: ${what()}`);
  }
  if (res.status >= 400) {
    const message = body?.error?.message;
    if (typeof message !== 'string' || message.trim() === '') {
      throw new Error(`an error without a message: ${what()}`);
    }
  }
  if (res.status === 429 && !/^[1-9]\d*$/.test(res.headers['retry-after'])) {
    throw new Error(`429 without Retry-After: ${what()}`);
  }
  const control = controlIn(body);
  if (control !== undefined) {
    throw new Error(
      `the answer carries a control character in ${JSON.stringify(
        control.slice(0, 200),
      )}: ${what()}`,
    );
  }
}

/** Runs a property with the fixed seed, naming the seed when it fails; the number of cases run. */
async function check(
  property: fc.IAsyncProperty<any>,
  numRuns: number,
): Promise<number> {
  const details = await fc.check(property, { seed: SEED, numRuns });
  if (details.failed) {
    throw new Error(
      `${String(details.errorInstance)}\n${fc.defaultReportMessage(
        details,
      )}\nReproduce with FUZZ_SEED=${SEED}`,
    );
  }
  return details.numRuns;
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

// ---------------------------------------------------------------------------

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ detectiveControl: false, delayMs: 0 });
  await seedPlatform(sandbox, { templatesDir: TEMPLATES });
  const estate = await seedDemoEstate(sandbox);
  known.domainId = estate.domainId;
  known.products = Object.values(estate.provisionedProducts);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe.each(databases.eachSupportedId())(
  'fuzz of every route on %p',
  (databaseId: TestDatabaseId) => {
    let backend: StudioTestBackend;
    const stats: Stats = { latencies: [], byRoute: {} };
    const call = (c: Call) => send(backend.server, c, stats);

    beforeAll(async () => {
      backend = await startStudioBackend({
        knex: await databases.init(databaseId),
        sandbox,
        settings: { limits: NO_LIMITS },
      });
      // Requests to read, review and cancel: pending, approved and for someone else.
      const seeds: Array<[keyof typeof PEOPLE, object]> = [
        [
          'dana',
          {
            product: 'teamEnvironment',
            teamName: 'fraud-detection',
            parameters: { EnvType: 'test' },
          },
        ],
        [
          'frank',
          {
            product: 'teamEnvironment',
            teamName: 'fraud-detection',
            parameters: { EnvType: 'prod' },
          },
        ],
        [
          'sam',
          {
            product: 'teamEnvironment',
            teamName: 'recommendations',
            parameters: { EnvType: 'test' },
          },
        ],
        [
          'ada',
          { product: 'studioDomain', parameters: { StudioDomainName: 'fuzz' } },
        ],
        [
          'ada',
          {
            product: 'teamEnvironment',
            teamName: 'recommendations',
            parameters: { EnvType: 'prod' },
            onBehalfOf: PEOPLE.dana,
          },
        ],
        ['dana', { product: 'userProfile', teamName: 'fraud-detection' }],
      ];
      known.ids = [];
      for (const [who, body] of seeds) {
        const res = await request(backend.server)
          .post(`${BASE}/requests`)
          .set('Authorization', mockCredentials.user.header(PEOPLE[who]))
          .send({ ...body, idempotencyKey: `seed-${who}-${known.ids.length}` });
        if (res.status !== 201) {
          throw new Error(`seeding: ${res.status} ${res.text}`);
        }
        known.ids.push(res.body.id);
      }
      const page = await request(backend.server)
        .get(`${BASE}/requests?scope=all&limit=1`)
        .set('Authorization', mockCredentials.user.header(PEOPLE.ada));
      known.cursors = page.body.nextCursor ? [page.body.nextCursor] : [];
    }, 60_000);

    afterAll(async () => {
      await backend?.stop();
      const { latencies, byRoute } = stats;
      // eslint-disable-next-line no-console
      console.log(
        [
          `fuzz on ${databaseId}: ${latencies.length} requests`,
          ...Object.entries(byRoute).map(
            ([route, statuses]) =>
              `  ${route}: ${Object.values(statuses).reduce(
                (a, b) => a + b,
              )} (${Object.entries(statuses)
                .map(([status, n]) => `${status}×${n}`)
                .join(', ')})`,
          ),
          `latency max ${Math.max(...latencies).toFixed(
            1,
          )} ms, p95 ${percentile(latencies, 0.95).toFixed(
            1,
          )} ms, p50 ${percentile(latencies, 0.5).toFixed(1)} ms`,
        ].join('\n'),
      );
    });

    it('GET /domains', async () => {
      const cases = runs(150);
      const ran = await check(
        fc.asyncProperty(identity, query, async (who, q) => {
          await call({
            route: 'GET /domains',
            who,
            method: 'get',
            path: `/domains${q ? `?${q}` : ''}`,
          });
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    it('POST /requests (dry runs included)', async () => {
      const cases = runs(800);
      const ran = await check(
        fc.asyncProperty(identity, createBodies, async (who, body) => {
          const res = await call({
            route: 'POST /requests',
            who,
            method: 'post',
            path: '/requests',
            body,
          });
          if (res.status === 201) known.ids.push(res.body.id);
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    it('GET /requests', async () => {
      const cases = runs(450);
      const ran = await check(
        fc.asyncProperty(identity, query, async (who, q) => {
          const res = await call({
            route: 'GET /requests',
            who,
            method: 'get',
            path: `/requests${q ? `?${q}` : ''}`,
          });
          if (res.body?.nextCursor && known.cursors.length < 50) {
            known.cursors.push(res.body.nextCursor);
          }
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    it('GET /requests/:id', async () => {
      const cases = runs(450);
      const ran = await check(
        fc.asyncProperty(identity, id, query, async (who, i, q) => {
          await call({
            route: 'GET /requests/:id',
            who,
            method: 'get',
            path: `/requests/${i}${q ? `?${q}` : ''}`,
          });
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    it('POST /requests/:id/review', async () => {
      const cases = runs(450);
      const ran = await check(
        fc.asyncProperty(identity, id, reviewBodies, async (who, i, body) => {
          await call({
            route: 'POST /requests/:id/review',
            who,
            method: 'post',
            path: `/requests/${i}/review`,
            body,
          });
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    it('POST /requests/:id/cancel', async () => {
      const cases = runs(450);
      const ran = await check(
        fc.asyncProperty(identity, id, cancelBodies, async (who, i, body) => {
          await call({
            route: 'POST /requests/:id/cancel',
            who,
            method: 'post',
            path: `/requests/${i}/cancel`,
            body,
          });
        }),
        cases,
      );
      expect(ran).toBe(cases);
    }, 60_000);

    describe('answers the fuzz once got wrong', () => {
      const dana: Identity = PEOPLE_CALLING[0];
      const post = (route: string, where: string, body: Body) =>
        call({ route, who: dana, method: 'post', path: where, body });
      const json = (value: unknown): Body => ({
        type: 'application/json',
        data: JSON.stringify(value),
      });

      // Zod's messages quoted field names back with their control characters.
      it.each<[string, () => Promise<request.Response>, RegExp]>([
        [
          'a parameter named NUL',
          () =>
            post(
              'POST /requests',
              '/requests',
              json({
                product: 'userProfile',
                idempotencyKey: 'k',
                parameters: { '\u0000': '' },
              }),
            ),
          /^parameters\.\\u\{0\}: must be a CloudFormation parameter name$/,
        ],
        [
          'a query field named NUL',
          () =>
            call({
              route: 'GET /requests',
              who: dana,
              method: 'get',
              path: '/requests?%00',
            }),
          /^query: unknown field\(s\) \\u\{0\}$/,
        ],
        [
          'an unknown field with a bidi override and an ANSI escape',
          () =>
            post(
              'POST /requests/:id/cancel',
              `/requests/${known.ids[0]}/cancel`,
              json({ '\u202eevil\u001b[31m': 'x' }),
            ),
          /^body: unknown field\(s\) \\u\{202e\}evil\\u\{1b\}\[31m$/,
        ],
      ])('spells out the control characters of %s', async (_, ask, message) => {
        const res = await ask();
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      });

      // body-parser's errors carried the raw body and a snippet of it.
      it.each<[string, Body, number, string]>([
        [
          'a JSON string, not an object, with a right-to-left mark',
          json('{"decision":"approve","":"\u200f"}'),
          400,
          'body: not valid JSON',
        ],
        [
          'a body that is no JSON, starting with a bidi override',
          { type: 'application/json', data: '\u202e{}' },
          400,
          'body: not valid JSON',
        ],
        [
          'a charset other than UTF-8',
          { type: 'application/json; charset=latin1', data: '{}' },
          415,
          'body: JSON must be UTF-8',
        ],
        [
          'a body over 32 kB',
          json({ comment: 'x'.repeat(33 * 1024) }),
          413,
          'body: larger than 32 kB',
        ],
      ])('answers %s without echoing it', async (_, body, status, message) => {
        const res = await post(
          'POST /requests/:id/review',
          `/requests/${known.ids[0]}/review`,
          body,
        );
        expect(res.status).toBe(status);
        expect(res.body.error).toEqual({
          name: expect.any(String),
          message,
          ...(status === 400 ? {} : { statusCode: status }),
        });
      });
    });

    describe('with the default abuse limits', () => {
      let limited: StudioTestBackend;
      beforeAll(async () => {
        limited = await startStudioBackend({
          knex: await databases.init(databaseId),
          sandbox,
        });
      }, 30_000);
      afterAll(() => limited?.stop());

      it('answers 429 with Retry-After once someone creates too many requests', async () => {
        const seen: number[] = [];
        await check(
          fc.asyncProperty(
            fc.constantFrom(...PEOPLE_CALLING),
            fc.array(
              fc.oneof(
                { weight: 1, arbitrary: createBodies },
                {
                  weight: 2,
                  arbitrary: plausibleCreate.map(body => ({
                    type: 'application/json',
                    data: JSON.stringify(withKnown({ ...body, dryRun: false })),
                  })),
                },
              ),
              { minLength: 1, maxLength: 8 },
            ),
            async (who, list) => {
              for (const body of list) {
                const res = await send(
                  limited.server,
                  {
                    route: 'POST /requests (default limits)',
                    who,
                    method: 'post',
                    path: '/requests',
                    body,
                  },
                  stats,
                );
                seen.push(res.status);
              }
            },
          ),
          runs(40),
        );
        // judge() already failed any 429 without a Retry-After.
        expect(seen).toContain(429);
      }, 60_000);
    });
  },
);
