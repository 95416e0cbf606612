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

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, character => XML_ESCAPES[character]);
}

export function xmlElement(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

function scalarText(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('base64');
  }
  return escapeXml(String(value));
}

/**
 * Serialises an output shape the way the query protocol does: structures as
 * nested elements, lists as `<member>` items. Maps are not distinguishable
 * from structures without the model, and no operation here returns one.
 */
export function toQueryXml(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (
    typeof value !== 'object' ||
    value instanceof Date ||
    Buffer.isBuffer(value)
  ) {
    return scalarText(value);
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined && member !== null)
    .map(([key, member]) =>
      Array.isArray(member)
        ? xmlElement(
            key,
            member.map(item => xmlElement('member', toQueryXml(item))).join(''),
          )
        : xmlElement(key, toQueryXml(member)),
    )
    .join('');
}

/**
 * A tolerant well-formedness check: balanced tags and no stray text outside
 * the root. Enough to reject what is clearly not XML with a proper error.
 */
export function isWellFormedXml(text: string): boolean {
  const body = text
    .trim()
    .replace(/^<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  if (!body.startsWith('<')) {
    return false;
  }
  const stack: string[] = [];
  const tagPattern = /<(\/?)([A-Za-z_][\w.:-]*)[^<>]*?(\/?)>|<|>/g;
  let rootClosed = false;
  let lastIndex = 0;
  for (
    let match = tagPattern.exec(body);
    match !== null;
    match = tagPattern.exec(body)
  ) {
    if (rootClosed && body.slice(lastIndex, match.index).trim()) {
      return false;
    }
    lastIndex = tagPattern.lastIndex;
    const [token, closing, name, selfClosing] = match;
    if (!name) {
      return false;
    }
    if (rootClosed) {
      return false;
    }
    if (closing) {
      if (stack.pop() !== name) {
        return false;
      }
    } else if (!selfClosing && !token.endsWith('/>')) {
      stack.push(name);
    }
    if (stack.length === 0) {
      rootClosed = true;
    }
  }
  return rootClosed && body.slice(lastIndex).trim() === '';
}

/** Text of the first `<name>` element, for the few XML request bodies S3 takes. */
export function firstElementText(
  xml: string,
  name: string,
): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match?.[1];
}
