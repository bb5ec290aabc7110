// Preloaded into both servers (`node --expose-gc --import gc-hook.mjs`): SIGUSR2 runs a full
// garbage collection, so memory figures compare live data rather than collector timing.
// With BENCH_MEM_DEBUG=1 it also prints process.memoryUsage() on stderr.
process.on('SIGUSR2', () => {
  const gc = globalThis.gc;
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  if (process.env.BENCH_MEM_DEBUG === '1') {
    const usage = process.memoryUsage();
    const mib = (bytes) => (bytes / 1048576).toFixed(1);
    process.stderr.write(
      `memory rss ${mib(usage.rss)} heapTotal ${mib(usage.heapTotal)} heapUsed ${mib(usage.heapUsed)} external ${mib(usage.external)} arrayBuffers ${mib(usage.arrayBuffers)}\n`,
    );
  }
});
