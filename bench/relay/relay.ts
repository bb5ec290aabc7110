// bench/relay: Carton's relay against the reference y-websocket server (@y/websocket-server
// 0.1.1), same load from stock clients, A B B A, a fresh server each run, server on core 0 and
// this load generator on core 1. Carton persists every update to SQLite; the reference does not.
// Build and run: `npm run bench` (or `node bench/relay/run.mjs relay`).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runPaired, med, type PairedResult } from './lib/run.ts';
import { fmt } from './lib/stats.ts';
import { coldJoin } from './scenarios/coldjoin.ts';
import { cursors } from './scenarios/cursors.ts';
import { fanout } from './scenarios/fanout.ts';
import { memory } from './scenarios/memory.ts';
import { throughput } from './scenarios/throughput.ts';

export interface Row {
  measure: string;
  carton: string;
  reference: string;
  ratio: string;
  target: string;
  /** null: an information row, no target. */
  met: boolean | null;
}

const UNLOAD_MS = 500;

/** A percentage with its sign: +29.4, −7.2. */
const signed = (value: number): string => (value < 0 ? `−${fmt(-value)}` : `+${fmt(value)}`);

export async function runRelayBench(
  repoRoot: string,
  reps = Number(process.env.BENCH_REPS ?? 3),
): Promise<Row[]> {
  const options = { repoRoot, env: { CARTON_ROOM_UNLOAD_MS: String(UNLOAD_MS) } };
  const measureMs = Number(process.env.BENCH_MEASURE_MS ?? 4_000);
  // The fan-out p99 rests on its ~1 % slowest deliveries: 10 s at 100 edits/s gives 9,000
  // deliveries a run (its 90 slowest), where 4 s left it to the 4–5 slowest edits.
  const fanoutMs = Number(process.env.BENCH_FANOUT_MS ?? 10_000);
  const only = process.env.BENCH_ONLY?.split(',');
  const want = (name: string) => !only || only.includes(name);
  const rows: Row[] = [];
  const ratioRow = (
    measure: string,
    result: PairedResult,
    key: string,
    unit: string,
    limit: number,
    digits = 1,
  ) => {
    const carton = med(result.carton, key);
    const reference = med(result.reference, key);
    const ratio = carton / reference;
    rows.push({
      measure,
      carton: `${fmt(carton, digits)} ${unit}`,
      reference: `${fmt(reference, digits)} ${unit}`,
      ratio: `${fmt(ratio, 3)}×`,
      target: `≤ ${limit}×`,
      met: ratio <= limit,
    });
  };

  if (want('fanout')) {
    const result = await runPaired('fanout', reps, options, (server) => fanout(server, fanoutMs));
    ratioRow(
      'fan-out latency p99 (10 boards × 10 clients, 10 edits/s/board, cursors 20 Hz)',
      result,
      'editP99',
      'ms',
      0.7,
    );
    extras('fanout', result, [
      'editP50',
      'cursorP99',
      'editsSent',
      'serverCpuPct',
      'loadGenCpuPct',
      'converged',
    ]);
    convergedRow(rows, 'fan-out', result);
  }
  if (want('fanout-floor')) {
    // The same edits without cursors, A B B A: how low the p99 goes on this machine when
    // neither server nor load generator has anything else to do (information, no target).
    const result = await runPaired('fanout-floor', 2, options, (server) =>
      fanout(server, fanoutMs, { cursorHz: 0 }),
    );
    const carton = med(result.carton, 'editP99');
    const reference = med(result.reference, 'editP99');
    rows.push({
      measure: 'fan-out latency p99, the same edits without cursors (this machine’s floor)',
      carton: `${fmt(carton)} ms`,
      reference: `${fmt(reference)} ms`,
      ratio: `${fmt(carton / reference, 3)}×`,
      target: '— (information)',
      met: null,
    });
    extras('fanout-floor', result, ['editP50', 'serverCpuPct', 'loadGenCpuPct', 'converged']);
    convergedRow(rows, 'fan-out without cursors', result);
  }
  if (want('throughput')) {
    const result = await runPaired('throughput', reps, options, (server) =>
      throughput(server, measureMs),
    );
    ratioRow(
      'server CPU per delivered update (~4,800 edits/s, 10 × 10)',
      result,
      'serverCpuUsPerDelivered',
      'µs',
      0.5,
      2,
    );
    extras('throughput', result, [
      'editsPerSecond',
      'serverCpuPct',
      'loadGenCpuPct',
      'editP99',
      'converged',
    ]);
    convergedRow(rows, 'throughput', result);
  }
  if (want('cursors')) {
    const result = await runPaired('cursors', reps, options, (server) =>
      cursors(server, measureMs),
    );
    ratioRow(
      'messages/s the server sends (1 board × 30 clients, cursors 20 Hz)',
      result,
      'serverMessagesPerSecond',
      'msg/s',
      0.1,
      0,
    );
    ratioRow('cursor latency p99 (same)', result, 'cursorP99', 'ms', 1);
    extras('cursors', result, ['serverKiBPerSecond', 'cursorP50', 'serverCpuPct', 'loadGenCpuPct']);
  }
  if (want('coldjoin')) {
    const result = await runPaired('coldjoin', reps, options, (server) =>
      coldJoin(server, 2, UNLOAD_MS + 2_000),
    );
    ratioRow(
      'cold join of a 10,000-note board, minus client decode',
      result,
      'joinMinusDecodeMs',
      'ms',
      0.5,
    );
    extras('coldjoin', result, ['joinTotalMs', 'clientDecodeMs', 'bytesReceived']);
  }
  if (want('memory')) {
    const result = await runPaired('memory', reps, options, (server) =>
      memory(server, UNLOAD_MS + 2_500),
    );
    ratioRow(
      'server memory per loaded 100-note board (RSS after GC)',
      result,
      'perBoardKiB',
      'KiB',
      1,
      0,
    );
    const carton = med(result.carton, 'afterVsIdlePct');
    const reference = med(result.reference, 'afterVsIdlePct');
    rows.push({
      measure: 'server memory after every client left, vs idle process (RSS after GC)',
      carton: `${signed(carton)} % (${fmt(med(result.carton, 'afterLeaveMiB'))} MiB)`,
      reference: `${signed(reference)} % (${fmt(med(result.reference, 'afterLeaveMiB'))} MiB)`,
      ratio: '',
      target: 'Carton ≤ +10 %',
      met: carton <= 10,
    });
    extras('memory', result, ['idleMiB', 'perBoardKiB', 'afterLeaveMiB']);
  }
  return rows;
}

function convergedRow(rows: Row[], label: string, result: PairedResult): void {
  const runs = [...result.carton, ...result.reference];
  const ok = runs.every((run) => run.converged === 1);
  rows.push({
    measure: `${label}: every client's document equal at the end, no edit undelivered`,
    carton: result.carton.every((run) => run.converged === 1) ? 'yes' : 'NO',
    reference: result.reference.every((run) => run.converged === 1) ? 'yes' : 'NO',
    ratio: '',
    target: 'always',
    met: ok,
  });
}

function extras(label: string, result: PairedResult, keys: string[]): void {
  const parts = keys.map(
    (key) => `${key} ${fmt(med(result.carton, key))} / ${fmt(med(result.reference, key))}`,
  );
  process.stdout.write(`  ${label} (Carton / reference, medians): ${parts.join(', ')}\n`);
}

export function printRows(title: string, rows: Row[]): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(
    '| measure | Carton | reference | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |\n',
  );
  for (const row of rows) {
    process.stdout.write(
      `| ${row.measure} | ${row.carton} | ${row.reference} | ${row.ratio} | ${row.target} | ${row.met === null ? '—' : row.met ? 'yes' : 'NO'} |\n`,
    );
  }
}

export async function main(): Promise<void> {
  const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
  const rows = await runRelayBench(repoRoot);
  printRows(
    'bench/relay — Carton vs @y/websocket-server 0.1.1 (medians of A B B A A B runs, a fresh server each)',
    rows,
  );
}
