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
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  SlidingWindowLimiter,
  TooManyRequestsError,
} from '../limits/SlidingWindowLimiter';
import { SageMakerStudioEntityService } from '../service/SageMakerStudioEntityService';
import { entityRefOf } from './validation';

const openStudioBody = z
  .object({
    // SageMaker's own pattern for space names.
    spaceName: z
      .string()
      .regex(
        /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
        'must be a Studio space name',
      )
      .optional(),
    // Studio's landing URIs: `studio::` or `app:<AppType>:<path>`.
    landingUri: z
      .string()
      .max(1023)
      .regex(
        /^(studio::[\w\-./]*|app:[A-Za-z]+:[\w\-./]*)$/,
        'must be studio:: or app:<AppType>:<path>',
      )
      .optional(),
  })
  .strict();

/**
 * The entity-scoped routes, in the convention of the awslabs ECS plugin:
 * `GET /entity/:namespace/:kind/:name` and
 * `POST /entity/:namespace/:kind/:name/open-studio`.
 */
export function createEntityRoutes(options: {
  httpAuth: HttpAuthService;
  entityService: SageMakerStudioEntityService;
  /** Limits how many Studio URLs one person asks for per window. */
  openStudioLimiter: SlidingWindowLimiter;
}): express.Router {
  const { httpAuth, entityService, openStudioLimiter } = options;
  const router = Router();

  router.get('/entity/:namespace/:kind/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefOf(req.params);
    res.json(await entityService.getEntityStatus({ credentials, entityRef }));
  });

  router.post(
    '/entity/:namespace/:kind/:name/open-studio',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const entityRef = entityRefOf(req.params);
      const parsed = openStudioBody.safeParse(req.body ?? {});
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues
            .map(i =>
              i.code === 'unrecognized_keys'
                ? `body: unknown field(s) ${i.keys
                    .map(k => JSON.stringify(k))
                    .join(', ')}`
                : `${i.path.join('.') || 'body'}: ${i.message}`,
            )
            .join('; '),
        );
      }
      try {
        openStudioLimiter.take(credentials.principal.userEntityRef);
      } catch (error) {
        if (error instanceof TooManyRequestsError) {
          res.set('Retry-After', String(error.retryAfterSeconds));
        }
        throw error;
      }
      const answer = await entityService.openStudio({
        credentials,
        entityRef,
        ...parsed.data,
      });
      // A presigned URL must not be kept by the browser or a proxy.
      res.set('Cache-Control', 'no-store');
      res.json(answer);
    },
  );

  return router;
}
