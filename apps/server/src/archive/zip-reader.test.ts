// ARCHIVE: the zip reader an import uses (by range, one entry at a time) refuses hostile zips
// from their directory, and never inflates an entry past its declared size.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from './errors.ts';
import { listZip } from './zip-reader.ts';

const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

/** Offsets of the central directory records, in order. */
function centralRecords(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let i = 0; i + 4 <= zip.byteLength; i++)
    if (view.getUint32(i, true) === CENTRAL) found.push(i);
  return found;
}

function patched(zip: Uint8Array, edit: (view: DataView, records: number[]) => void): Uint8Array {
  const copy = new Uint8Array(zip);
  edit(new DataView(copy.buffer), centralRecords(copy));
  return copy;
}

/**
 * The zip with a Zip64 end record and locator before its end record, as Zip64 writers put:
 * repeating the end record's count and directory offset, or saying `count` and `offset`.
 */
function withZip64End(zip: Uint8Array, says: { count?: bigint; offset?: bigint } = {}): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(view.getUint16(end + 8, true)), 24);
  record.writeBigUInt64LE(says.count ?? BigInt(view.getUint16(end + 10, true)), 32);
  record.writeBigUInt64LE(BigInt(view.getUint32(end + 12, true)), 40);
  record.writeBigUInt64LE(says.offset ?? BigInt(view.getUint32(end + 16, true)), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([zip.subarray(0, end), record, locator, zip.subarray(end)]);
}

/** Lists the zip and reads every entry: the error's code and path, or 'read'. */
async function readAll(zip: Uint8Array): Promise<{ code: string; path: string } | 'read'> {
  try {
    const directory = await listZip(zip);
    for (const name of directory.entries.keys()) await directory.read(name);
    return 'read';
  } catch (error) {
    if (error instanceof ArchiveError) return { code: error.code, path: error.path };
    throw error;
  }
}

// Conditions from the seed's cartons: compressible text, so the manifest is deflated.
const text = strToU8('Pouvoir développer de manière collective. '.repeat(200));
const honest = () => zipSync({ 'manifest.json': text, 'boards/01-kamouraska.json': strToU8('{}') });

describe('the zip reader', () => {
  it('ARCHIVE: reads what fflate writes, entry by entry, checked against size and CRC', async () => {
    expect(await readAll(honest())).toBe('read');
    const directory = await listZip(honest());
    const manifest = directory.entries.get('manifest.json')!;
    expect(manifest.compressionMethod).toBe(8);
    expect(await directory.read('manifest.json')).toEqual(text);
  });

  it('ARCHIVE: a directory lying about an entry’s size or CRC is refused, never inflated past it', async () => {
    // Declared smaller than it inflates to: inflating stops at the declared size (a bomb).
    const smaller = patched(honest(), (view, [first]) => view.setUint32(first! + 24, 100, true));
    expect(await readAll(smaller)).toEqual({ code: 'zip_bomb', path: 'manifest.json' });
    const larger = patched(honest(), (view, [first]) =>
      view.setUint32(first! + 24, text.byteLength + 10, true),
    );
    expect(await readAll(larger)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    const crc = patched(honest(), (view, [first]) =>
      view.setUint32(first! + 16, view.getUint32(first! + 16, true) ^ 1, true),
    );
    expect(await readAll(crc)).toEqual({ code: 'not_zip', path: 'manifest.json' });
  });

  it('ARCHIVE: names that could leave the folder they are unpacked in → unsafe_path', async () => {
    for (const name of [
      '../manifest.json',
      '/etc/passwd',
      'boards\\01.json',
      'C:/x.json',
      'a/./b',
    ]) {
      const result = await readAll(zipSync({ [name]: strToU8('{}') }));
      expect(result).toMatchObject({ code: 'unsafe_path' });
    }
  });

  it('ARCHIVE: two entries of one name → invalid_manifest', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const body of ['{"a":1}', '{"a":2}']) {
      const entry = new ZipPassThrough('manifest.json');
      zip.add(entry);
      entry.push(strToU8(body), true);
    }
    zip.end();
    expect(await readAll(new Uint8Array(Buffer.concat(chunks)))).toEqual({
      code: 'invalid_manifest',
      path: 'manifest.json',
    });
  });

  it('ARCHIVE: entries sharing their data (an overlapping bomb) → zip_bomb', async () => {
    const overlapping = patched(honest(), (view, [first, second]) =>
      view.setUint32(second! + 42, view.getUint32(first! + 42, true), true),
    );
    expect(await readAll(overlapping)).toMatchObject({ code: 'zip_bomb' });
  });

  it('ARCHIVE: a directory holding more records than its end record counts is damaged (not_zip), not Zip64', async () => {
    // Not too_large (413, « plus grande que ce qu’un serveur Carton accepte »): a small zip.
    const undercounted = patched(honest(), (view) => {
      const end = view.byteLength - 22;
      expect(view.getUint32(end, true)).toBe(EOCD);
      view.setUint16(end + 8, 1, true);
      view.setUint16(end + 10, 1, true);
    });
    expect(await readAll(undercounted)).toMatchObject({ code: 'not_zip' });
    // A Zip64 end record between the directory and its end record, repeating its small
    // values (zip -fz writes one), is read: rezipped.test.ts.
    expect(await readAll(withZip64End(honest()))).toBe('read');
    // Bytes between the directory and a Zip64 end record: damaged too.
    const gap = withZip64End(honest());
    const record = gap.byteLength - 22 - 20 - 56;
    const shifted = new Uint8Array([...gap.subarray(0, record), 0, ...gap.subarray(record)]);
    new DataView(shifted.buffer).setUint32(shifted.byteLength - 22 + 16, record, true);
    expect(await readAll(shifted)).toMatchObject({ code: 'not_zip' });
  });

  it('ARCHIVE: Zip64, encrypted entries and unknown methods are refused', async () => {
    const zip64 = patched(honest(), (view) => {
      for (let i = view.byteLength - 22; i >= 0; i--) {
        if (view.getUint32(i, true) === EOCD) return view.setUint32(i + 16, 0xffffffff, true);
      }
    });
    expect(await readAll(zip64)).toMatchObject({ code: 'too_large' });
    // A Zip64 end record saying a directory past 4 GiB, or 70 000 entries: Zip64 for real.
    const past4GiB = withZip64End(honest(), { offset: 5n * 1024n ** 3n });
    expect(await readAll(past4GiB)).toMatchObject({ code: 'too_large' });
    expect(await readAll(withZip64End(honest(), { count: 70_000n }))).toMatchObject({
      code: 'too_large',
    });
    const encrypted = patched(honest(), (view, [first]) =>
      view.setUint16(first! + 8, view.getUint16(first! + 8, true) | 1, true),
    );
    expect(await readAll(encrypted)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    const bzip = patched(honest(), (view, [first]) => view.setUint16(first! + 10, 12, true));
    expect(await readAll(bzip)).toEqual({ code: 'not_zip', path: 'manifest.json' });
    expect(await readAll(strToU8('PK not really'))).toMatchObject({ code: 'not_zip' });
  });

  it('ARCHIVE: padding after the end record (a newline, NULs to 4 KiB) is left out; other bytes are not', async () => {
    const after = (tail: Uint8Array) => new Uint8Array([...honest(), ...tail]);
    expect(await readAll(after(strToU8('\n')))).toBe('read');
    expect(await readAll(after(strToU8('\r\n')))).toBe('read');
    expect(await readAll(after(new Uint8Array(4096)))).toBe('read');
    expect(await readAll(after(new Uint8Array(4097)))).toMatchObject({ code: 'not_zip' });
    expect(await readAll(after(strToU8('Téléchargé')))).toMatchObject({ code: 'not_zip' });
    // A comment stays the zip's own: padding goes after it, not into it.
    const comment = strToU8('Forum BSL 2023\n');
    const commented = new Uint8Array([...honest(), ...comment]);
    new DataView(commented.buffer).setUint16(
      commented.byteLength - comment.byteLength - 2,
      comment.byteLength,
      true,
    );
    expect(await readAll(commented)).toBe('read');
    expect(await readAll(new Uint8Array([...commented, 0, 0]))).toBe('read');
  });

  it('ARCHIVE: a damaged zip is refused in Carton’s words, not yauzl’s', async () => {
    for (const zip of [strToU8('PK not really'), honest().subarray(0, 60)]) {
      const error = await listZip(zip).catch((refused: unknown) => refused);
      expect(error).toBeInstanceOf(ArchiveError);
      expect((error as ArchiveError).code).toBe('not_zip');
      expect((error as ArchiveError).message).toBe(
        'The file is not a zip archive, or it is damaged or cut short.',
      );
    }
  });

  it('ARCHIVE: a zip in a file is read through its handle, and not once the handle is closed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'carton-zip-reader-'));
    try {
      // With a CRLF after it, as a download tool may leave: yauzl reads the file by range
      // with the padding left out.
      await writeFile(join(folder, 'forum.zip'), new Uint8Array([...honest(), 13, 10]));
      const file = await open(join(folder, 'forum.zip'), 'r');
      const directory = await listZip(file);
      expect(await directory.read('manifest.json')).toEqual(text);
      expect(await directory.read('boards/01-kamouraska.json')).toEqual(strToU8('{}'));
      expect(await directory.read('manifest.json')).toEqual(text);
      await file.close();
      // Its descriptor's number now names another file (the same zip): never read through it.
      await writeFile(join(folder, 'other.zip'), honest());
      const other = await open(join(folder, 'other.zip'), 'r');
      // The system's refusal, not a damaged zip's: the server's own failure (500).
      await expect(directory.read('manifest.json')).rejects.not.toBeInstanceOf(ArchiveError);
      await expect(directory.read('manifest.json')).rejects.toThrow();
      await other.close();
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});
