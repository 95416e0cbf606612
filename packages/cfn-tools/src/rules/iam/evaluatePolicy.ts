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
import type { PolicyStatement } from './policyStatements';

/**
 * A request as IAM sees it: the action, the resource, and the request
 * context. A context key that is missing from `context` is absent from the
 * request, which is what `Null` and `...IfExists` conditions test.
 *
 * @public
 */
export interface PolicyRequest {
  action: string;
  resource?: string;
  principal?: string;
  context?: Record<string, string[]>;
}

/** @public */
export type PolicyDecision = 'explicit-deny' | 'allow' | 'implicit-deny';

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** IAM glob matching: `*` any run of characters, `?` one character. */
export function globMatches(pattern: string, value: string, ignoreCase = false): boolean {
  const wildcards: Record<string, string> = { '*': '.*', '?': '.' };
  const source = pattern
    .split('')
    .map(char => wildcards[char] ?? escapeRegExp(char))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** IAM policy variables such as `${aws:PrincipalTag/TeamName}` (CloudFormation's own `${AWS::X}` are not). */
const POLICY_VARIABLE = /\$\{([a-z0-9-]+:[^}:][^}]*)\}/g;

function substitutePolicyVariables(
  value: string,
  context: Record<string, string[]>,
): string | undefined {
  let unresolved = false;
  const result = value.replace(POLICY_VARIABLE, (_, key: string) => {
    const found = lookupContext(context, key);
    if (!found || found.length !== 1) {
      unresolved = true;
      return '';
    }
    return found[0];
  });
  return unresolved ? undefined : result;
}

function lookupContext(context: Record<string, string[]>, key: string): string[] | undefined {
  const entry = Object.entries(context).find(([name]) => name.toLowerCase() === key.toLowerCase());
  return entry?.[1];
}

type ValueMatcher = (requestValue: string, policyValue: string) => boolean;

const BASE_OPERATORS: Record<string, { matches: ValueMatcher; negated: boolean }> = {
  StringEquals: { matches: (r, p) => r === p, negated: false },
  StringNotEquals: { matches: (r, p) => r === p, negated: true },
  StringEqualsIgnoreCase: { matches: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { matches: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: true },
  StringLike: { matches: (r, p) => globMatches(p, r), negated: false },
  StringNotLike: { matches: (r, p) => globMatches(p, r), negated: true },
  ArnEquals: { matches: (r, p) => r === p, negated: false },
  ArnNotEquals: { matches: (r, p) => r === p, negated: true },
  ArnLike: { matches: (r, p) => globMatches(p, r), negated: false },
  ArnNotLike: { matches: (r, p) => globMatches(p, r), negated: true },
  Bool: { matches: (r, p) => r.toLowerCase() === p.toLowerCase(), negated: false },
  NumericEquals: { matches: (r, p) => Number(r) === Number(p), negated: false },
  NumericNotEquals: { matches: (r, p) => Number(r) === Number(p), negated: true },
  NumericLessThan: { matches: (r, p) => Number(r) < Number(p), negated: false },
  NumericLessThanEquals: { matches: (r, p) => Number(r) <= Number(p), negated: false },
  NumericGreaterThan: { matches: (r, p) => Number(r) > Number(p), negated: false },
  NumericGreaterThanEquals: { matches: (r, p) => Number(r) >= Number(p), negated: false },
  IpAddress: { matches: (r, p) => r === p, negated: false },
  NotIpAddress: { matches: (r, p) => r === p, negated: true },
};

/**
 * Evaluates one condition operator and key against the request, following
 * the IAM rules for absent keys: `Null` tests presence; `...IfExists` is true
 * when absent; `ForAllValues` is true and `ForAnyValue` false when absent;
 * otherwise a positive operator is false and a negated one true.
 */
function conditionHolds(
  operatorName: string,
  key: string,
  policyValues: string[],
  context: Record<string, string[]>,
): boolean {
  const requestValues = lookupContext(context, key);
  const present = requestValues !== undefined && requestValues.length > 0;
  if (operatorName === 'Null') {
    const wantsAbsent = policyValues.some(v => v.toLowerCase() === 'true');
    return wantsAbsent ? !present : present;
  }
  let operator = operatorName;
  let qualifier: 'ForAllValues' | 'ForAnyValue' | undefined;
  const qualified = /^(ForAllValues|ForAnyValue):(.+)$/.exec(operator);
  if (qualified) {
    qualifier = qualified[1] as 'ForAllValues' | 'ForAnyValue';
    operator = qualified[2];
  }
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  const base = BASE_OPERATORS[operator];
  if (!base) {
    throw new Error(`unsupported condition operator ${operatorName}`);
  }
  if (!present) {
    if (ifExists) return true;
    if (qualifier === 'ForAllValues') return true;
    if (qualifier === 'ForAnyValue') return false;
    return base.negated;
  }
  const resolvedPolicyValues = policyValues
    .map(v => substitutePolicyVariables(v, context))
    .filter((v): v is string => v !== undefined);
  const matchesAny = (requestValue: string) =>
    resolvedPolicyValues.some(policyValue => base.matches(requestValue, policyValue));
  const holdsFor = (requestValue: string) =>
    base.negated ? !matchesAny(requestValue) : matchesAny(requestValue);
  if (qualifier === 'ForAllValues') return requestValues.every(holdsFor);
  if (qualifier === 'ForAnyValue') return requestValues.some(holdsFor);
  return base.negated ? requestValues.every(holdsFor) : requestValues.some(holdsFor);
}

function matchesAnyPattern(
  patterns: string[],
  value: string,
  context: Record<string, string[]>,
  ignoreCase: boolean,
): boolean {
  return patterns.some(pattern => {
    const resolved = substitutePolicyVariables(pattern, context);
    return resolved !== undefined && globMatches(resolved, value, ignoreCase);
  });
}

/**
 * Whether the statement applies to the request (its action, resource,
 * principal and conditions all match), regardless of its effect.
 *
 * @public
 */
export function statementApplies(statement: PolicyStatement, request: PolicyRequest): boolean {
  const context = request.context ?? {};
  if (statement.actions && !matchesAnyPattern(statement.actions, request.action, context, true)) return false;
  if (statement.notActions && matchesAnyPattern(statement.notActions, request.action, context, true)) return false;
  const resource = request.resource ?? '*';
  if (statement.resources && !matchesAnyPattern(statement.resources, resource, context, false)) return false;
  if (statement.notResources && matchesAnyPattern(statement.notResources, resource, context, false)) return false;
  if (statement.principals && request.principal !== undefined) {
    const anyone = statement.principals.includes('*');
    if (!anyone && !statement.principals.includes(request.principal)) return false;
  }
  return Object.entries(statement.conditions).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, values, context)),
  );
}

/**
 * The decision IAM reaches from these statements alone: an explicit deny
 * wins, then any allow, else the implicit deny.
 *
 * @public
 */
export function evaluatePolicy(statements: PolicyStatement[], request: PolicyRequest): PolicyDecision {
  const applicable = statements.filter(statement => statementApplies(statement, request));
  if (applicable.some(statement => statement.effect === 'Deny' && !statement.conditional)) return 'explicit-deny';
  if (applicable.some(statement => statement.effect === 'Allow')) return 'allow';
  return 'implicit-deny';
}

/** Whether an action pattern of a statement (e.g. `sagemaker:Create*`) covers the action. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.actions) return statement.actions.some(pattern => globMatches(pattern, action, true));
  if (statement.notActions) return !statement.notActions.some(pattern => globMatches(pattern, action, true));
  return false;
}

/** The statements that explicitly deny the request, for messages. */
export function denyingStatements(statements: PolicyStatement[], request: PolicyRequest): PolicyStatement[] {
  return statements.filter(statement => statement.effect === 'Deny' && !statement.conditional && statementApplies(statement, request));
}
