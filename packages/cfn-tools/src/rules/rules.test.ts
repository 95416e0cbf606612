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
import path from 'node:path';
import { isPlainObject } from '../template/intrinsics';
import { loadTemplateSet } from '../template/loadTemplateSet';
import type { Finding, ParsedTemplate, ResourceDeclaration, TemplateSet } from '../template/types';
import { loadResourceSpec, ResourceSpec } from '../validate/resourceSpec';
import { SECURITY_RULES } from '.';

/*
 * Each rule is shown to pass on the real templates (see realTemplates.test.ts)
 * and, here, to fail once one realistic mistake is made in a copy of them.
 */

const cloudformationDir = path.resolve(__dirname, '../../../../cloudformation');
let pristine: TemplateSet;
let spec: ResourceSpec;

beforeAll(async () => {
  [{ set: pristine }, spec] = await Promise.all([loadTemplateSet(cloudformationDir), loadResourceSpec()]);
});

function template(set: TemplateSet, file: string): ParsedTemplate {
  const found = set.templates.find(t => t.file === file);
  if (!found) throw new Error(`no ${file} in the set`);
  return found;
}

function resource(set: TemplateSet, file: string, logicalId: string): ResourceDeclaration {
  const found = template(set, file).body.Resources?.[logicalId];
  if (!found) throw new Error(`no ${logicalId} in ${file}`);
  return found;
}

function props(set: TemplateSet, file: string, logicalId: string): Record<string, any> {
  return resource(set, file, logicalId).Properties as Record<string, any>;
}

/** Finds the statement with this Sid inside a resource and lets the test change or drop it. */
function statement(set: TemplateSet, file: string, logicalId: string, sid: string): { value: Record<string, any>; remove(): void } {
  let hit: { value: Record<string, any>; remove(): void } | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        if (isPlainObject(item) && item.Sid === sid) {
          hit = { value: item as Record<string, any>, remove: () => node.splice(index, 1) };
        } else walk(item);
      });
    } else if (isPlainObject(node)) Object.values(node).forEach(walk);
  };
  walk(resource(set, file, logicalId));
  if (!hit) throw new Error(`no statement ${sid} in ${file} ${logicalId}`);
  return hit;
}

function check(ruleName: string, set: TemplateSet): Finding[] {
  const rule = SECURITY_RULES.find(r => r.name === ruleName);
  if (!rule) throw new Error(`no rule ${ruleName}`);
  return rule.check({ set, spec });
}

const TEAM = 'products/team-environment.yaml';
const V1 = 'products/user-profile-v1.yaml';
const V2 = 'products/user-profile-v2.yaml';
const LAKE = 'shared/data-lake.yaml';
const NETWORK = 'shared/network.yaml';

const mutations: Array<{ rule: string; mistake: string; mutate(set: TemplateSet): void; file: string; logicalId: string; message: RegExp }> = [
  {
    rule: 'S3_TLS_ONLY', mistake: 'the TLS deny is dropped from a team bucket policy',
    mutate: set => statement(set, TEAM, 'DataBucketPolicy', 'DenyInsecureTransport').remove(),
    file: TEAM, logicalId: 'DataBucket', message: /does not deny requests without TLS/,
  },
  {
    rule: 'S3_PUT_REQUIRES_TEAM_KEY', mistake: 'the other-key deny uses IfExists instead of the Null pairing',
    mutate: set => {
      const deny = statement(set, TEAM, 'DataBucketPolicy', 'DenyPutWithOtherKey').value;
      deny.Condition = { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption-aws-kms-key-id': { 'Fn::GetAtt': ['TeamKey', 'Arn'] } } };
    },
    file: TEAM, logicalId: 'DataBucket', message: /denies a put without encryption headers .*by DenyPutWithOtherKey/,
  },
  {
    // Dropping only DenyPutWithoutKms is not enough: DenyKmsPutWithoutTeamKeyId
    // (an encryption header without a key id) still denies SSE-S3 puts.
    rule: 'S3_PUT_REQUIRES_TEAM_KEY', mistake: 'both denies that catch SSE-S3 are dropped',
    mutate: set => {
      statement(set, TEAM, 'ModelBucketPolicy', 'DenyPutWithoutKms').remove();
      statement(set, TEAM, 'ModelBucketPolicy', 'DenyKmsPutWithoutTeamKeyId').remove();
    },
    file: TEAM, logicalId: 'ModelBucket', message: /does not deny a put with SSE-S3/,
  },
  {
    rule: 'S3_VPCE_ONLY', mistake: 'the endpoint deny covers only object reads',
    mutate: set => { statement(set, TEAM, 'DataBucketPolicy', 'DenyAccessOutsideStudioVpc').value.Action = 's3:GetObject'; },
    file: TEAM, logicalId: 'DataBucket', message: /not denied: s3:ListBucket by/,
  },
  {
    rule: 'S3_VPCE_ONLY', mistake: 'the data lake excepts every role of the account',
    mutate: set => {
      statement(set, LAKE, 'DataLakeBucketPolicy', 'DenyDataAccessOutsideStudioVpc').value.Condition.ArnNotLike = { 'aws:PrincipalArn': [{ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/*' }, { Ref: 'AdminRoleArn' }] };
    },
    file: LAKE, logicalId: 'DataLakeBucket', message: /must except only the data-science admin role/,
  },
  {
    rule: 'KMS_NO_SOURCEVPCE', mistake: 'a key policy tests the S3 endpoint',
    mutate: set => { statement(set, TEAM, 'TeamKey', 'TeamRolesUseThroughS3AndSageMaker').value.Condition.StringEquals['aws:SourceVpce'] = 'vpce-1'; },
    file: TEAM, logicalId: 'TeamKey', message: /uses aws:SourceVpce/,
  },
  {
    rule: 'KMS_VIA_SERVICE', mistake: 'the team roles may use the key directly',
    mutate: set => { delete statement(set, TEAM, 'TeamKey', 'TeamRolesUseThroughS3AndSageMaker').value.Condition.StringEquals['kms:ViaService']; },
    file: TEAM, logicalId: 'TeamKey', message: /TeamRolesUseThroughS3AndSageMaker: allows kms:Encrypt.* without a kms:ViaService condition/,
  },
  {
    rule: 'KMS_VIA_SERVICE', mistake: 'the account root gets kms:*',
    mutate: set => { statement(set, TEAM, 'TeamKey', 'KeyAdministrationThroughIam').value.Action = 'kms:*'; },
    file: TEAM, logicalId: 'TeamKey', message: /KeyAdministrationThroughIam: the account-root statement allows cryptographic actions/,
  },
  {
    rule: 'KMS_KEY_ROTATION', mistake: 'rotation is off',
    mutate: set => { props(set, LAKE, 'DataLakeKey').EnableKeyRotation = false; },
    file: LAKE, logicalId: 'DataLakeKey', message: /EnableKeyRotation is not true/,
  },
  {
    rule: 'PROFILE_DENIES_NO_VPC', mistake: 'v2 loses its Null deny on subnets',
    mutate: set => statement(set, V2, 'GuardrailsPolicy', 'DenyWithoutVpcSubnets').remove(),
    file: V2, logicalId: 'ExecutionRole', message: /^CreateTrainingJob, .*CreateModel without sagemaker:VpcSubnets is not explicitly denied$/,
  },
  {
    rule: 'PROFILE_DENIES_NO_VPC', mistake: 'the subnet deny turns into a Null "false"',
    mutate: set => { statement(set, V2, 'GuardrailsPolicy', 'DenyWithoutVpcSubnets').value.Condition = { Null: { 'sagemaker:VpcSubnets': 'false' } }; },
    file: V2, logicalId: 'ExecutionRole', message: /denied even for a compliant request/,
  },
  {
    rule: 'PROFILE_DENIES_NO_VOLUME_KEY', mistake: 'the missing-volume-key deny is dropped',
    mutate: set => statement(set, V2, 'GuardrailsPolicy', 'DenyWithoutVolumeKey').remove(),
    file: V2, logicalId: 'ExecutionRole', message: /without sagemaker:VolumeKmsKey is not explicitly denied/,
  },
  {
    rule: 'PROFILE_DENIES_NO_OUTPUT_KEY', mistake: 'the other-output-key deny is dropped',
    mutate: set => statement(set, V2, 'GuardrailsPolicy', 'DenyOtherOutputKey').remove(),
    file: V2, logicalId: 'ExecutionRole', message: /with sagemaker:OutputKmsKey other than the team key is not explicitly denied/,
  },
  {
    rule: 'PROFILE_DENIES_NO_ICE', mistake: 'BoolIfExists becomes Bool, so an absent flag passes',
    mutate: set => {
      const deny = statement(set, V2, 'GuardrailsPolicy', 'DenyWithoutInterContainerEncryption').value;
      deny.Condition = { Bool: deny.Condition.BoolIfExists };
    },
    file: V2, logicalId: 'ExecutionRole', message: /without sagemaker:InterContainerTrafficEncryption is not explicitly denied/,
  },
  {
    rule: 'PROFILE_DENIES_ROOT_AND_INTERNET', mistake: 'the root-access deny is dropped',
    mutate: set => statement(set, V2, 'GuardrailsPolicy', 'DenyNotebookInstanceRootAccess').remove(),
    file: V2, logicalId: 'ExecutionRole', message: /CreateNotebookInstance, UpdateNotebookInstance with sagemaker:RootAccess=Enabled/,
  },
  {
    rule: 'PRESIGNED_URL_OWN_PROFILE', mistake: 'the team user role may open any profile of the team',
    mutate: set => { statement(set, TEAM, 'TeamUserRole', 'OpenOwnStudioProfileOnly').value.Resource = { 'Fn::Sub': 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:user-profile/*/*' }; },
    file: TEAM, logicalId: 'TeamUserRole', message: /allows sagemaker:CreatePresignedDomainUrl for another user's profile/,
  },
  {
    rule: 'TEAM_ADMIN_SCOPED', mistake: 'the team admin gets SageMaker full access',
    mutate: set => { props(set, TEAM, 'TeamAdminRole').ManagedPolicyArns = ['arn:aws:iam::aws:policy/AmazonSageMakerFullAccess']; },
    file: TEAM, logicalId: 'TeamAdminRole', message: /attaches the managed policy .*AmazonSageMakerFullAccess/,
  },
  {
    rule: 'TEAM_ADMIN_SCOPED', mistake: 'team-tagged management loses its tag condition',
    mutate: set => { delete statement(set, TEAM, 'TeamAdminRole', 'ManageTeamTaggedStudioResources').value.Condition; },
    file: TEAM, logicalId: 'TeamAdminRole', message: /ManageTeamTaggedStudioResources allows SageMaker write actions .* without naming the team/,
  },
  {
    rule: 'NO_SHARED_ALL_TRAFFIC_SG', mistake: 'the team group accepts all traffic from the VPC',
    mutate: set => { props(set, TEAM, 'TeamSecurityGroupSelfIngress').SourceSecurityGroupId = { 'Fn::ImportValue': 'x-sg' }; },
    file: TEAM, logicalId: 'TeamSecurityGroupSelfIngress', message: /all-traffic ingress from/,
  },
  {
    rule: 'NO_SHARED_ALL_TRAFFIC_SG', mistake: 'the team group drops its explicit egress',
    mutate: set => { delete props(set, TEAM, 'TeamSecurityGroup').SecurityGroupEgress; },
    file: TEAM, logicalId: 'TeamSecurityGroup', message: /^declares no SecurityGroupEgress property/,
  },
  {
    rule: 'VPC_FLOW_LOGS', mistake: 'flow logs record rejected traffic only',
    mutate: set => { Object.values(template(set, NETWORK).body.Resources!).filter(r => r.Type === 'AWS::EC2::FlowLog').forEach(r => { r.Properties!.TrafficType = 'REJECT'; }); },
    file: NETWORK, logicalId: 'Vpc', message: /no AWS::EC2::FlowLog/,
  },
  {
    rule: 'LOG_RETENTION', mistake: 'a log group keeps logs forever',
    mutate: set => { Object.values(template(set, 'shared/detective-control.yaml').body.Resources!).filter(r => r.Type === 'AWS::Logs::LogGroup').forEach(r => { delete r.Properties!.RetentionInDays; }); },
    file: 'shared/detective-control.yaml', logicalId: 'FunctionLogGroup', message: /has no RetentionInDays/,
  },
  {
    rule: 'DATALAKE_LISTING_SCOPED', mistake: 'the listing deny is dropped',
    mutate: set => statement(set, LAKE, 'DataLakeBucketPolicy', 'ListOnlySharedAndOwnTeamPrefix').remove(),
    file: LAKE, logicalId: 'DataLakeBucket', message: /listing another team's prefix is not denied/,
  },
  {
    rule: 'DATALAKE_LISTING_SCOPED', mistake: 'writes are allowed everywhere but other teams',
    mutate: set => { statement(set, LAKE, 'DataLakeBucketPolicy', 'WriteOnlyOwnTeamObjects').value.NotResource = [{ 'Fn::Sub': '${DataLakeBucket.Arn}/teams/${!aws:PrincipalTag/TeamName}/*' }, { 'Fn::Sub': '${DataLakeBucket.Arn}/shared/*' }]; },
    file: LAKE, logicalId: 'DataLakeBucket', message: /writing into shared\/ is not denied/,
  },
  {
    rule: 'LAMBDA_CURRENT_RUNTIME', mistake: 'the Lambda runs Python 3.7',
    mutate: set => { Object.values(template(set, 'shared/detective-control.yaml').body.Resources!).filter(r => r.Type === 'AWS::Lambda::Function').forEach(r => { r.Properties!.Runtime = 'python3.7'; }); },
    file: 'shared/detective-control.yaml', logicalId: 'DetectiveControlFunction', message: /Runtime "python3.7"/,
  },
  {
    rule: 'NO_STUDIO_CLASSIC', mistake: 'the domain lands in Studio Classic',
    mutate: set => { props(set, 'products/studio-domain.yaml', 'StudioDomain').DefaultUserSettings.DefaultLandingUri = 'app:JupyterServer:'; },
    file: 'products/studio-domain.yaml', logicalId: 'StudioDomain', message: /DefaultLandingUri is not "studio::"/,
  },
  {
    rule: 'NO_INTERNET_GATEWAY', mistake: 'an internet gateway appears',
    mutate: set => { template(set, NETWORK).body.Resources!.Igw = { Type: 'AWS::EC2::InternetGateway' }; },
    file: NETWORK, logicalId: 'Igw', message: /declares AWS::EC2::InternetGateway/,
  },
  {
    rule: 'VPCE_POLICY_SCOPED', mistake: 'an endpoint policy allows everything to everyone',
    mutate: set => { delete statement(set, NETWORK, 'StsEndpoint', 'OwnAccountOnly').value.Condition; },
    file: NETWORK, logicalId: 'StsEndpoint', message: /allows \* on \* without an aws:PrincipalAccount/,
  },
  {
    rule: 'PASSROLE_SCOPED', mistake: 'the boundary lets roles pass any role',
    mutate: set => { statement(set, 'shared/principals.yaml', 'PermissionsBoundary', 'PassProductRolesToSageMakerOnly').value.Resource = '*'; },
    file: 'shared/principals.yaml', logicalId: 'PermissionsBoundary', message: /allows iam:PassRole on \*/,
  },
  {
    rule: 'S3_PUBLIC_ACCESS_BLOCKED', mistake: 'public bucket policies are allowed',
    mutate: set => { props(set, LAKE, 'DataLakeBucket').PublicAccessBlockConfiguration.BlockPublicPolicy = false; },
    file: LAKE, logicalId: 'DataLakeBucket', message: /does not set BlockPublicPolicy to true/,
  },
  {
    rule: 'TEAM_TAGS', mistake: 'the team key loses its tags',
    mutate: set => { delete props(set, TEAM, 'TeamKey').Tags; },
    file: TEAM, logicalId: 'TeamKey', message: /AWS::KMS::Key lacks the tags TeamName, EnvironmentType/,
  },
  {
    rule: 'PROFILE_DENIES_ROOT_AND_INTERNET', mistake: 'v1 grants notebook instances',
    mutate: set => {
      const role = props(set, V1, 'ExecutionRole');
      role.Policies = [...(role.Policies ?? []), { PolicyName: 'nb', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sagemaker:CreateNotebookInstance', Resource: '*' }] } }];
    },
    file: V1, logicalId: 'ExecutionRole', message: /v1 grants notebook-instance actions: CreateNotebookInstance/,
  },
];

describe('security rules on mutated copies of the real templates', () => {
  it('covers every rule with at least one mistake', () => {
    expect(SECURITY_RULES.map(r => r.name).filter(name => !mutations.some(m => m.rule === name))).toEqual([]);
  });

  it.each(mutations)('$rule reports when $mistake', ({ rule, mutate, file, logicalId, message }) => {
    const set = structuredClone(pristine);
    expect(check(rule, set)).toEqual([]);
    mutate(set);
    expect(check(rule, set)).toContainEqual({ file, logicalId, check: rule, message: expect.stringMatching(message) });
  });
});
