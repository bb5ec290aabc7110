// The web client's read-only test hook, as seen from tests: the one declaration in
// apps/web/src/board/testHookApi.ts (which also types `window.__carton`).
export type { CartonTestHook } from '../../apps/web/src/board/testHookApi.ts';
