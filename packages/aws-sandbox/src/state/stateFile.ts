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

import fs from 'node:fs';
import path from 'node:path';
import { StateData, StateStore } from './StateStore';

interface StateFile {
  version: 1;
  savedAt: string;
  data: StateData;
}

/** Reads a state file written by `saveStateFile`; a missing file is an empty state. */
export function loadStateFile(filePath: string): StateData {
  if (!fs.existsSync(filePath)) {
    return {};
  }
  const parsed = JSON.parse(fs.readFileSync(filePath, 'utf8')) as StateFile;
  if (parsed.version !== 1 || typeof parsed.data !== 'object') {
    throw new Error(`Unsupported sandbox state file ${filePath}`);
  }
  return parsed.data;
}

/** Writes the whole state atomically (temporary file, then rename). */
export function saveStateFile(filePath: string, store: StateStore): void {
  const file: StateFile = {
    version: 1,
    savedAt: new Date().toISOString(),
    data: store.snapshot(),
  };
  fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(file));
  fs.renameSync(temporary, filePath);
}
