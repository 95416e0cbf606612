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
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseTemplate } from './parseTemplate';
import {
  Finding,
  ParsedTemplate,
  TEMPLATE_LEVEL_ID,
  TemplateSet,
} from './types';

const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

async function listTemplateFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return entry.name === 'node_modules' || entry.name.startsWith('.')
          ? []
          : listTemplateFiles(full);
      }
      return TEMPLATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())
        ? [full]
        : [];
    }),
  );
  return nested.flat().sort();
}

/** @public */
export interface LoadedTemplateSet {
  set: TemplateSet;
  /** Files that could not be parsed; they are left out of the set. */
  parseFindings: Finding[];
}

/**
 * Reads every template below a directory (YAML or JSON, recursively).
 *
 * @public
 */
export async function loadTemplateSet(
  rootDir: string,
): Promise<LoadedTemplateSet> {
  const absoluteRoot = path.resolve(rootDir);
  const files = await listTemplateFiles(absoluteRoot);
  const templates: ParsedTemplate[] = [];
  const parseFindings: Finding[] = [];
  for (const absolutePath of files) {
    const file = path.relative(absoluteRoot, absolutePath).split(path.sep).join('/');
    const source = await fs.readFile(absolutePath, 'utf8');
    try {
      templates.push({ file, absolutePath, body: parseTemplate(source) });
    } catch (error) {
      parseFindings.push({
        file,
        logicalId: TEMPLATE_LEVEL_ID,
        check: 'template-syntax',
        message: `cannot parse: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  return { set: { rootDir: absoluteRoot, templates }, parseFindings };
}

/**
 * Builds a template set from in-memory sources, keyed by relative file name.
 *
 * @public
 */
export function templateSetFromSources(
  sources: Record<string, string>,
  rootDir = '/virtual',
): TemplateSet {
  return {
    rootDir,
    templates: Object.entries(sources).map(([file, source]) => ({
      file,
      absolutePath: path.posix.join(rootDir, file),
      body: parseTemplate(source),
    })),
  };
}
