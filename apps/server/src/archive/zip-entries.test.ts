// ARCHIVE: what an import reads of an entry is bounded from the central directory, before a
// byte of it is read: its inflated size and its compressed bytes alike.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { ArchiveError } from './errors.ts';
import { ARCHIVE_LIMITS } from './limits.ts';
import { ArchiveEntries } from './zip-entries.ts';

/** A one-entry zip written by hand: `data` as its compressed bytes, whatever they hold. */
function oneEntryZip(name: string, data: Uint8Array, inflated: Uint8Array): Uint8Array {
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(inflated), 14);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(inflated.byteLength, 22);
  local.writeUInt16LE(nameBytes.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(inflated), 16);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(inflated.byteLength, 24);
  central.writeUInt16LE(nameBytes.byteLength, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = 30 + nameBytes.byteLength + data.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.byteLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

function codeOf(run: () => void): string {
  try {
    run();
    return 'passed';
  } catch (error) {
    if (error instanceof ArchiveError) return error.code;
    throw error;
  }
}

describe('ArchiveEntries.check', () => {
  const limits = { ...ARCHIVE_LIMITS, maxEntryBytes: 64 * 1024 };
  const manifest = Buffer.from('{"format":"carton-forum-archive"}');

  it('ARCHIVE: an entry whose compressed bytes pass the entry limit is a zip bomb, however small it inflates', async () => {
    // 33 inflated bytes over 1 MiB of "compressed" data: the deflate stream, then padding
    // the inflater never reaches. Reading it would take the whole megabyte (gigabytes in a
    // 4 GiB upload) into memory before inflating.
    const padded = Buffer.concat([deflateRawSync(manifest), Buffer.alloc(1024 * 1024)]);
    const entries = await ArchiveEntries.open(
      oneEntryZip('manifest.json', padded, manifest),
      limits,
    );
    expect(codeOf(() => entries.check(['manifest.json']))).toBe('zip_bomb');
  });

  it('ARCHIVE: the same entry with its deflate stream alone passes', async () => {
    const entries = await ArchiveEntries.open(
      oneEntryZip('manifest.json', deflateRawSync(manifest), manifest),
      limits,
    );
    expect(codeOf(() => entries.check(['manifest.json']))).toBe('passed');
    expect(Buffer.from(await entries.bytes('manifest.json')).toString()).toBe(manifest.toString());
  });
});
