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

import { Config } from '@backstage/config';
import {
  ComplianceContext,
  SAGEMAKER_STUDIO_PRODUCT_KINDS,
  SageMakerStudioProductKind,
} from '@internal/plugin-sagemaker-studio-common';

/**
 * The root config key of the plugin set.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_CONFIG_ROOT = 'sageMakerStudio';

/**
 * How one Service Catalog product is found and governed.
 *
 * @public
 */
export interface SageMakerStudioProductConfig {
  /** The Service Catalog product name. */
  productName: string;
  /** The provisioning artifact (version) name to launch; the newest active one when absent. */
  version?: string;
  /** Whether an admin must approve requests for this product. */
  requiresApproval: boolean;
}

/**
 * One account and region the plugin set reads SageMaker Studio from.
 *
 * @public
 */
export interface SageMakerStudioAwsTarget {
  /** The AWS account; the main account of the `aws:` block when absent. */
  accountId?: string;
  region: string;
}

/**
 * Names a target in source names, cache keys and logs: `<account>/<region>`,
 * with `default` for the `aws:` block's main account.
 *
 * @public
 */
export function sageMakerStudioTargetKey(target: SageMakerStudioAwsTarget) {
  return `${target.accountId ?? 'default'}/${target.region}`;
}

/**
 * The plugin set's settings, read and checked once.
 *
 * @public
 */
export interface SageMakerStudioConfig {
  /** The region of the Service Catalog products (the home region). */
  region: string;
  /** The AWS account the products live in; the main account of the `aws:` block when absent. */
  accountId?: string;
  /**
   * Every account and region whose Studio estate is read (entity routes,
   * catalog, compliance sweep). Defaults to the home account and region.
   */
  targets: SageMakerStudioAwsTarget[];
  /** Points every AWS client at another endpoint (the local sandbox); never set in production. */
  endpoint?: string;
  /** Entity ref of the data-science admin group. */
  adminGroup: string;
  products: Record<SageMakerStudioProductKind, SageMakerStudioProductConfig>;
  /**
   * Values of the parameters only the platform sets (e.g. `SharedServicesName`,
   * `TrustedPrincipalArn`), applied to every product that has the parameter.
   */
  platformParameters: Partial<Record<SageMakerStudioPlatformParameter, string>>;
  /** Abuse limits per person. */
  limits: {
    /** New requests a person may create per minute (429 beyond). */
    requestsPerMinute: number;
    /** Requests a person may have waiting for review at once (409 beyond). */
    pendingRequestsPerUser: number;
    /** Presigned Studio URLs a person may ask for per minute (429 beyond). */
    openStudioPerMinute: number;
  };
  /** How long AWS reads of the entity routes are cached. */
  cache: {
    /** Seconds an AWS read is served from the cache. */
    ttlSeconds: number;
  };
  /** How "Open Studio" sessions are issued. */
  openStudio: {
    /** How long a Studio session lasts once opened (SessionExpirationDurationInSeconds). */
    sessionExpirationSeconds: number;
  };
  /** How the scheduler drives provisioning. */
  provisioning: {
    /** Seconds between two rounds of the provisioning task. */
    frequencySeconds: number;
    /** Transient AWS failures (throttling, 5xx) tolerated per request before it fails. */
    maxAttempts: number;
  };
  /**
   * The scheduled compliance sweep over the estate (`sageMakerStudio.sweep`).
   * Always set by {@link readSageMakerStudioConfig}; optional so configs
   * built by hand (tests) may leave it out, which reads as the defaults.
   */
  sweep?: {
    /** Whether the backend schedules the sweep at all. */
    enabled: boolean;
    /** Minutes between two sweeps. */
    frequencyMinutes: number;
    /**
     * The settings the rules are judged with (`sageMakerStudio.sweep.context`),
     * the same ones the detective control reads from its environment. Absent
     * when none is configured: the rules that need one are then not applicable.
     */
    context?: ComplianceContext;
  };
}

/**
 * The parameters config may set under `sageMakerStudio.platformParameters`.
 *
 * @public
 */
export const SAGEMAKER_STUDIO_CONFIGURABLE_PLATFORM_PARAMETERS = [
  'SharedServicesName',
  'TrustedPrincipalArn',
  'BreakGlassRoleArn',
  'CustomImageUri',
  'CustomImageName',
  'AppImageConfigName',
] as const;

/**
 * One of {@link SAGEMAKER_STUDIO_CONFIGURABLE_PLATFORM_PARAMETERS}.
 *
 * @public
 */
export type SageMakerStudioPlatformParameter =
  (typeof SAGEMAKER_STUDIO_CONFIGURABLE_PLATFORM_PARAMETERS)[number];

const TOP_LEVEL_KEYS = [
  'region',
  'accountId',
  'accounts',
  'endpoint',
  'adminGroup',
  'products',
  'platformParameters',
  'provisioning',
  'limits',
  'sweep',
  'catalog',
  'cache',
  'openStudio',
];
const PRODUCT_KEYS = ['productName', 'version', 'requiresApproval'];

const DEFAULT_PRODUCTS: Record<
  SageMakerStudioProductKind,
  SageMakerStudioProductConfig
> = {
  studioDomain: {
    productName: 'SageMaker Studio domain',
    requiresApproval: true,
  },
  teamEnvironment: {
    productName: 'Data science team environment',
    requiresApproval: true,
  },
  userProfile: {
    productName: 'Studio user profile',
    requiresApproval: false,
  },
};

/**
 * Raised when the plugin's config is wrong; the message names the key, what
 * was wrong and what is allowed.
 *
 * @public
 */
export class SageMakerStudioConfigError extends Error {
  constructor(readonly key: string, problem: string) {
    super(`Invalid config ${key}: ${problem}`);
    this.name = 'SageMakerStudioConfigError';
  }
}

function rejectUnknownKeys(config: Config, prefix: string, allowed: string[]) {
  for (const key of config.keys()) {
    if (!allowed.includes(key)) {
      throw new SageMakerStudioConfigError(
        `${prefix}.${key}`,
        `unknown key; allowed keys are ${allowed.join(', ')}`,
      );
    }
  }
}

function readProducts(
  config: Config | undefined,
): SageMakerStudioConfig['products'] {
  const products = { ...DEFAULT_PRODUCTS };
  if (!config) {
    return products;
  }
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.products`;
  rejectUnknownKeys(config, prefix, [...SAGEMAKER_STUDIO_PRODUCT_KINDS]);
  for (const kind of SAGEMAKER_STUDIO_PRODUCT_KINDS) {
    const productConfig = config.getOptionalConfig(kind);
    if (productConfig) {
      rejectUnknownKeys(productConfig, `${prefix}.${kind}`, PRODUCT_KEYS);
      products[kind] = {
        productName:
          productConfig.getOptionalString('productName') ??
          DEFAULT_PRODUCTS[kind].productName,
        version: productConfig.getOptionalString('version'),
        requiresApproval:
          productConfig.getOptionalBoolean('requiresApproval') ??
          DEFAULT_PRODUCTS[kind].requiresApproval,
      };
    }
  }
  return products;
}

function readPlatformParameters(
  config: Config | undefined,
): SageMakerStudioConfig['platformParameters'] {
  const values: SageMakerStudioConfig['platformParameters'] = {};
  if (!config) {
    return values;
  }
  rejectUnknownKeys(
    config,
    `${SAGEMAKER_STUDIO_CONFIG_ROOT}.platformParameters`,
    [...SAGEMAKER_STUDIO_CONFIGURABLE_PLATFORM_PARAMETERS],
  );
  for (const key of SAGEMAKER_STUDIO_CONFIGURABLE_PLATFORM_PARAMETERS) {
    const value = config.getOptionalString(key);
    if (value !== undefined) {
      values[key] = value;
    }
  }
  return values;
}

function readProvisioning(
  config: Config | undefined,
): SageMakerStudioConfig['provisioning'] {
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.provisioning`;
  if (config) {
    rejectUnknownKeys(config, prefix, ['frequencySeconds', 'maxAttempts']);
  }
  const frequencySeconds = config?.getOptionalNumber('frequencySeconds') ?? 5;
  const maxAttempts = config?.getOptionalNumber('maxAttempts') ?? 8;
  if (
    !Number.isInteger(frequencySeconds) ||
    frequencySeconds < 1 ||
    frequencySeconds > 3600
  ) {
    throw new SageMakerStudioConfigError(
      `${prefix}.frequencySeconds`,
      `${frequencySeconds} is not a whole number of seconds from 1 to 3600`,
    );
  }
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 50) {
    throw new SageMakerStudioConfigError(
      `${prefix}.maxAttempts`,
      `${maxAttempts} is not a whole number from 1 to 50`,
    );
  }
  return { frequencySeconds, maxAttempts };
}

function readLimits(
  config: Config | undefined,
): SageMakerStudioConfig['limits'] {
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.limits`;
  const keys = [
    'requestsPerMinute',
    'pendingRequestsPerUser',
    'openStudioPerMinute',
  ] as const;
  if (config) {
    rejectUnknownKeys(config, prefix, [...keys]);
  }
  const defaults = {
    requestsPerMinute: 10,
    pendingRequestsPerUser: 5,
    openStudioPerMinute: 10,
  };
  const limits = { ...defaults };
  for (const key of keys) {
    const value = config?.getOptionalNumber(key) ?? defaults[key];
    if (!Number.isInteger(value) || value < 1 || value > 10_000) {
      throw new SageMakerStudioConfigError(
        `${prefix}.${key}`,
        `${value} is not a whole number from 1 to 10000`,
      );
    }
    limits[key] = value;
  }
  return limits;
}

function readSweep(config: Config | undefined): SageMakerStudioConfig['sweep'] {
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.sweep`;
  if (config) {
    rejectUnknownKeys(config, prefix, [
      'enabled',
      'frequencyMinutes',
      'context',
    ]);
  }
  const context = readSweepContext(config?.getOptionalConfig('context'));
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    frequencyMinutes: readWholeNumber({
      config,
      prefix,
      key: 'frequencyMinutes',
      defaultValue: 60,
      min: 5,
      max: 1440,
    }),
    ...(context ? { context } : {}),
  };
}

/** The list settings of `sageMakerStudio.sweep.context`, as the Lambda's environment names them. */
const SWEEP_CONTEXT_LISTS = [
  'allowedSubnetIds',
  'allowedSecurityGroupIds',
  'approvedImageArns',
  'approvedImageNames',
  'allowedExecutionRoleArns',
] as const;

function readSweepContext(
  config: Config | undefined,
): ComplianceContext | undefined {
  if (!config) return undefined;
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.sweep.context`;
  rejectUnknownKeys(config, prefix, [
    ...SWEEP_CONTEXT_LISTS,
    'allowSharedSpaces',
  ]);
  const context: {
    -readonly [K in keyof ComplianceContext]: ComplianceContext[K];
  } = {};
  for (const key of SWEEP_CONTEXT_LISTS) {
    const values = config.getOptionalStringArray(key);
    if (values === undefined) continue;
    const bad = values.find(
      v =>
        !v.trim() ||
        /\s/.test(v) ||
        [...v].some(char => char.codePointAt(0)! < 0x20),
    );
    if (bad !== undefined) {
      throw new SageMakerStudioConfigError(
        `${prefix}.${key}`,
        `${JSON.stringify(bad)} is not an id, ARN or name`,
      );
    }
    context[key] = values;
  }
  const shared = config.getOptional('allowSharedSpaces');
  if (shared !== undefined) {
    if (typeof shared !== 'boolean') {
      throw new SageMakerStudioConfigError(
        `${prefix}.allowSharedSpaces`,
        `${JSON.stringify(shared)} is not true or false`,
      );
    }
    context.allowSharedSpaces = shared;
  }
  return Object.keys(context).length > 0 ? context : undefined;
}

function readWholeNumber(options: {
  config: Config | undefined;
  prefix: string;
  key: string;
  defaultValue: number;
  min: number;
  max: number;
}): number {
  const { config, prefix, key, defaultValue, min, max } = options;
  const value = config?.getOptionalNumber(key) ?? defaultValue;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SageMakerStudioConfigError(
      `${prefix}.${key}`,
      `${value} is not a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

function readCache(config: Config | undefined): SageMakerStudioConfig['cache'] {
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.cache`;
  if (config) {
    rejectUnknownKeys(config, prefix, ['ttlSeconds']);
  }
  return {
    ttlSeconds: readWholeNumber({
      config,
      prefix,
      key: 'ttlSeconds',
      defaultValue: 30,
      min: 1,
      max: 3600,
    }),
  };
}

function readOpenStudio(
  config: Config | undefined,
): SageMakerStudioConfig['openStudio'] {
  const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.openStudio`;
  if (config) {
    rejectUnknownKeys(config, prefix, ['sessionExpirationSeconds']);
  }
  return {
    // SageMaker's own bounds for SessionExpirationDurationInSeconds.
    sessionExpirationSeconds: readWholeNumber({
      config,
      prefix,
      key: 'sessionExpirationSeconds',
      defaultValue: 43200,
      min: 1800,
      max: 43200,
    }),
  };
}

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

function readTargets(
  config: Config,
  home: SageMakerStudioAwsTarget,
): SageMakerStudioAwsTarget[] {
  const accounts = config.getOptionalConfigArray('accounts');
  if (!accounts) {
    return [home];
  }
  if (accounts.length === 0) {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.accounts`,
      'is empty; list at least one account, or remove the key to read the home account and region',
    );
  }
  const targets: SageMakerStudioAwsTarget[] = [];
  const seen = new Set<string>();
  accounts.forEach((account, index) => {
    const prefix = `${SAGEMAKER_STUDIO_CONFIG_ROOT}.accounts[${index}]`;
    rejectUnknownKeys(account, prefix, ['accountId', 'regions']);
    const accountId = account.getOptionalString('accountId');
    if (accountId !== undefined && !ACCOUNT_PATTERN.test(accountId)) {
      throw new SageMakerStudioConfigError(
        `${prefix}.accountId`,
        `"${accountId}" is not a 12-digit AWS account id`,
      );
    }
    const regions = account.getOptionalStringArray('regions') ?? [home.region];
    if (regions.length === 0) {
      throw new SageMakerStudioConfigError(
        `${prefix}.regions`,
        'is empty; list at least one region, or remove the key for the home region',
      );
    }
    for (const region of regions) {
      if (!REGION_PATTERN.test(region)) {
        throw new SageMakerStudioConfigError(
          `${prefix}.regions`,
          `"${region}" is not an AWS region; expected e.g. us-east-1`,
        );
      }
      const target = { ...(accountId ? { accountId } : {}), region };
      const key = sageMakerStudioTargetKey(target);
      if (seen.has(key)) {
        throw new SageMakerStudioConfigError(
          `${prefix}.regions`,
          `${key} is listed twice; each account and region may appear once`,
        );
      }
      seen.add(key);
      targets.push(target);
    }
  });
  // The products are launched in the home account and region, and the
  // catalog marks what can be provisioned from its entities there: it must be read.
  const homeKey = sageMakerStudioTargetKey(home);
  if (!seen.has(homeKey)) {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.accounts`,
      `does not list the home account and region ${homeKey} (sageMakerStudio.accountId and region, where the products are launched); add it`,
    );
  }
  return targets;
}

function readEndpoint(config: Config): string | undefined {
  const endpoint = config.getOptionalString('endpoint');
  if (endpoint === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.endpoint`,
      `"${endpoint}" is not a URL; expected e.g. http://127.0.0.1:4580`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.endpoint`,
      `protocol ${url.protocol} is not allowed; use http or https`,
    );
  }
  return endpoint.replace(/\/+$/, '');
}

/**
 * Reads and checks the `sageMakerStudio` config block. Unknown keys are
 * errors, so a typo cannot silently fall back to a default.
 *
 * @public
 */
export function readSageMakerStudioConfig(
  rootConfig: Config,
): SageMakerStudioConfig {
  const config = rootConfig.getOptionalConfig(SAGEMAKER_STUDIO_CONFIG_ROOT);
  if (!config) {
    throw new SageMakerStudioConfigError(
      SAGEMAKER_STUDIO_CONFIG_ROOT,
      'missing; at least region and adminGroup are required',
    );
  }
  rejectUnknownKeys(config, SAGEMAKER_STUDIO_CONFIG_ROOT, TOP_LEVEL_KEYS);

  const region = config.getOptionalString('region');
  if (!region || !REGION_PATTERN.test(region)) {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.region`,
      `"${region ?? ''}" is not an AWS region; expected e.g. us-east-1`,
    );
  }
  const accountId = config.getOptionalString('accountId');
  if (accountId !== undefined && !ACCOUNT_PATTERN.test(accountId)) {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.accountId`,
      `"${accountId}" is not a 12-digit AWS account id`,
    );
  }
  const adminGroup = config.getOptionalString('adminGroup');
  if (!adminGroup || !/^group:[^/]+\/.+$/.test(adminGroup)) {
    throw new SageMakerStudioConfigError(
      `${SAGEMAKER_STUDIO_CONFIG_ROOT}.adminGroup`,
      `"${
        adminGroup ?? ''
      }" is not a group entity ref; expected e.g. group:default/data-science-admins`,
    );
  }

  return {
    region,
    accountId,
    targets: readTargets(config, {
      ...(accountId ? { accountId } : {}),
      region,
    }),
    endpoint: readEndpoint(config),
    adminGroup,
    products: readProducts(config.getOptionalConfig('products')),
    platformParameters: readPlatformParameters(
      config.getOptionalConfig('platformParameters'),
    ),
    provisioning: readProvisioning(config.getOptionalConfig('provisioning')),
    limits: readLimits(config.getOptionalConfig('limits')),
    cache: readCache(config.getOptionalConfig('cache')),
    openStudio: readOpenStudio(config.getOptionalConfig('openStudio')),
    sweep: readSweep(config.getOptionalConfig('sweep')),
  };
}
