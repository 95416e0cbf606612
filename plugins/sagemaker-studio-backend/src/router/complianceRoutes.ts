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
  AuditorService,
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, isError, NotFoundError } from '@backstage/errors';
import { sageMakerStudioEstateReadPermission } from '@internal/plugin-sagemaker-studio-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ComplianceService } from '../compliance/ComplianceService';
import { requirePermission } from '../permissions/requirePermission';
import { entityRefOf, parse, plain } from './validation';

const findingsQuery = z
  .object({
    team: plain(64).pipe(z.string().min(1)).optional(),
    ruleId: z
      .string()
      .regex(
        /^[A-Z][A-Z0-9_]{0,63}$/,
        'must be a rule id, e.g. SAGEMAKER_VPC_REQUIRED',
      )
      .optional(),
    severity: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']).optional(),
    accountId: z
      .string()
      .regex(/^(\d{12}|default)$/, 'must be a 12-digit AWS account id')
      .optional(),
    region: z
      .string()
      .regex(
        /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/,
        'must be an AWS region, e.g. us-east-1',
      )
      .optional(),
    state: z.enum(['OPEN', 'RESOLVED']).optional(),
    cursor: plain(512).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .strict();

/**
 * The compliance routes: `GET /entity/:namespace/:kind/:name/compliance`
 * (a team's or a person's findings, for signed-in people the permission
 * allows) and `GET /compliance/findings` (the estate, for admins).
 * Service credentials are refused: both answers are views for people.
 */
export function createComplianceRoutes(options: {
  httpAuth: HttpAuthService;
  complianceService: ComplianceService;
}): express.Router {
  const { httpAuth, complianceService } = options;
  const router = Router();

  router.get('/entity/:namespace/:kind/:name/compliance', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = entityRefOf(req.params);
    res.json(
      await complianceService.entityCompliance({ credentials, entityRef }),
    );
  });

  router.get('/compliance/findings', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const query = parse(findingsQuery, req.query, 'query');
    res.json(await complianceService.findings({ credentials, query }));
  });

  return router;
}

/** The id of the scheduled compliance sweep. */
export const COMPLIANCE_SWEEP_TASK_ID = 'sagemaker-studio:compliance-sweep';

/** The answer when `sageMakerStudio.sweep.enabled` is false. */
export const SWEEP_DISABLED_MESSAGE =
  'The compliance sweep is turned off on this portal (sageMakerStudio.sweep.enabled: false); there is no sweep to start';

/** The answer when a sweep is running already. */
export const SWEEP_RUNNING_MESSAGE =
  'A compliance sweep is already running; its findings show here when it finishes';

/**
 * `POST /compliance/sweep`: an admin's "sweep now". Asks the scheduler to
 * run the compliance sweep at once (on whichever instance holds the task),
 * and answers 202 `{ triggered: true }` without waiting for it.
 *
 * Only people holding `sagemaker-studio.estate.read` outright (the admins)
 * may; everyone else gets 403, service credentials too. 409 when a sweep is
 * running, 404 when the sweep is turned off by config. Every attempt is an
 * auditor event, `compliance-sweep-trigger`.
 */
export function createComplianceSweepRoutes(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  scheduler: SchedulerService;
  /** `sageMakerStudio.sweep.enabled`: whether the sweep is scheduled at all. */
  sweepEnabled: boolean;
}): express.Router {
  const { httpAuth, permissions, auditor, scheduler, sweepEnabled } = options;
  const router = Router();

  router.post('/compliance/sweep', async (req, res) => {
    const auditEvent = await auditor.createEvent({
      eventId: 'compliance-sweep-trigger',
      severityLevel: 'medium',
      request: req,
      meta: { taskId: COMPLIANCE_SWEEP_TASK_ID },
    });
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await requirePermission({
        permissions,
        credentials,
        permission: sageMakerStudioEstateReadPermission,
      });
      if (!sweepEnabled) {
        throw new NotFoundError(SWEEP_DISABLED_MESSAGE);
      }
      try {
        await scheduler.triggerTask(COMPLIANCE_SWEEP_TASK_ID);
      } catch (error) {
        if (isError(error) && error.name === 'ConflictError') {
          throw new ConflictError(SWEEP_RUNNING_MESSAGE);
        }
        throw error;
      }
      await auditEvent.success();
      res.status(202).json({ triggered: true });
    } catch (error) {
      await auditEvent.fail({
        error: isError(error) ? error : new Error(String(error)),
      });
      throw error;
    }
  });

  return router;
}
