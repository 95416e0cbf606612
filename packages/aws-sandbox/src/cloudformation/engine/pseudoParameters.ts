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

import { randomUUID } from 'node:crypto';
import { TemplateValue } from './types';

export const PSEUDO_PARAMETER_NAMES = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

/** Where a stack lives; enough to compute its pseudo parameters. */
export interface StackLocation {
  accountId: string;
  region: string;
  stackName: string;
  stackId: string;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** A stack id as AWS formats it: the ARN ends with a UUID that templates often slice. */
export function newStackId(
  accountId: string,
  region: string,
  stackName: string,
): string {
  return `arn:${partitionOf(
    region,
  )}:cloudformation:${region}:${accountId}:stack/${stackName}/${randomUUID()}`;
}

export function pseudoParameterValues(
  location: StackLocation,
): Record<string, TemplateValue> {
  return {
    'AWS::AccountId': location.accountId,
    'AWS::NotificationARNs': [],
    'AWS::Partition': partitionOf(location.region),
    'AWS::Region': location.region,
    'AWS::StackId': location.stackId,
    'AWS::StackName': location.stackName,
    'AWS::URLSuffix': urlSuffixOf(location.region),
  };
}
