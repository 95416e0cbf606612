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

const createRequestBody = z.object({
  product: z.enum(SAGEMAKER_STUDIO_PRODUCT_KINDS),
  teamName: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{1,30}$/,
      'must be 2-31 lower-case letters, digits or dashes, starting with a letter',
    )
    .optional(),
  parameters: z.record(z.string().max(2048)),
  idempotencyKey: z.string().min(1).max(200),
});

const reviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(2000).optional(),
});

const listQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
});

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues
      .map(issue => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new InputError(message);
  }
  return result.data;
}

/** The plugin's REST API, mounted at /api/sagemaker-studio. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  service: SageMakerStudioService;
}): Promise<express.Router> {
  const { httpAuth, service } = options;
  const router = Router();
  router.use(express.json());

  router.get('/domains', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await service.listDomains({ credentials }));
  });

  router.get('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { scope } = parse(listQuery, req.query);
    res.json({ items: await service.listRequests({ credentials, scope }) });
  });

  router.post('/requests', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const input = parse(createRequestBody, req.body);
    const { request, created } = await service.createRequest({
      credentials,
      input,
    });
    res.status(created ? 201 : 200).json(request);
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await service.getRequest({ credentials, id: req.params.id }));
  });

  router.post('/requests/:id/review', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const review = parse(reviewBody, req.body);
    res.json(
      await service.reviewRequest({ credentials, id: req.params.id, review }),
    );
  });

  return router;
}
