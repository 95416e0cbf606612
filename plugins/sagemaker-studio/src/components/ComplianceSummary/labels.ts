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
  ComplianceActionTaken,
  ComplianceSeverity,
} from '@internal/plugin-sagemaker-studio-common';
import { Theme } from '@material-ui/core/styles';

/** Every severity, most severe first. */
export const SEVERITIES: readonly ComplianceSeverity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
];

const SEVERITY_LABELS: Record<ComplianceSeverity, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

export function severityLabel(severity: ComplianceSeverity): string {
  return SEVERITY_LABELS[severity] ?? severity;
}

/** One colour per severity, from the theme, shared by chips and chart. */
export function severityColor(
  theme: Theme,
  severity: ComplianceSeverity,
): string {
  switch (severity) {
    case 'CRITICAL':
      return theme.palette.error.dark;
    case 'HIGH':
      return theme.palette.error.main;
    case 'MEDIUM':
      return theme.palette.warning.main;
    default:
      return theme.palette.info.main;
  }
}

const ACTION_LABELS: Record<ComplianceActionTaken, string> = {
  stopped: 'Stopped',
  deleted: 'Deleted',
  reported: 'Reported',
};

export function actionLabel(action: ComplianceActionTaken): string {
  return ACTION_LABELS[action] ?? action;
}

const KIND_LABELS: Record<string, string> = {
  TrainingJob: 'Training job',
  ProcessingJob: 'Processing job',
  TransformJob: 'Transform job',
  HyperParameterTuningJob: 'Tuning job',
  AutoMLJob: 'AutoML job',
  Model: 'Model',
  NotebookInstance: 'Notebook instance',
  EndpointConfig: 'Endpoint config',
  Domain: 'Studio domain',
  UserProfile: 'User profile',
  Space: 'Space',
  App: 'App',
};

/** `TrainingJob` → `Training job`; an unknown kind as it is. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** `2026-12-01T06:05:00Z` → `2026-12-01 06:05 UTC`; the input when unreadable. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How long ago, in the largest whole unit: `5 minutes ago`, `2 days ago`. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const minutes = Math.max(0, Math.floor((now - then) / 60_000));
  if (minutes < 1) return 'just now';
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}
