// Carton's archive unpacked in a folder and zipped again by the tools a facilitator's computer
// offers (Info-ZIP's zip, Python's zipfile standing in for Finder and Explorer), for tests.
// The tools run here, on the test's own files: no binary fixture, no network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

export class Rezipper {
  readonly dir = mkdtempSync(join(tmpdir(), 'carton-rezip-'));
  /** The unpacked archive, as the facilitator's folder « forum-alliance-bsl-2023 ». */
  readonly folder = join(this.dir, 'forum-alliance-bsl-2023');
  private made = 0;

  constructor(readonly exported: Uint8Array) {
    for (const [name, data] of Object.entries(unzipSync(exported))) {
      mkdirSync(dirname(join(this.folder, name)), { recursive: true });
      writeFileSync(join(this.folder, name), data);
    }
  }

  private out(): string {
    return join(this.dir, `out-${++this.made}.zip`);
  }

  /** `zip <args> out.zip <what>` run in `cwd` (the unpacked folder unless said). */
  zip(args: readonly string[], what: readonly string[] = ['.'], cwd = this.folder): Uint8Array {
    const out = this.out();
    execFileSync('zip', ['-q', ...args, out, ...what], { cwd, stdio: 'pipe' });
    return readFileSync(out);
  }

  /** `zip -qr - . | cat`: zip writing to a pipe, which it cannot seek back into. */
  zipStreamed(): Uint8Array {
    return execFileSync('sh', ['-c', 'zip -qr - . | cat'], {
      cwd: this.folder,
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  /** Carton's own zip with `files` (path → bytes) added by `zip -u`. */
  zipUpdate(files: Record<string, Uint8Array>): Uint8Array {
    const out = this.out();
    const added = join(this.dir, `added-${this.made}`);
    writeFileSync(out, this.exported);
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(dirname(join(added, name)), { recursive: true });
      writeFileSync(join(added, name), data);
    }
    execFileSync('zip', ['-q', '-u', out, ...Object.keys(files)], { cwd: added, stdio: 'pipe' });
    return readFileSync(out);
  }

  /** Carton's own zip with `comment` as its zip comment (`zip -z`). */
  zipComment(comment: string): Uint8Array {
    const out = this.out();
    writeFileSync(out, this.exported);
    execFileSync('zip', ['-q', '-z', out], { input: comment, stdio: ['pipe', 'pipe', 'pipe'] });
    return readFileSync(out);
  }

  /**
   * Python's zipfile over the unpacked folder: `method` stored or deflated, `force_zip64` (a
   * Zip64 extra field on every local header), `stream` (an output it cannot seek: data
   * descriptors), `prefix` before every name, `extra` entries (name → text) added as they are.
   */
  python(options: {
    method: 'stored' | 'deflated';
    forceZip64?: boolean;
    stream?: boolean;
    prefix?: string;
    extra?: Record<string, string>;
  }): Uint8Array {
    const out = this.out();
    execFileSync('python3', ['-c', PYTHON, this.folder, out, JSON.stringify(options)], {
      stdio: 'pipe',
    });
    return readFileSync(out);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const PYTHON = `
import io, json, os, sys, zipfile
folder, out, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
method = zipfile.ZIP_STORED if options['method'] == 'stored' else zipfile.ZIP_DEFLATED
prefix = options.get('prefix', '')
class Pipe(io.RawIOBase):
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
with open(out, 'wb') as f:
    target = Pipe(f) if options.get('stream') else f
    with zipfile.ZipFile(target, 'w', method, allowZip64=True) as z:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                arcname = prefix + os.path.relpath(path, folder)
                if options.get('forceZip64'):
                    info = zipfile.ZipInfo(arcname)
                    info.compress_type = method
                    with z.open(info, 'w', force_zip64=True) as w, open(path, 'rb') as r:
                        w.write(r.read())
                else:
                    z.write(path, arcname)
        for name, text in options.get('extra', {}).items():
            z.writestr(name, text)
`;

const CENTRAL = 0x02014b50;

/**
 * The zip with `name`'s Zip64 extra field in the central directory saying `size` for its
 * inflated size (zip -fz writes one on every entry, the directory's own field at 0xffffffff).
 */
export function withZip64InflatedSize(zip: Uint8Array, name: string, size: bigint): Uint8Array {
  const copy = Buffer.from(zip);
  for (
    let at = copy.indexOf('PK\u0001\u0002');
    at >= 0;
    at = copy.indexOf('PK\u0001\u0002', at + 4)
  ) {
    if (copy.readUInt32LE(at) !== CENTRAL) continue;
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.subarray(at + 46, at + 46 + nameLength).toString() !== name) continue;
    if (copy.readUInt32LE(at + 24) !== 0xffffffff) throw new Error(`${name}: no Zip64 size`);
    let extra = at + 46 + nameLength;
    const extraEnd = extra + copy.readUInt16LE(at + 30);
    for (; extra < extraEnd; extra += 4 + copy.readUInt16LE(extra + 2)) {
      if (copy.readUInt16LE(extra) === 0x0001) {
        copy.writeBigUInt64LE(size, extra + 4);
        return copy;
      }
    }
  }
  throw new Error(`${name}: no Zip64 extra field`);
}
