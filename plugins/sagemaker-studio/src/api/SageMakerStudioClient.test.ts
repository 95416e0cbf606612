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

import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SageMakerStudioClient } from './SageMakerStudioClient';

const base = 'http://backend/api/sagemaker-studio';

const server = setupServer();
registerMswTestHooks(server);

const api = new SageMakerStudioClient({
  discoveryApi: {
    getBaseUrl: async plugin => `http://backend/api/${plugin}`,
  },
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});

/** The error body the Backstage root router produces. */
function errorBody(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

const request = {
  id: '6f1c0a52-5ad6-4b0c-9a4a-1f9f3c1d2e3f',
  product: 'teamEnvironment',
  status: 'PENDING_APPROVAL',
};

describe('SageMakerStudioClient', () => {
  it('reads domains from the backend plugin', async () => {
    server.use(
      http.get(`${base}/domains`, () =>
        HttpResponse.json({ items: [{ domainId: 'd-1' }], errors: [] }),
      ),
    );
    await expect(api.listDomains()).resolves.toEqual({
      items: [{ domainId: 'd-1' }],
      errors: [],
    });
  });

  describe('listRequests', () => {
    it('sends scope, status, cursor and limit as encoded query values and returns the page', async () => {
      let seen: URL | undefined;
      server.use(
        http.get(`${base}/requests`, ({ request: req }) => {
          seen = new URL(req.url);
          return HttpResponse.json({ items: [request], nextCursor: 'c&2' });
        }),
      );
      const page = await api.listRequests({
        scope: 'all',
        status: 'PENDING_APPROVAL',
        cursor: 'a+b/c=&d',
        limit: 10,
      });
      expect(page).toEqual({ items: [request], nextCursor: 'c&2' });
      expect(seen?.search).toBe(
        '?scope=all&status=PENDING_APPROVAL&cursor=a%2Bb%2Fc%3D%26d&limit=10',
      );
      expect(seen?.searchParams.get('cursor')).toBe('a+b/c=&d');
    });

    it('leaves out the filters that were not given', async () => {
      let seen: URL | undefined;
      server.use(
        http.get(`${base}/requests`, ({ request: req }) => {
          seen = new URL(req.url);
          return HttpResponse.json({ items: [] });
        }),
      );
      await expect(api.listRequests({ scope: 'mine' })).resolves.toEqual({
        items: [],
      });
      expect(seen?.search).toBe('?scope=mine');
    });

    it('keeps the structured error of a 403 for a non-admin asking for all', async () => {
      server.use(
        http.get(`${base}/requests`, () =>
          errorBody(
            403,
            'NotAllowedError',
            'Only admins may list all requests',
          ),
        ),
      );
      const error = await api.listRequests({ scope: 'all' }).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.body.error.message).toBe(
        'Only admins may list all requests',
      );
    });

    it('throws a ResponseError on a 500', async () => {
      server.use(
        http.get(`${base}/requests`, () =>
          errorBody(500, 'Error', 'database is gone'),
        ),
      );
      const error = await api.listRequests({ scope: 'mine' }).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(500);
      expect(error.body.error.message).toBe('database is gone');
    });
  });

  describe('getRequest', () => {
    it('reads one request by its encoded id', async () => {
      let path = '';
      server.use(
        http.get(`${base}/requests/:id`, ({ request: req }) => {
          path = new URL(req.url).pathname;
          return HttpResponse.json(request);
        }),
      );
      await expect(api.getRequest('a/b c')).resolves.toEqual(request);
      expect(path).toBe('/api/sagemaker-studio/requests/a%2Fb%20c');
    });

    it('throws a ResponseError carrying the 404', async () => {
      server.use(
        http.get(`${base}/requests/:id`, () =>
          errorBody(404, 'NotFoundError', 'No request req-9'),
        ),
      );
      const error = await api.getRequest('req-9').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
      expect(error.body.error.name).toBe('NotFoundError');
    });
  });

  describe('reviewRequest', () => {
    it('posts the decision as JSON to the encoded id and returns the request', async () => {
      let path = '';
      let body: unknown;
      server.use(
        http.post(`${base}/requests/:id/review`, async ({ request: req }) => {
          path = new URL(req.url).pathname;
          body = await req.json();
          return HttpResponse.json({ ...request, status: 'REJECTED' });
        }),
      );
      const reviewed = await api.reviewRequest('a/b', {
        decision: 'reject',
        comment: 'no',
      });
      expect(reviewed.status).toBe('REJECTED');
      expect(path).toBe('/api/sagemaker-studio/requests/a%2Fb/review');
      expect(body).toEqual({ decision: 'reject', comment: 'no' });
    });

    it('keeps the backend message of a 409 for a request that is no longer pending', async () => {
      server.use(
        http.post(`${base}/requests/:id/review`, () =>
          errorBody(
            409,
            'ConflictError',
            'Request req-1 is APPROVED; only PENDING_APPROVAL requests can be reviewed',
          ),
        ),
      );
      const error = await api
        .reviewRequest('req-1', { decision: 'approve' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
      expect(error.body.error.message).toMatch(/is APPROVED/);
    });

    it('throws a ResponseError on a 404', async () => {
      server.use(
        http.post(`${base}/requests/:id/review`, () =>
          errorBody(404, 'NotFoundError', 'No request req-9'),
        ),
      );
      const error = await api
        .reviewRequest('req-9', { decision: 'approve' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
    });
  });

  describe('cancelRequest', () => {
    it('posts the optional comment to the encoded id', async () => {
      let path = '';
      let body: unknown;
      server.use(
        http.post(`${base}/requests/:id/cancel`, async ({ request: req }) => {
          path = new URL(req.url).pathname;
          body = await req.json();
          return HttpResponse.json({ ...request, status: 'CANCELLED' });
        }),
      );
      const cancelled = await api.cancelRequest('req 1', {
        comment: 'asked twice',
      });
      expect(cancelled.status).toBe('CANCELLED');
      expect(path).toBe('/api/sagemaker-studio/requests/req%201/cancel');
      expect(body).toEqual({ comment: 'asked twice' });
    });

    it('throws a ResponseError carrying the 409 of a request that is no longer pending', async () => {
      server.use(
        http.post(`${base}/requests/:id/cancel`, () =>
          errorBody(
            409,
            'ConflictError',
            'Request req-1 is PROVISIONING; only PENDING_APPROVAL requests can be cancelled',
          ),
        ),
      );
      const error = await api.cancelRequest('req-1', {}).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(409);
      expect(error.body.error.message).toMatch(/is PROVISIONING/);
    });

    it('throws a ResponseError on a 500', async () => {
      server.use(
        http.post(`${base}/requests/:id/cancel`, () =>
          errorBody(500, 'Error', 'boom'),
        ),
      );
      const error = await api.cancelRequest('req-1', {}).catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(500);
    });
  });

  describe('getEntityStatus', () => {
    const status = {
      entityRef: 'user:default/dana-scientist',
      domains: [],
      teamEnvironments: [],
      userProfiles: [],
      errors: [
        {
          source: '111111111111/eu-west-1',
          errorType: 'THROTTLED',
          message: 'x',
        },
      ],
    };

    it('reads the status of an entity by its namespace, kind and name, each encoded', async () => {
      let path = '';
      server.use(
        http.get(
          `${base}/entity/:namespace/:kind/:name`,
          ({ request: req }) => {
            path = new URL(req.url).pathname;
            return HttpResponse.json(status);
          },
        ),
      );
      await expect(
        api.getEntityStatus('resource:my ns/a/b#c'),
      ).resolves.toEqual(status);
      expect(path).toBe(
        '/api/sagemaker-studio/entity/my%20ns/resource/a%2Fb%23c',
      );
    });

    it('throws a ResponseError carrying the 403 when the caller may not see the entity', async () => {
      server.use(
        http.get(`${base}/entity/:namespace/:kind/:name`, () =>
          errorBody(403, 'NotAllowedError', 'You may not see this entity'),
        ),
      );
      const error = await api
        .getEntityStatus('user:default/dana-scientist')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.body.error.message).toBe('You may not see this entity');
    });

    it('throws a ResponseError carrying the 404 of an unknown entity', async () => {
      server.use(
        http.get(`${base}/entity/:namespace/:kind/:name`, () =>
          errorBody(404, 'NotFoundError', 'No entity user:default/nobody'),
        ),
      );
      const error = await api
        .getEntityStatus('user:default/nobody')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
    });

    it('throws a ResponseError on a 500', async () => {
      server.use(
        http.get(`${base}/entity/:namespace/:kind/:name`, () =>
          errorBody(500, 'Error', 'boom'),
        ),
      );
      const error = await api
        .getEntityStatus('group:default/fraud-detection')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(500);
    });
  });

  describe('openStudio', () => {
    const openPath = `${base}/entity/:namespace/:kind/:name/open-studio`;

    it('posts to the encoded open-studio route with the space and returns the URL', async () => {
      let path = '';
      let body: unknown;
      server.use(
        http.post(openPath, async ({ request: req }) => {
          path = new URL(req.url).pathname;
          body = await req.json();
          return HttpResponse.json({
            url: 'https://studio.example/auth?token=t',
            expiresAt: '2026-11-26T10:05:00.000Z',
          });
        }),
      );
      await expect(
        api.openStudio('resource:default/dana-scientist-user-profile', {
          spaceName: 'my space',
        }),
      ).resolves.toEqual({
        url: 'https://studio.example/auth?token=t',
        expiresAt: '2026-11-26T10:05:00.000Z',
      });
      expect(path).toBe(
        '/api/sagemaker-studio/entity/default/resource/dana-scientist-user-profile/open-studio',
      );
      expect(body).toEqual({ spaceName: 'my space' });
    });

    it('sends an empty body without a space', async () => {
      let body: unknown;
      server.use(
        http.post(openPath, async ({ request: req }) => {
          body = await req.json();
          return HttpResponse.json({ url: 'u', expiresAt: 'e' });
        }),
      );
      await api.openStudio('user:default/dana-scientist');
      expect(body).toEqual({});
    });

    it.each([
      [403, 'NotAllowedError', 'Only the owner of this profile may open it'],
      [
        409,
        'ConflictError',
        'Profile dana-scientist is Pending, not InService',
      ],
      [500, 'Error', 'boom'],
    ])(
      'throws a ResponseError carrying the %s and its message',
      async (code, name, message) => {
        server.use(http.post(openPath, () => errorBody(code, name, message)));
        const error = await api
          .openStudio('user:default/dana-scientist')
          .catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(code);
        expect(error.body.error.message).toBe(message);
      },
    );

    it('throws a ResponseError carrying the 429 and its Retry-After', async () => {
      server.use(
        http.post(openPath, () =>
          HttpResponse.json(
            {
              error: {
                name: 'TooManyRequestsError',
                message: 'Try again in 30 s',
              },
              response: { statusCode: 429 },
            },
            { status: 429, headers: { 'Retry-After': '30' } },
          ),
        ),
      );
      const error = await api
        .openStudio('user:default/dana-scientist')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(429);
      expect(error.response.headers.get('Retry-After')).toBe('30');
      expect(error.body.error.message).toBe('Try again in 30 s');
    });
  });
  describe('getEntityCompliance', () => {
    const compliance = {
      teams: ['fraud-detection'],
      summary: {
        score: 90,
        evaluatedResources: 10,
        openBySeverity: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0 },
      },
      findings: [],
      recentActions: [],
      history: [],
    };

    it('reads the compliance of an entity by its namespace, kind and name, each encoded', async () => {
      let seen: string | undefined;
      server.use(
        http.get(
          `${base}/entity/:namespace/:kind/:name/compliance`,
          ({ request: req }) => {
            seen = new URL(req.url).pathname;
            return HttpResponse.json(compliance);
          },
        ),
      );
      await expect(
        api.getEntityCompliance('group:team ns/fraud#detection'),
      ).resolves.toEqual(compliance);
      expect(seen).toBe(
        '/api/sagemaker-studio/entity/team%20ns/group/fraud%23detection/compliance',
      );
    });

    it('throws a ResponseError carrying the 403 when the caller may not see the team', async () => {
      server.use(
        http.get(`${base}/entity/default/group/payments/compliance`, () =>
          errorBody(403, 'NotAllowedError', 'Not your team'),
        ),
      );
      const error = await api
        .getEntityCompliance('group:default/payments')
        .catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(403);
      expect(error.body.error.message).toBe('Not your team');
    });

    it('throws a ResponseError carrying the 404 of an unknown entity', async () => {
      server.use(
        http.get(`${base}/entity/default/group/nobody/compliance`, () =>
          errorBody(404, 'NotFoundError', 'No such entity'),
        ),
      );
      const error = await api
        .getEntityCompliance('group:default/nobody')
        .catch(e => e);
      expect(error.statusCode).toBe(404);
    });
  });

  describe('listComplianceFindings', () => {
    const page = {
      items: [],
      summary: {
        score: null,
        evaluatedResources: 0,
        openBySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 },
      },
      history: [],
      facets: { teams: [], ruleIds: [], accounts: [], regions: [] },
    };

    it('sends every given filter, the cursor and the limit as encoded query values', async () => {
      let seen: URL | undefined;
      server.use(
        http.get(`${base}/compliance/findings`, ({ request: req }) => {
          seen = new URL(req.url);
          return HttpResponse.json(page);
        }),
      );
      await expect(
        api.listComplianceFindings({
          team: 'fraud detection',
          ruleId: 'SAGEMAKER_VPC_REQUIRED',
          severity: 'HIGH',
          accountId: '111111111111',
          region: 'eu-west-1',
          state: 'OPEN',
          cursor: 'a+b/c=&d',
          limit: 25,
        }),
      ).resolves.toEqual(page);
      expect(seen?.search).toBe(
        '?team=fraud+detection&ruleId=SAGEMAKER_VPC_REQUIRED&severity=HIGH&accountId=111111111111&region=eu-west-1&state=OPEN&cursor=a%2Bb%2Fc%3D%26d&limit=25',
      );
    });

    it('leaves out the filters that were not given', async () => {
      let seen: URL | undefined;
      server.use(
        http.get(`${base}/compliance/findings`, ({ request: req }) => {
          seen = new URL(req.url);
          return HttpResponse.json(page);
        }),
      );
      await api.listComplianceFindings({ severity: 'LOW', team: undefined });
      expect(seen?.search).toBe('?severity=LOW');
    });

    it('keeps the structured error of a 403 for a non-admin', async () => {
      server.use(
        http.get(`${base}/compliance/findings`, () =>
          errorBody(403, 'NotAllowedError', 'Admins only'),
        ),
      );
      const error = await api.listComplianceFindings({}).catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(403);
      expect(error.body.error.message).toBe('Admins only');
    });

    it('throws a ResponseError on a 500', async () => {
      server.use(
        http.get(`${base}/compliance/findings`, () =>
          errorBody(500, 'Error', 'boom'),
        ),
      );
      const error = await api.listComplianceFindings({}).catch(e => e);
      expect(error.statusCode).toBe(500);
    });
  });

  describe('triggerComplianceSweep', () => {
    it('posts to /compliance/sweep and returns the answer', async () => {
      let method: string | undefined;
      server.use(
        http.post(`${base}/compliance/sweep`, ({ request: req }) => {
          method = req.method;
          return HttpResponse.json({ triggered: true }, { status: 202 });
        }),
      );
      await expect(api.triggerComplianceSweep()).resolves.toEqual({
        triggered: true,
      });
      expect(method).toBe('POST');
    });

    it('keeps the structured error of a 409 while a sweep runs', async () => {
      server.use(
        http.post(`${base}/compliance/sweep`, () =>
          errorBody(
            409,
            'ConflictError',
            'A compliance sweep is already running',
          ),
        ),
      );
      const error = await api.triggerComplianceSweep().catch(e => e);
      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(409);
      expect(error.body.error.message).toBe(
        'A compliance sweep is already running',
      );
    });
  });
});
