// Test support: photos that are small files and huge pictures (decompression bombs).
import { crc32, createDeflate } from 'node:zlib';

/** Adam7's passes: first column and row, then the step between columns and between rows. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * A PNG of `width` × `height` zero pixels, deflated as it is made: a few hundred kB for
 * 16 384 × 16 384, a gigabyte once a browser or resvg decodes it. Grey with 8 bits by default;
 * `rgba16`: 16-bit RGBA (8 bytes a pixel); `interlaced`: Adam7, which a decoder reads whole.
 */
export async function zeroPng(
  width: number,
  height: number,
  { rgba16 = false, interlaced = false } = {},
): Promise<Buffer> {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = rgba16 ? 16 : 8; // bits a sample
  header[9] = rgba16 ? 6 : 0; // RGBA or greyscale
  header[12] = interlaced ? 1 : 0;
  const pixelBytes = rgba16 ? 8 : 1;
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.once('end', resolve));
  const passes = interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [left, top, across, down] of passes) {
    const columns = Math.ceil((width - left) / across);
    const row = Buffer.alloc(columns * pixelBytes + 1); // filter byte 0, then the row's pixels
    for (let y = top; y < height && columns > 0; y += down) {
      if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
  }
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
