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

/** A string filter of AwsSecurityFindingFilters. */
export interface StringFilter {
  Value?: string;
  Comparison?: string;
}

/** A map filter (ProductFields, ResourceTags, UserDefinedFields). */
export interface MapFilter {
  Key?: string;
  Value?: string;
  Comparison?: string;
}

export type Finding = Record<string, any>;

function matchesString(actual: unknown, filter: StringFilter): boolean {
  const value = filter.Value ?? '';
  const text =
    actual === undefined || actual === null ? undefined : String(actual);
  switch (filter.Comparison ?? 'EQUALS') {
    case 'EQUALS':
      return text === value;
    case 'NOT_EQUALS':
      return text !== value;
    case 'PREFIX':
      return text !== undefined && text.startsWith(value);
    case 'PREFIX_NOT_EQUALS':
      return text === undefined || !text.startsWith(value);
    case 'CONTAINS':
      return text !== undefined && text.includes(value);
    case 'NOT_CONTAINS':
      return text === undefined || !text.includes(value);
    default:
      return false;
  }
}

const NEGATIVE = ['NOT_EQUALS', 'PREFIX_NOT_EQUALS', 'NOT_CONTAINS'];

/**
 * Security Hub's rule: positive filters on one field are ORed, negative
 * ones ANDed; a field with several candidate values (a finding's resources)
 * matches a positive filter when any value does.
 */
function matchesStringFilters(
  values: unknown[],
  filters: StringFilter[],
): boolean {
  const positive = filters.filter(
    filter => !NEGATIVE.includes(filter.Comparison ?? 'EQUALS'),
  );
  const negative = filters.filter(filter =>
    NEGATIVE.includes(filter.Comparison ?? 'EQUALS'),
  );
  const candidates = values.length > 0 ? values : [undefined];
  return (
    (positive.length === 0 ||
      positive.some(filter =>
        candidates.some(value => matchesString(value, filter)),
      )) &&
    negative.every(filter =>
      candidates.every(value => matchesString(value, filter)),
    )
  );
}

function matchesMapFilters(
  maps: Array<Record<string, string> | undefined>,
  filters: MapFilter[],
): boolean {
  const valueOf = (map: Record<string, string> | undefined, key?: string) =>
    key ? map?.[key] : undefined;
  const positive = filters.filter(
    filter => !NEGATIVE.includes(filter.Comparison ?? 'EQUALS'),
  );
  const negative = filters.filter(filter =>
    NEGATIVE.includes(filter.Comparison ?? 'EQUALS'),
  );
  const candidates = maps.length > 0 ? maps : [undefined];
  return (
    (positive.length === 0 ||
      positive.some(filter =>
        candidates.some(map => matchesString(valueOf(map, filter.Key), filter)),
      )) &&
    negative.every(filter =>
      candidates.every(map => matchesString(valueOf(map, filter.Key), filter)),
    )
  );
}

/** String fields the sandbox filters on, with how to read them from a finding. */
const STRING_FIELDS: Record<string, (finding: Finding) => unknown[]> = {
  Id: finding => [finding.Id],
  ProductArn: finding => [finding.ProductArn],
  ProductName: finding => [finding.ProductName],
  CompanyName: finding => [finding.CompanyName],
  AwsAccountId: finding => [finding.AwsAccountId],
  Region: finding => [finding.Region],
  GeneratorId: finding => [finding.GeneratorId],
  Type: finding => finding.Types ?? [],
  Title: finding => [finding.Title],
  Description: finding => [finding.Description],
  SeverityLabel: finding => [finding.Severity?.Label],
  ResourceType: finding =>
    (finding.Resources ?? []).map((resource: any) => resource.Type),
  ResourceId: finding =>
    (finding.Resources ?? []).map((resource: any) => resource.Id),
  ResourceRegion: finding =>
    (finding.Resources ?? []).map((resource: any) => resource.Region),
  ComplianceStatus: finding => [finding.Compliance?.Status],
  ComplianceSecurityControlId: finding => [
    finding.Compliance?.SecurityControlId,
  ],
  RecordState: finding => [finding.RecordState],
  WorkflowStatus: finding => [finding.Workflow?.Status],
  WorkflowState: finding => [finding.WorkflowState],
  VerificationState: finding => [finding.VerificationState],
};

const MAP_FIELDS: Record<
  string,
  (finding: Finding) => Array<Record<string, string> | undefined>
> = {
  ProductFields: finding => [finding.ProductFields],
  UserDefinedFields: finding => [finding.UserDefinedFields],
  ResourceTags: finding =>
    (finding.Resources ?? []).map((resource: any) => resource.Tags),
};

export const SUPPORTED_FILTERS = [
  ...Object.keys(STRING_FIELDS),
  ...Object.keys(MAP_FIELDS),
];

/** Whether a finding passes every filter (names must be in SUPPORTED_FILTERS). */
export function matchesFilters(
  finding: Finding,
  filters: Record<string, unknown[]>,
): boolean {
  return Object.entries(filters).every(([name, list]) => {
    if (!Array.isArray(list) || list.length === 0) {
      return true;
    }
    if (STRING_FIELDS[name]) {
      return matchesStringFilters(
        STRING_FIELDS[name](finding),
        list as StringFilter[],
      );
    }
    return matchesMapFilters(MAP_FIELDS[name](finding), list as MapFilter[]);
  });
}

export function unsupportedFilter(
  filters: Record<string, unknown>,
): string | undefined {
  return Object.keys(filters).find(name => !SUPPORTED_FILTERS.includes(name));
}
