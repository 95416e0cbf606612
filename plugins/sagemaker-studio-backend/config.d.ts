/*
 * Copyright 2026 The SageMaker Studio Portal Authors
 * SPDX-License-Identifier: Apache-2.0
 */
export interface Config {
  /** Settings of the SageMaker Studio plugin set (see also the -node package's schema). */
  sageMakerStudio: {
    /**
     * The compliance sweep (declared with the other keys in the -node
     * package's schema): `enabled` (default true) and `frequencyMinutes`
     * (5 to 1440, default 60).
     */
    sweep?: {
      /** Whether the backend schedules the sweep. Default true. */
      enabled?: boolean;
      /** Minutes between two sweeps, 5 to 1440. Default 60. */
      frequencyMinutes?: number;
    };
  };
}
