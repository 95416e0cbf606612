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

/*
 * Links into the AWS console. The console cannot be told which account to
 * use through a URL (it opens in the account of the caller's session), so
 * the links carry the region and the cards name the account beside them.
 */

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) {
    return `https://${region}.console.amazonaws.cn`;
  }
  if (region.startsWith('us-gov-')) {
    return `https://${region}.console.amazonaws-us-gov.com`;
  }
  return `https://${region}.console.aws.amazon.com`;
}

function globalConsoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) {
    return 'https://console.amazonaws-us-gov.com';
  }
  return 'https://console.aws.amazon.com';
}

const enc = encodeURIComponent;

/** Account and region of an ARN, undefined for anything else. */
export function parseArn(
  arn: string,
): { region: string; accountId: string; resource: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    region: parts[3],
    accountId: parts[4],
    resource: parts.slice(5).join(':'),
  };
}

/** The Studio domain's page in the SageMaker console. */
export function domainConsoleUrl(region: string, domainId: string): string {
  return `${consoleHost(region)}/sagemaker/home?region=${enc(
    region,
  )}#/studio/${enc(domainId)}`;
}

/** A user profile's page in the SageMaker console. */
export function userProfileConsoleUrl(
  region: string,
  domainId: string,
  userProfileName: string,
): string {
  return `${domainConsoleUrl(region, domainId)}/user/${enc(userProfileName)}`;
}

/** A KMS key, given as id or ARN (the ARN's region wins). */
export function kmsKeyConsoleUrl(region: string, keyIdOrArn: string): string {
  const arn = parseArn(keyIdOrArn);
  const keyRegion = arn?.region || region;
  const keyId = arn ? arn.resource.replace(/^key\//, '') : keyIdOrArn;
  return `${consoleHost(keyRegion)}/kms/home?region=${enc(
    keyRegion,
  )}#/kms/keys/${enc(keyId)}`;
}

/** A VPC in the VPC console. */
export function vpcConsoleUrl(region: string, vpcId: string): string {
  return `${consoleHost(region)}/vpcconsole/home?region=${enc(
    region,
  )}#VpcDetails:VpcId=${enc(vpcId)}`;
}

/** A subnet in the VPC console. */
export function subnetConsoleUrl(region: string, subnetId: string): string {
  return `${consoleHost(region)}/vpcconsole/home?region=${enc(
    region,
  )}#SubnetDetails:subnetId=${enc(subnetId)}`;
}

/** A security group in the EC2 console. */
export function securityGroupConsoleUrl(
  region: string,
  groupId: string,
): string {
  return `${consoleHost(region)}/ec2/home?region=${enc(
    region,
  )}#SecurityGroup:groupId=${enc(groupId)}`;
}

/** The role's name: the last segment of its ARN's path. */
export function roleName(roleArn: string): string {
  const resource = parseArn(roleArn)?.resource ?? roleArn;
  return resource.split('/').pop() ?? resource;
}

/** An IAM role, given by ARN (IAM is global: no region in the link). */
export function roleConsoleUrl(region: string, roleArn: string): string {
  return `${globalConsoleHost(region)}/iam/home#/roles/details/${enc(
    roleName(roleArn),
  )}`;
}

/** An S3 bucket in the S3 console. */
export function bucketConsoleUrl(region: string, bucket: string): string {
  const host = globalConsoleHost(region).replace(
    'https://console.aws.amazon.com',
    'https://s3.console.aws.amazon.com',
  );
  return `${host}/s3/buckets/${enc(bucket)}?region=${enc(region)}`;
}

/** A Service Catalog provisioned product. */
export function provisionedProductConsoleUrl(
  region: string,
  provisionedProductId: string,
): string {
  return `${consoleHost(region)}/servicecatalog/home?region=${enc(
    region,
  )}#/provisioned-products/${enc(provisionedProductId)}`;
}
