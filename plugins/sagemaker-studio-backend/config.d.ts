/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /** Settings of the SageMaker Studio plugin set (see also the -node package's schema). */
  sageMakerStudio: {
    /**
     * Reserved for the compliance sweep over SageMaker work, which is not built
     * yet: the backend accepts these keys and does nothing with them.
     */
    sweep?: {
      /** Whether the sweep runs (not built yet). */
      enabled?: boolean;
      /** How often, in minutes (not built yet). */
      frequencyMinutes?: number;
    };
  };
}
