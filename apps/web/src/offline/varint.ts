// The two lib0 encodings the sync protocol's envelope uses (var-uint and length-prefixed
// bytes), so reading a frame's header needs no extra dependency.

export class FrameReader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  readVarUint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      if (this.position >= this.bytes.length) throw new RangeError('frame ends early');
      const byte = this.bytes[this.position++]!;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (multiplier > 2 ** 53) throw new RangeError('var-uint too long');
    }
  }

  readVarBytes(): Uint8Array {
    const length = this.readVarUint();
    const end = this.position + length;
    if (end > this.bytes.length) throw new RangeError('frame ends early');
    const out = this.bytes.subarray(this.position, end);
    this.position = end;
    return out;
  }
}

function varUint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** `[varUint(a), varUint(b), varUint(payload.length), ...payload]`. */
export function frame(first: number, second: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = [...varUint(first), ...varUint(second), ...varUint(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}
