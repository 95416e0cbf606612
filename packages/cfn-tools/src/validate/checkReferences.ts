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
  getAttArguments,
  isPlainObject,
  parseSubString,
  PSEUDO_PARAMETERS,
  subArguments,
  visitIntrinsics,
} from '../template/intrinsics';
import {
  NESTED_STACK_TYPE,
  resolveTemplateReference,
} from '../template/nestedStacks';
import type { Finding, ParsedTemplate, ResourceDeclaration, TemplateSet } from '../template/types';
import type { ResourceSpec } from './resourceSpec';
import type { ValidationStats } from './validationStats';

type Section = 'Resources' | 'Outputs' | 'Conditions' | 'Rules';

interface Site {
  section: Section;
  logicalId: string;
}

/**
 * Checks that every name a template refers to exists: `Ref`, `Fn::GetAtt`
 * and `Fn::Sub` targets, conditions, mappings, `DependsOn` targets, and
 * attributes per the specification (or nested stack outputs). Also reports
 * parameters that nothing uses.
 */
class ReferenceChecker {
  readonly findings: Finding[] = [];
  referencesChecked = 0;
  private readonly usedParameters = new Set<string>();
  private readonly parameters: Record<string, unknown>;
  private readonly resources: Record<string, ResourceDeclaration>;
  private readonly conditions: Record<string, unknown>;
  private readonly mappings: Record<string, unknown>;

  constructor(
    private readonly template: ParsedTemplate,
    private readonly set: TemplateSet,
    private readonly spec: ResourceSpec,
  ) {
    const body = template.body;
    this.parameters = isPlainObject(body.Parameters) ? body.Parameters : {};
    this.resources = isPlainObject(body.Resources) ? body.Resources : {};
    this.conditions = isPlainObject(body.Conditions) ? body.Conditions : {};
    this.mappings = isPlainObject(body.Mappings) ? body.Mappings : {};
  }

  private add(logicalId: string, check: string, message: string): void {
    this.findings.push({ file: this.template.file, logicalId, check, message });
  }

  run(): Finding[] {
    for (const [logicalId, resource] of Object.entries(this.resources)) {
      if (!isPlainObject(resource)) continue;
      const site: Site = { section: 'Resources', logicalId };
      this.checkValue(resource.Properties, site);
      this.checkValue(resource.CreationPolicy, site);
      this.checkValue(resource.UpdatePolicy, site);
      this.checkConditionName(resource.Condition, site);
      this.checkDependsOn(logicalId, resource.DependsOn);
    }
    for (const [logicalId, output] of Object.entries(this.template.body.Outputs ?? {})) {
      const site: Site = { section: 'Outputs', logicalId };
      this.checkValue(output, site);
      if (isPlainObject(output)) this.checkConditionName(output.Condition, site);
    }
    for (const [logicalId, condition] of Object.entries(this.conditions)) {
      const site: Site = { section: 'Conditions', logicalId };
      this.checkValue(condition, site);
      this.checkConditionReferences(condition, site);
    }
    for (const [logicalId, rule] of Object.entries(this.template.body.Rules ?? {})) {
      this.checkValue(rule, { section: 'Rules', logicalId });
    }
    this.reportUnusedParameters();
    return this.findings;
  }

  private checkValue(value: unknown, site: Site): void {
    visitIntrinsics(value, (name, argument) => {
      this.referencesChecked++;
      switch (name) {
        case 'Ref':
          this.checkRef(argument, site);
          break;
        case 'Fn::GetAtt':
          this.checkGetAtt(argument, site);
          break;
        case 'Fn::Sub':
          this.checkSub(argument, site);
          break;
        case 'Fn::If':
          if (Array.isArray(argument)) this.checkConditionName(argument[0], site);
          break;
        case 'Fn::FindInMap':
          this.checkFindInMap(argument, site);
          break;
        default:
          break;
      }
    });
  }

  private checkRef(target: unknown, site: Site): void {
    if (typeof target !== 'string') {
      this.add(site.logicalId, 'ref', 'Ref must name a parameter, resource or pseudo parameter');
      return;
    }
    if (target in this.parameters) {
      this.usedParameters.add(target);
      return;
    }
    if (PSEUDO_PARAMETERS.has(target)) return;
    if (target in this.resources) {
      if (site.section === 'Conditions') {
        this.add(site.logicalId, 'ref', `a condition may only Ref parameters, not the resource ${target}`);
      }
      return;
    }
    this.add(site.logicalId, 'ref', `Ref to ${target}, which is not a parameter, resource or pseudo parameter`);
  }

  private checkGetAtt(argument: unknown, site: Site): void {
    const parsed = getAttArguments(argument);
    if (!parsed) {
      this.add(site.logicalId, 'getatt', 'Fn::GetAtt needs a resource and an attribute');
      return;
    }
    this.checkAttribute(parsed.resource, parsed.attribute, site, 'Fn::GetAtt');
  }

  private checkAttribute(
    resourceId: string,
    attribute: string | undefined,
    site: Site,
    via: string,
  ): void {
    const resource = this.resources[resourceId];
    if (!isPlainObject(resource)) {
      this.add(site.logicalId, 'getatt', `${via} ${resourceId}.${attribute ?? '?'}: ${resourceId} is not a resource of this template`);
      return;
    }
    const type = resource.Type;
    if (attribute === undefined || typeof type !== 'string') return;
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return;
    if (type === NESTED_STACK_TYPE && attribute.startsWith('Outputs.')) {
      this.checkNestedOutput(resourceId, resource, attribute.slice('Outputs.'.length), site, via);
      return;
    }
    const resourceType = this.spec.resourceType(type);
    if (resourceType && !(attribute in resourceType.attributes)) {
      const known = Object.keys(resourceType.attributes).join(', ') || 'none';
      this.add(site.logicalId, 'getatt', `${via} ${resourceId}.${attribute}: ${type} has no attribute ${attribute} (it has: ${known})`);
    }
  }

  private checkNestedOutput(
    resourceId: string,
    resource: Record<string, unknown>,
    output: string,
    site: Site,
    via: string,
  ): void {
    const properties = isPlainObject(resource.Properties) ? resource.Properties : {};
    const child = resolveTemplateReference(properties.TemplateURL, this.template, this.set);
    if (child && !(output in (child.body.Outputs ?? {}))) {
      this.add(site.logicalId, 'getatt', `${via} ${resourceId}.Outputs.${output}: the nested template ${child.file} has no output ${output}`);
    }
  }

  private checkSub(argument: unknown, site: Site): void {
    const sub = subArguments(argument);
    if (!sub) {
      this.add(site.logicalId, 'sub', 'Fn::Sub needs a string, or a string and a variable map');
      return;
    }
    for (const part of parseSubString(sub.template)) {
      if (part.kind !== 'variable' || part.name in sub.variables) continue;
      const dot = part.name.indexOf('.');
      if (dot >= 0) {
        this.checkAttribute(part.name.slice(0, dot), part.name.slice(dot + 1), site, 'Fn::Sub');
      } else if (part.name in this.parameters) {
        this.usedParameters.add(part.name);
      } else if (!PSEUDO_PARAMETERS.has(part.name) && !(part.name in this.resources)) {
        this.add(site.logicalId, 'sub', `Fn::Sub variable \${${part.name}} is not a parameter, resource, pseudo parameter or local variable`);
      }
    }
  }

  private checkFindInMap(argument: unknown, site: Site): void {
    if (!Array.isArray(argument) || typeof argument[0] !== 'string') return;
    const [mapName, topKey, secondKey] = argument;
    const map = this.mappings[mapName];
    if (!isPlainObject(map)) {
      this.add(site.logicalId, 'mapping', `Fn::FindInMap names the mapping ${mapName}, which does not exist`);
      return;
    }
    if (typeof topKey !== 'string') return;
    const entry = map[topKey];
    if (!isPlainObject(entry)) {
      this.add(site.logicalId, 'mapping', `mapping ${mapName} has no key ${topKey}`);
    } else if (typeof secondKey === 'string' && !(secondKey in entry)) {
      this.add(site.logicalId, 'mapping', `mapping ${mapName}.${topKey} has no key ${secondKey}`);
    }
  }

  private checkConditionName(name: unknown, site: Site): void {
    if (name === undefined) return;
    if (typeof name !== 'string' || !(name in this.conditions)) {
      this.add(site.logicalId, 'condition', `condition ${JSON.stringify(name)} is not declared in Conditions`);
    }
  }

  /** `{ Condition: Name }` inside a condition body refers to another condition. */
  private checkConditionReferences(value: unknown, site: Site): void {
    if (Array.isArray(value)) {
      value.forEach(item => this.checkConditionReferences(item, site));
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === 'Condition') {
        this.checkConditionName(value.Condition, site);
        return;
      }
      Object.values(value).forEach(item => this.checkConditionReferences(item, site));
    }
  }

  private checkDependsOn(logicalId: string, dependsOn: unknown): void {
    if (dependsOn === undefined) return;
    const targets = Array.isArray(dependsOn) ? dependsOn : [dependsOn];
    for (const target of targets) {
      if (typeof target !== 'string' || !(target in this.resources)) {
        this.add(logicalId, 'depends-on', `DependsOn ${JSON.stringify(target)} is not a resource of this template`);
      } else if (target === logicalId) {
        this.add(logicalId, 'depends-on', 'a resource cannot depend on itself');
      }
    }
  }

  private reportUnusedParameters(): void {
    for (const name of Object.keys(this.parameters)) {
      if (!this.usedParameters.has(name)) {
        this.add(name, 'parameter/unused', `parameter ${name} is declared but never used`);
      }
    }
  }
}

/** @public */
export function checkReferences(
  template: ParsedTemplate,
  set: TemplateSet,
  spec: ResourceSpec,
  stats?: ValidationStats,
): Finding[] {
  const checker = new ReferenceChecker(template, set, spec);
  const findings = checker.run();
  if (stats) stats.intrinsicReferences += checker.referencesChecked;
  return findings;
}
