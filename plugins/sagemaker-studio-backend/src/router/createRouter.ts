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

import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { SAGEMAKER_STUDIO_PRODUCT_KINDS } from '@internal/plugin-sagemaker-studio-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { SageMakerStudioService } from '../service/types';
import {
  SlidingWindowLimiter,
  TooManyRequestsError,
} from '../limits/SlidingWindowLimiter';
import { SageMakerStudioEntityService } from '../service/SageMakerStudioEntityService';
import { createEntityRoutes } from './entityRoutes';
import { createComplianceRoutes } from './complianceRoutes';
import { ComplianceService } from '../compliance/ComplianceService';
import { hasControlCharacters, parse, plain } from './validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const MAX_PARAMETERS = 32;

function text(max: number) {
  return z
    .string()
    .max(max)
    .refine(
      v => !hasControlCharacters(v, true),
      'must not contain control or bidi characters',
    );
}

const parameterKey = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9]{0,63}$/,
    'must be a CloudFormation parameter name',
  );

const createRequestBody = z
  .object({
    product: z.enum(SAGEMAKER_STUDIO_PRODUCT_KINDS),
    operation: z.enum(['provision', 'update', 'terminate']).optional(),
    teamName: plain(64).optional(),
    domainId: plain(64).optional(),
    parameters: z
      .record(parameterKey, plain(1024))
      .refine(
        p => Object.keys(p).length <= MAX_PARAMETERS,
        `at most ${MAX_PARAMETERS} parameters`,
      )
      .default({}),
    provisionedProductId: plain(64).optional(),
    onBehalfOf: plain(255).optional(),
    idempotencyKey: plain(200).pipe(z.string().min(1)),
    dryRun: z.boolean().optional(),
  })
  .strict();

const reviewBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: text(2000).optional(),
  })
  .strict();

const cancelBody = z.object({ comment: text(2000).optional() }).strict();

const listQuery = z
  .object({
    scope: z.enum(['mine', 'all']).default('mine'),
    status: z
      .enum([
        'PENDING_APPROVAL',
        'APPROVED',
        'PROVISIONING',
        'SUCCEEDED',
        'FAILED',
        'REJECTED',
        'CANCELLED',
      ])
      .optional(),
    cursor: plain(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();

/** What body-parser's errors say, without the raw body and the snippet of it they carry. */
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'body: not valid JSON'],
  'entity.too.large': [413, 'body: larger than 32 kB'],
  'charset.unsupported': [415, 'body: JSON must be UTF-8'],
  'encoding.unsupported': [415, 'body: unsupported Content-Encoding'],
};

/** Reads JSON bodies; an unreadable one is answered without echoing it. */
function jsonBody(): express.RequestHandler {
  const json = express.json({ limit: '32kb' });
  return (req, res, next) =>
    json(req, res, (error?: any) => {
      if (!error || typeof error.type !== 'string') {
        next(error);
        return;
      }
      const [statusCode, message] = BODY_ERRORS[error.type] ?? [
        typeof error.status === 'number' ? error.status : 400,
        'body: could not be read',
      ];
      if (statusCode === 400) {
        next(new InputError(message));
        return;
      }
      next(
        Object.assign(new Error(message), { name: 'BodyError', statusCode }),
      );
    });
}

function requestId(value: string): string {
  if (!UUID.test(value)) {
    throw new InputError('id: not a request id (a lower-case UUID)');
  }
  return value;
}

/** The plugin's REST API, mounted at /api/sagemaker-studio. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  service: SageMakerStudioService;
  /** Limits how many requests one person creates per window. */
  createLimiter: SlidingWindowLimiter;
  /** Serves the entity routes (`/entity/...`). */
  entityService: SageMakerStudioEntityService;
  /** Limits how many Studio URLs one person asks for per window. */
  openStudioLimiter: SlidingWindowLimiter;
  /** Serves the compliance routes (`/entity/.../compliance`, `/compliance/findings`). */
  complianceService?: ComplianceService;
}): Promise<express.Router> {
  const { httpAuth, service, createLimiter } = options;
  const router = Router();
  router.use(jsonBody());

  router.get('/domains', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await service.listDomains({ credentials }));
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const query = parse(listQuery, req.query, 'query');
    res.json(await service.listRequests({ credentials, query }));
  });

  router.post('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = parse(createRequestBody, req.body);
    if (body.dryRun) {
      res.json(await service.previewRequest({ credentials, body }));
      return;
    }
    try {
      createLimiter.take(credentials.principal.userEntityRef);
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.set('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
    const { request, created } = await service.createRequest({
      credentials,
      body,
    });
    res.status(created ? 201 : 200).json(request);
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = requestId(req.params.id);
    res.json(await service.getRequest({ credentials, id }));
  });

  router.post('/requests/:id/review', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = requestId(req.params.id);
    const review = parse(reviewBody, req.body);
    res.json(await service.reviewRequest({ credentials, id, review }));
  });

  router.post('/requests/:id/cancel', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const id = requestId(req.params.id);
    const { comment } = parse(cancelBody, req.body ?? {});
    res.json(await service.cancelRequest({ credentials, id, comment }));
  });

  router.use(
    createEntityRoutes({
      httpAuth,
      entityService: options.entityService,
      openStudioLimiter: options.openStudioLimiter,
    }),
  );

  if (options.complianceService) {
    router.use(
      createComplianceRoutes({
        httpAuth,
        complianceService: options.complianceService,
      }),
    );
  }

  return router;
}
