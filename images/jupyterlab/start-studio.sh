#!/usr/bin/env bash
# Copyright 2026 The SageMaker Studio Portal Authors
# SPDX-License-Identifier: Apache-2.0
#
# Entry point of the custom JupyterLab image: prepare the team environment (never fatal, bounded
# in time so a slow endpoint cannot keep Studio from starting), then hand over to the
# SageMaker Distribution JupyterLab entry point.
set -u

if ! timeout 90 /usr/local/bin/setup-studio-env; then
  echo "start-studio: team environment setup did not complete; run 'setup-studio-env' in a terminal" >&2
fi

exec entrypoint-jupyter-server "$@"
