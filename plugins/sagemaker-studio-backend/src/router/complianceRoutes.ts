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
import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ComplianceService } from '../compliance/ComplianceService';
import { hasControlCharacters } from './createRouter';

/** Catalog names, kinds and namespaces: letters, digits and `-_.`, at most 253. */
const ENTITY_PART = /^[A-Za-z0-9][A-Za-z0-9\-_.]{0,252}$/;

/** Text a filter may hold: no control or bidi characters (PostgreSQL refuses NUL with a 500). */
function plain(max: number) {
  return z
    .string()
    .max(max)
    .refine(
      v => !hasControlCharacters(v),
      'must not contain control or bidi characters',
    );
}

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

/** The text with every control or bidi character spelled out, for messages that quote input. */
function printable(value: string): string {
  let out = '';
  for (const char of value) {
    out += hasControlCharacters(char)
      ? `\\u{${char.codePointAt(0)!.toString(16)}}`
      : char;
  }
  return out;
}

function parseQuery(value: unknown): z.output<typeof findingsQuery> {
  const result = findingsQuery.safeParse(value);
  if (!result.success) {
    throw new InputError(
      printable(
        result.error.issues
          .map(issue =>
            issue.code === 'unrecognized_keys'
              ? `query: unknown field(s) ${issue.keys.join(', ')}`
              : `${issue.path.join('.') || 'query'}: ${issue.message}`,
          )
          .join('; '),
      ),
    );
  }
  return result.data;
}

function entityRefOf(params: Record<string, string>): CompoundEntityRef {
  const { namespace, kind, name } = params;
  for (const [field, value] of Object.entries({ namespace, kind, name })) {
    if (!ENTITY_PART.test(value)) {
      throw new InputError(`${field}: not a catalog entity ${field}`);
    }
  }
  return { kind, namespace, name };
}

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
    const query = parseQuery(req.query);
    res.json(await complianceService.findings({ credentials, query }));
  });

  return router;
}
