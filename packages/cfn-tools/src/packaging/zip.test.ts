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
import { inflateRawSync } from 'node:zlib';
import { crc32, createZip } from './zip';

/** Reads a zip back through its central directory, checking sizes and CRCs. */
function readZip(zip: Buffer): Record<string, string> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let central = zip.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(central)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(central + 16);
    const compressedSize = zip.readUInt32LE(central + 20);
    const size = zip.readUInt32LE(central + 24);
    const nameLength = zip.readUInt16LE(central + 28);
    const localOffset = zip.readUInt32LE(central + 42);
    const name = zip.subarray(central + 46, central + 46 + nameLength).toString();
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    files[name] = data.toString();
    central += 46 + nameLength;
  }
  return files;
}

describe('createZip', () => {
  it('writes deflated entries that read back byte for byte', () => {
    const zip = createZip([
      { name: 'index.js', data: Buffer.from('exports.handler = async () => 1;\n'.repeat(50)) },
      { name: 'lib/util.js', data: Buffer.from('module.exports = {};') },
    ]);
    expect(readZip(zip)).toEqual({
      'index.js': 'exports.handler = async () => 1;\n'.repeat(50),
      'lib/util.js': 'module.exports = {};',
    });
  });

  it('is reproducible for the same content', () => {
    const entries = [{ name: 'index.js', data: Buffer.from('x') }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
  });
});
