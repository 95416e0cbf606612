/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /**
   * Settings of the SageMaker Studio plugin set (see also the -node package's
   * schema). The backend reads every account and region of
   * `sageMakerStudio.accounts` (declared in the -node schema; credentials per
   * account from the `aws:` block): the domain list and the entity routes
   * gather them, and read a domain, team environment or profile entity in
   * the account and region of its `sagemaker-studio.aws/account-id` and
   * `sagemaker-studio.aws/region` annotations.
   */
  sageMakerStudio: {
    /**
     * The compliance sweep (declared with the other keys in the -node
     * package's schema): `enabled` (default true), `frequencyMinutes`
     * (5 to 1440, default 60) and `context`, the rules' settings.
     */
    sweep?: {
      /** Whether the backend schedules the sweep. Default true. */
      enabled?: boolean;
      /** Minutes between two sweeps, 5 to 1440. Default 60. */
      frequencyMinutes?: number;
      /**
       * The rules' settings (approved subnets, security groups, images,
       * execution roles; whether shared spaces are allowed), the same as the
       * detective control's environment; keys in the -node package's schema.
       * Without it the rules that need a setting are not applicable.
       */
      context?: { [key: string]: unknown };
    };
  };
}
