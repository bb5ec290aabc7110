// Preloaded into both servers (`node --expose-gc --import gc-hook.mjs`): SIGUSR2 runs a full
// garbage collection, so memory figures compare live data rather than collector timing.
process.on('SIGUSR2', () => {
  const gc = globalThis.gc;
  if (typeof gc === 'function') {
    gc();
    gc();
  }
});
