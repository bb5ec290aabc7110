// Test helper: reads this folder's hand-made fixture files. The model is compiled without
// Node's types, so the few Node calls used are declared here.
interface NodeFs {
  readFileSync(path: string): Uint8Array;
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}
const node = (
  globalThis as unknown as {
    process: { getBuiltinModule(name: 'node:fs'): NodeFs } & {
      getBuiltinModule(name: 'node:url'): NodeUrl;
    };
  }
).process;

/** Bytes of `interop/<path>` (e.g. 'csv/fixtures/alliance-utf8-bom.csv'). */
export function fixtureBytes(path: string): Uint8Array {
  const here = node
    .getBuiltinModule('node:url')
    .fileURLToPath((import.meta as unknown as { url: string }).url);
  const file = `${here.slice(0, here.lastIndexOf('/'))}/${path}`;
  return new Uint8Array(node.getBuiltinModule('node:fs').readFileSync(file));
}
