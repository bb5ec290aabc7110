/** CRC-32 (zip, PNG) tables for slicing by 4: a zip of gigabytes is checked at memory speed. */
const TABLES = (() => {
  const tables = Array.from({ length: 4 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0]![n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[0]![n]!;
    for (let t = 1; t < 4; t++) {
      c = tables[0]![c & 0xff]! ^ (c >>> 8);
      tables[t]![n] = c;
    }
  }
  return tables as [Int32Array, Int32Array, Int32Array, Int32Array];
})();

/** The CRC-32 of `data` (unsigned), as zip entries record it. */
export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3] = TABLES;
  let crc = -1;
  let i = 0;
  const end4 = data.byteLength - (data.byteLength % 4);
  for (; i < end4; i += 4) {
    crc ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    crc = t3[crc & 0xff]! ^ t2[(crc >>> 8) & 0xff]! ^ t1[(crc >>> 16) & 0xff]! ^ t0[crc >>> 24]!;
  }
  for (; i < data.byteLength; i++) crc = t0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
