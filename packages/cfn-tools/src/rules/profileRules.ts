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
import type { ParsedTemplate, TemplateSet } from '../template/types';
import { evaluatePolicy, PolicyDecision, statementCoversAction } from './iam/evaluatePolicy';
import type { PolicyStatement } from './iam/policyStatements';
import { executionRoleId, roleStatements } from './iam/templatePolicies';
import { templatesMatching, USER_PROFILE_V1_FILE, USER_PROFILE_V2_FILE, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

const SUBNETS = 'sagemaker:VpcSubnets';
const SECURITY_GROUPS = 'sagemaker:VpcSecurityGroupIds';
const VOLUME_KEY = 'sagemaker:VolumeKmsKey';
const OUTPUT_KEY = 'sagemaker:OutputKmsKey';
const ICE = 'sagemaker:InterContainerTrafficEncryption';

const RESOURCE_TYPES: Record<string, string> = {
  CreateTrainingJob: 'training-job',
  CreateProcessingJob: 'processing-job',
  CreateHyperParameterTuningJob: 'hyper-parameter-tuning-job',
  CreateAutoMLJob: 'automl-job',
  CreateAutoMLJobV2: 'automl-job',
  CreateTransformJob: 'transform-job',
  CreateModel: 'model',
  CreateEndpointConfig: 'endpoint-config',
  CreateNotebookInstance: 'notebook-instance',
  UpdateNotebookInstance: 'notebook-instance',
};

const VPC_ACTIONS = ['CreateTrainingJob', 'CreateProcessingJob', 'CreateHyperParameterTuningJob', 'CreateAutoMLJob', 'CreateAutoMLJobV2', 'CreateModel'];
const KEY_ACTIONS = ['CreateTrainingJob', 'CreateProcessingJob', 'CreateHyperParameterTuningJob', 'CreateTransformJob', 'CreateAutoMLJob', 'CreateAutoMLJobV2'];
const ICE_ACTIONS = ['CreateTrainingJob', 'CreateProcessingJob', 'CreateHyperParameterTuningJob', 'CreateAutoMLJob', 'CreateAutoMLJobV2'];
const NOTEBOOK_ACTIONS = ['CreateNotebookInstance', 'UpdateNotebookInstance', 'StartNotebookInstance', 'CreatePresignedNotebookInstanceUrl'];

type Context = Record<string, string[]>;

/** The execution role's statements and the values its conditions approve. */
interface ProfilePolicy {
  template: ParsedTemplate;
  roleId: string;
  statements: PolicyStatement[];
  compliant: Context;
}

function approvedValues(statements: PolicyStatement[], key: string): string[] {
  const values = statements.flatMap(statement =>
    Object.entries(statement.conditions)
      .filter(([operator]) => operator !== 'Null' && !operator.startsWith('Bool'))
      .flatMap(([, keys]) =>
        Object.entries(keys)
          .filter(([name]) => name.toLowerCase() === key.toLowerCase())
          .flatMap(([, v]) => v),
      ),
  );
  return [...new Set(values)];
}

function profilePolicy(template: ParsedTemplate): ProfilePolicy | undefined {
  const roleId = executionRoleId(template);
  if (!roleId) return undefined;
  const statements = roleStatements(template, roleId);
  const first = (key: string, fallback: string) => approvedValues(statements, key)[0] ?? fallback;
  const subnets = approvedValues(statements, SUBNETS);
  return {
    template,
    roleId,
    statements,
    // A request a careful data scientist would send: in the shared subnets,
    // with the team's security group and key, encrypted between containers.
    compliant: {
      [SUBNETS]: subnets.length > 0 ? subnets : ['subnet-0approved'],
      [SECURITY_GROUPS]: [first(SECURITY_GROUPS, 'sg-0approved')],
      [VOLUME_KEY]: [first(VOLUME_KEY, 'team-key')],
      [OUTPUT_KEY]: [first(OUTPUT_KEY, 'team-key')],
      [ICE]: ['true'],
      'sagemaker:RootAccess': ['Disabled'],
      'sagemaker:DirectInternetAccess': ['Disabled'],
    },
  };
}

function decide(policy: ProfilePolicy, action: string, context: Context): PolicyDecision {
  return evaluatePolicy(policy.statements, {
    action: `sagemaker:${action}`,
    resource: `arn:aws:sagemaker:\${AWS::Region}:\${AWS::AccountId}:${RESOURCE_TYPES[action] ?? 'resource'}/example`,
    context,
  });
}

function without(context: Context, key: string): Context {
  const copy = { ...context };
  delete copy[key];
  return copy;
}

interface Case {
  description: string;
  actions: string[];
  context: (compliant: Context) => Context;
}

/**
 * Reports each case whose requests are not explicitly denied, and reports
 * the compliant request if it is denied, so a deny that blocks everything
 * does not pass for enforcement.
 */
function checkDenies(
  violations: Violations,
  policy: ProfilePolicy,
  cases: Case[],
  compliantActions: string[],
): void {
  for (const { description, actions, context } of cases) {
    const undenied = actions.filter(a => decide(policy, a, context(policy.compliant)) !== 'explicit-deny');
    if (undenied.length > 0) {
      violations.add(policy.template, policy.roleId, `${undenied.join(', ')} ${description} is not explicitly denied`);
    }
  }
  const overDenied = compliantActions.filter(a => decide(policy, a, policy.compliant) === 'explicit-deny');
  if (overDenied.length > 0) {
    violations.add(policy.template, policy.roleId, `${overDenied.join(', ')} is denied even for a compliant request (shared subnets, team security group and key)`);
  }
}

function profilePolicies(set: TemplateSet, file: RegExp, violations: Violations): ProfilePolicy[] {
  return templatesMatching(set, file).flatMap(template => {
    const policy = profilePolicy(template);
    if (!policy) {
      violations.add(template, '(template)', 'no AWS::SageMaker::UserProfile with an ExecutionRole of this template');
      return [];
    }
    return [policy];
  });
}

/** PROFILE_DENIES_NO_VPC: v2 denies jobs and models outside the shared subnets and team group; v1 does not allow them. */
export const profileDeniesNoVpc: SecurityRule = {
  name: 'PROFILE_DENIES_NO_VPC',
  check({ set }) {
    const violations = new Violations('PROFILE_DENIES_NO_VPC');
    for (const policy of profilePolicies(set, USER_PROFILE_V2_FILE, violations)) {
      if (approvedValues(policy.statements, SUBNETS).length === 0) {
        violations.add(policy.template, policy.roleId, 'no condition names the shared subnets for sagemaker:VpcSubnets');
      }
      checkDenies(violations, policy, [
        { description: 'without sagemaker:VpcSubnets', actions: VPC_ACTIONS, context: c => without(c, SUBNETS) },
        { description: 'without sagemaker:VpcSecurityGroupIds', actions: VPC_ACTIONS, context: c => without(c, SECURITY_GROUPS) },
        { description: 'with a subnet outside the shared subnets', actions: VPC_ACTIONS, context: c => ({ ...c, [SUBNETS]: [...c[SUBNETS], 'subnet-0outsider'] }) },
        { description: "with a security group other than the team's", actions: VPC_ACTIONS, context: c => ({ ...c, [SECURITY_GROUPS]: ['sg-0outsider'] }) },
      ], VPC_ACTIONS);
    }
    for (const policy of profilePolicies(set, USER_PROFILE_V1_FILE, violations)) {
      const cases: Array<[string, Context]> = [
        ['without sagemaker:VpcSubnets', without(policy.compliant, SUBNETS)],
        ['with a subnet outside the shared subnets', { ...policy.compliant, [SUBNETS]: ['subnet-0outsider'] }],
      ];
      for (const [description, context] of cases) {
        const allowed = VPC_ACTIONS.filter(a => decide(policy, a, context) === 'allow');
        if (allowed.length > 0) {
          violations.add(policy.template, policy.roleId, `v1 allows ${allowed.join(', ')} ${description}`);
        }
      }
    }
    return violations.findings;
  },
};

function keyRule(name: string, key: string, actions: string[], alsoWrongKey: string[]): SecurityRule {
  return {
    name,
    check({ set }) {
      const violations = new Violations(name);
      for (const policy of profilePolicies(set, USER_PROFILE_V2_FILE, violations)) {
        checkDenies(violations, policy, [
          { description: `without ${key}`, actions, context: c => without(c, key) },
          { description: `with ${key} other than the team key`, actions: [...actions, ...alsoWrongKey], context: c => ({ ...c, [key]: ['arn:aws:kms:us-east-1:111122223333:key/other'] }) },
        ], [...actions, ...alsoWrongKey]);
      }
      return violations.findings;
    },
  };
}

/** PROFILE_DENIES_NO_VOLUME_KEY */
export const profileDeniesNoVolumeKey = keyRule('PROFILE_DENIES_NO_VOLUME_KEY', VOLUME_KEY, KEY_ACTIONS, ['CreateEndpointConfig']);

/** PROFILE_DENIES_NO_OUTPUT_KEY */
export const profileDeniesNoOutputKey = keyRule('PROFILE_DENIES_NO_OUTPUT_KEY', OUTPUT_KEY, KEY_ACTIONS, []);

/** PROFILE_DENIES_NO_ICE: absent or false inter-container encryption is denied. */
export const profileDeniesNoIce: SecurityRule = {
  name: 'PROFILE_DENIES_NO_ICE',
  check({ set }) {
    const violations = new Violations('PROFILE_DENIES_NO_ICE');
    for (const policy of profilePolicies(set, USER_PROFILE_V2_FILE, violations)) {
      checkDenies(violations, policy, [
        { description: `without ${ICE}`, actions: ICE_ACTIONS, context: c => without(c, ICE) },
        { description: `with ${ICE}=false`, actions: ICE_ACTIONS, context: c => ({ ...c, [ICE]: ['false'] }) },
      ], ICE_ACTIONS);
    }
    return violations.findings;
  },
};

/** PROFILE_DENIES_ROOT_AND_INTERNET: v2 denies root/internet notebook instances; v1 grants none. */
export const profileDeniesRootAndInternet: SecurityRule = {
  name: 'PROFILE_DENIES_ROOT_AND_INTERNET',
  check({ set }) {
    const violations = new Violations('PROFILE_DENIES_ROOT_AND_INTERNET');
    const actions = ['CreateNotebookInstance', 'UpdateNotebookInstance'];
    for (const policy of profilePolicies(set, USER_PROFILE_V2_FILE, violations)) {
      checkDenies(violations, policy, [
        { description: 'with sagemaker:RootAccess=Enabled', actions, context: c => ({ ...c, 'sagemaker:RootAccess': ['Enabled'] }) },
        // Only CreateNotebookInstance carries sagemaker:DirectInternetAccess in its
        // request context; direct internet access cannot be changed by an update.
        { description: 'with sagemaker:DirectInternetAccess=Enabled', actions: ['CreateNotebookInstance'], context: c => ({ ...c, 'sagemaker:DirectInternetAccess': ['Enabled'] }) },
      ], []);
    }
    for (const policy of profilePolicies(set, USER_PROFILE_V1_FILE, violations)) {
      const granted = NOTEBOOK_ACTIONS.filter(action =>
        policy.statements.some(s => s.effect === 'Allow' && statementCoversAction(s, `sagemaker:${action}`)),
      );
      if (granted.length > 0) {
        violations.add(policy.template, policy.roleId, `v1 grants notebook-instance actions: ${granted.join(', ')}`);
      }
    }
    return violations.findings;
  },
};
