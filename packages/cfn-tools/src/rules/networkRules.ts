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
import { isPlainObject } from '../template/intrinsics';
import type { ParsedTemplate } from '../template/types';
import { conditionValues, policyStatements } from './iam/policyStatements';
import { properties, referencedId, resourcesOfType } from './iam/templatePolicies';
import { renderValue } from './renderValue';
import { isTrue, NETWORK_FILE, STUDIO_DOMAIN_FILE, tagKeys, TEAM_ENVIRONMENT_FILE, templatesMatching, Violations } from './ruleHelpers';
import type { SecurityRule } from './types';

interface SecurityGroupRule {
  holderId: string;
  groupId: string | undefined;
  direction: 'ingress' | 'egress';
  rule: Record<string, unknown>;
}

function securityGroupRules(template: ParsedTemplate): SecurityGroupRule[] {
  const result: SecurityGroupRule[] = [];
  for (const [groupId, group] of resourcesOfType(template, 'AWS::EC2::SecurityGroup')) {
    for (const [key, direction] of [['SecurityGroupIngress', 'ingress'], ['SecurityGroupEgress', 'egress']] as const) {
      const rules = properties(group)[key];
      for (const rule of (Array.isArray(rules) ? rules : []).filter(isPlainObject)) {
        result.push({ holderId: groupId, groupId, direction, rule });
      }
    }
  }
  for (const [type, direction] of [['AWS::EC2::SecurityGroupIngress', 'ingress'], ['AWS::EC2::SecurityGroupEgress', 'egress']] as const) {
    for (const [id, resource] of resourcesOfType(template, type)) {
      const rule = properties(resource);
      result.push({ holderId: id, groupId: referencedId(rule.GroupId), direction, rule });
    }
  }
  return result;
}

function isAllTraffic(rule: Record<string, unknown>): boolean {
  const protocol = String(rule.IpProtocol);
  if (protocol === '-1' || protocol.toLowerCase() === 'all') return true;
  return Number(rule.FromPort) <= 0 && Number(rule.ToPort) >= 65535;
}

/** NO_SHARED_ALL_TRAFFIC_SG: all-protocol rules only as a team group's self-reference; nothing from the internet. */
export const noSharedAllTrafficSg: SecurityRule = {
  name: 'NO_SHARED_ALL_TRAFFIC_SG',
  check({ set }) {
    const violations = new Violations('NO_SHARED_ALL_TRAFFIC_SG');
    for (const template of set.templates) {
      const groups = Object.fromEntries(resourcesOfType(template, 'AWS::EC2::SecurityGroup'));
      for (const { holderId, groupId, direction, rule } of securityGroupRules(template)) {
        const cidr = renderValue(rule.CidrIp ?? rule.CidrIpv6 ?? '', template);
        if (direction === 'ingress' && (cidr === '0.0.0.0/0' || cidr === '::/0')) {
          violations.add(template, holderId, `ingress from ${cidr}`);
        }
        if (!isAllTraffic(rule)) continue;
        const peer = referencedId(direction === 'ingress' ? rule.SourceSecurityGroupId : rule.DestinationSecurityGroupId);
        const selfReference = peer !== undefined && peer === groupId;
        const teamTagged = groupId !== undefined && groups[groupId] !== undefined && tagKeys(properties(groups[groupId]).Tags).includes('TeamName');
        if (!selfReference || !teamTagged) {
          const target = peer ?? (cidr || renderValue(rule.SourcePrefixListId ?? rule.DestinationPrefixListId ?? '?', template));
          violations.add(template, holderId, `all-traffic ${direction} ${direction === 'ingress' ? 'from' : 'to'} ${target}; only a TeamName-tagged team group may allow all traffic, and only from itself`);
        }
      }
    }
    for (const template of [...templatesMatching(set, TEAM_ENVIRONMENT_FILE), ...templatesMatching(set, STUDIO_DOMAIN_FILE)]) {
      checkExplicitEgress(template, violations);
    }
    return violations.findings;
  },
};

const ALLOWED_EGRESS_PORTS = new Set([443, 2049]);

/** Team and domain groups replace the default allow-all egress with TCP 443 and 2049 (plus their own self-reference). */
function checkExplicitEgress(template: ParsedTemplate, violations: Violations): void {
  const rules = securityGroupRules(template).filter(rule => rule.direction === 'egress');
  for (const [groupId, group] of resourcesOfType(template, 'AWS::EC2::SecurityGroup')) {
    const egress = rules.filter(rule => rule.groupId === groupId);
    // Only the group's own SecurityGroupEgress property replaces the default
    // allow-all egress rule; separate AWS::EC2::SecurityGroupEgress resources add to it.
    if (properties(group).SecurityGroupEgress === undefined) {
      violations.add(template, groupId, 'declares no SecurityGroupEgress property, so the default allow-all egress stays');
    }
    for (const { holderId, rule } of egress) {
      if (referencedId(rule.DestinationSecurityGroupId) === groupId) continue;
      const from = Number(rule.FromPort);
      const to = Number(rule.ToPort);
      if (String(rule.IpProtocol).toLowerCase() !== 'tcp' || from !== to || !ALLOWED_EGRESS_PORTS.has(from)) {
        violations.add(template, holderId, `egress ${String(rule.IpProtocol)} ${String(rule.FromPort)}-${String(rule.ToPort)} is not TCP 443 or 2049`);
      }
    }
  }
}

/** VPC_FLOW_LOGS: the shared VPC logs all traffic to a log group of the same template. */
export const vpcFlowLogs: SecurityRule = {
  name: 'VPC_FLOW_LOGS',
  check({ set }) {
    const violations = new Violations('VPC_FLOW_LOGS');
    for (const template of templatesMatching(set, NETWORK_FILE)) {
      const vpcs = resourcesOfType(template, 'AWS::EC2::VPC');
      if (vpcs.length === 0) violations.add(template, '(template)', 'the network template declares no AWS::EC2::VPC');
      const logGroups = new Set(resourcesOfType(template, 'AWS::Logs::LogGroup').map(([id]) => id));
      for (const [vpcId] of vpcs) {
        const complete = resourcesOfType(template, 'AWS::EC2::FlowLog').some(([, flowLog]) => {
          const p = properties(flowLog);
          const destination = referencedId(p.LogGroupName) ?? referencedId(p.LogDestination);
          return (
            p.ResourceType === 'VPC' &&
            referencedId(p.ResourceId) === vpcId &&
            p.TrafficType === 'ALL' &&
            p.LogDestinationType === 'cloud-watch-logs' &&
            destination !== undefined &&
            logGroups.has(destination)
          );
        });
        if (!complete) {
          violations.add(template, vpcId, 'no AWS::EC2::FlowLog with ResourceType VPC, TrafficType ALL and LogDestinationType cloud-watch-logs to a log group of this template');
        }
      }
    }
    return violations.findings;
  },
};

const INTERNET_TYPES = [
  'AWS::EC2::InternetGateway',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::NatGateway',
  'AWS::EC2::EIP',
  'AWS::EC2::VPCGatewayAttachment',
];

/** NO_INTERNET_GATEWAY: no path to or from the internet, and VpcOnly domains. */
export const noInternetGateway: SecurityRule = {
  name: 'NO_INTERNET_GATEWAY',
  check({ set }) {
    const violations = new Violations('NO_INTERNET_GATEWAY');
    for (const template of set.templates) {
      for (const type of INTERNET_TYPES) {
        for (const [id] of resourcesOfType(template, type)) violations.add(template, id, `declares ${type}`);
      }
      for (const [id, route] of resourcesOfType(template, 'AWS::EC2::Route')) {
        const p = properties(route);
        if (p.DestinationCidrBlock === '0.0.0.0/0' || p.DestinationIpv6CidrBlock === '::/0') {
          violations.add(template, id, 'a default route to the internet');
        }
      }
      for (const [id, subnet] of resourcesOfType(template, 'AWS::EC2::Subnet')) {
        if (isTrue(properties(subnet).MapPublicIpOnLaunch)) violations.add(template, id, 'MapPublicIpOnLaunch is true');
      }
      for (const [id, domain] of resourcesOfType(template, 'AWS::SageMaker::Domain')) {
        if (properties(domain).AppNetworkAccessType !== 'VpcOnly') {
          violations.add(template, id, 'AppNetworkAccessType is not VpcOnly');
        }
      }
    }
    return violations.findings;
  },
};

/** VPCE_POLICY_SCOPED: every endpoint has a policy, and `*` on `*` only within the account. */
export const vpcePolicyScoped: SecurityRule = {
  name: 'VPCE_POLICY_SCOPED',
  check({ set }) {
    const violations = new Violations('VPCE_POLICY_SCOPED');
    for (const template of set.templates) {
      for (const [id, endpoint] of resourcesOfType(template, 'AWS::EC2::VPCEndpoint')) {
        const document = properties(endpoint).PolicyDocument;
        if (document === undefined) {
          violations.add(template, id, 'the endpoint has no PolicyDocument (the default allows everything)');
          continue;
        }
        for (const statement of policyStatements(document, template)) {
          const everything = (statement.actions ?? []).includes('*') && (statement.resources ?? []).includes('*');
          if (statement.effect !== 'Allow' || !everything) continue;
          const scoped = ['aws:PrincipalAccount', 'aws:ResourceAccount'].some(key =>
            (conditionValues(statement, 'StringEquals', key) ?? []).includes('${AWS::AccountId}'),
          );
          if (!scoped) {
            violations.add(template, id, `${statement.sid ?? 'a statement'} allows * on * without an aws:PrincipalAccount or aws:ResourceAccount condition`);
          }
        }
      }
    }
    return violations.findings;
  },
};
