// Runs a scenario on both relays, alternating A B B A, a fresh server process each run.
import { startServer, type BenchServer, type ServerKind, type StartOptions } from './servers.ts';

export type Figures = Record<string, number>;

export interface PairedResult {
  carton: Figures[];
  reference: Figures[];
}

export async function runPaired(
  label: string,
  reps: number,
  options: StartOptions,
  scenario: (server: BenchServer) => Promise<Figures>,
): Promise<PairedResult> {
  const result: PairedResult = { carton: [], reference: [] };
  const order: ServerKind[] = [];
  for (let rep = 0; rep < reps; rep++) {
    order.push(
      ...((rep % 2 === 0 ? ['carton', 'reference'] : ['reference', 'carton']) as ServerKind[]),
    );
  }
  // BENCH_KIND=carton (or reference): run one server only, to compare builds of one relay.
  const onlyKind = process.env.BENCH_KIND;
  for (const kind of order) {
    if (onlyKind && kind !== onlyKind) continue;
    const server = await startServer(kind, options);
    try {
      const figures = await scenario(server);
      result[kind].push(figures);
      process.stderr.write(`  ${label} ${kind}: ${JSON.stringify(round(figures))}\n`);
    } finally {
      await server.stop();
    }
  }
  return result;
}

function round(figures: Figures): Figures {
  return Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, Math.round(value * 100) / 100]),
  );
}

/** Median of one figure over the runs. */
export function med(runs: Figures[], key: string): number {
  const values = runs.map((run) => run[key]!).filter((value) => Number.isFinite(value));
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Load generator CPU share over a window, from process.cpuUsage(). */
export function loadGenMeter(): () => number {
  const startCpu = process.cpuUsage();
  const startTime = performance.now();
  return () => {
    const used = process.cpuUsage(startCpu);
    return ((used.user + used.system) / 1000 / (performance.now() - startTime)) * 100;
  };
}
