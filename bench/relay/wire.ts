// bench/wire: bytes on the wire for gestures through Carton's real relay (bytes counted at each
// client's TCP socket), against what the result adds to the stored board. Each gesture runs with
// the stock y-websocket client and with Carton's web client (presence/ownAwareness: it never
// re-sends the remote presence it applies).
// - a 5-second freehand stroke: points streamed through awareness at ~60 Hz (the state carries
//   the stroke id, the index of its first point and the last 3 points, so a coalesced tick loses
//   none), the final stroke written once on pointer-up, simplified (strokeFromPagePoints, M28);
// - a 5-second note drag: x, y written once per animation frame (~60 Hz);
// - the stroke as the web pen sends it: the real Presence publisher, which sends the stroke 5
//   times a second as chunks of the points added since the previous one, thinned and compactly
//   encoded (apps/web/src/presence/strokeChunker.ts, strokeCodec.ts), and no cursor while
//   drawing; Carton's client only. This is the row that decides.
// One drawer, one observer. The target (≤ 3×) holds per link: the drawer's upload and the
// observer's download, each against what the gesture appends to the board's update log (the
// bytes of the doc updates); both must meet it. The sum over both sockets both ways and the
// snapshot after compaction are shown beside them.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as Y from 'yjs';
import { strokeFromPagePoints } from '@carton/board';
import { Presence } from '../../apps/web/src/presence/publisher.ts';
import { BenchClient, socketBytes } from './lib/client.ts';
import { startCarton } from './lib/servers.ts';
import { fmt, sleep, until } from './lib/stats.ts';

/** Gesture length; BENCH_WIRE_MS=10000 checks that a stroke's bytes grow linearly with it. */
const GESTURE_MS = Number(process.env.BENCH_WIRE_MS ?? 5_000);
const SECONDS = GESTURE_MS / 1000;
const FRAME_MS = 1000 / 60;
const TARGET = 3;

/**
 * One gesture's figures. The target is per link: what crosses the drawer's connection (its
 * upload) and what crosses one observer's (its download), each against the bytes the gesture
 * appends to the board. With N observers the relay's fan-out is N× any of it, so a sum over
 * sockets is not what is compared with the stored bytes (it also counts the result twice); it is
 * kept as an informational column.
 */
export interface WireRow {
  gesture: string;
  /** Bytes the drawer's socket wrote (framing included). */
  drawerUpBytes: number;
  /** Bytes the observer's socket read (framing included). */
  observerDownBytes: number;
  /** Both clients' sockets, both ways (informational). */
  totalBytes: number;
  appendedBytes: number;
  snapshotGrowth: number;
  upRatio: number;
  downRatio: number;
  /** Both links within the target. */
  met: boolean;
  comparison: boolean;
}

interface Probe {
  drawer: BenchClient;
  observer: BenchClient;
}

function totalSocketBytes({ drawer, observer }: Probe) {
  const d = socketBytes(drawer.counters);
  const o = socketBytes(observer.counters);
  return {
    all: d.read + d.written + o.read + o.written,
    drawerUp: d.written,
    observerDown: o.read,
  };
}

/** Runs `gesture` and measures socket bytes and the doc updates it produced. */
async function measure(probe: Probe, gesture: () => Promise<void>, done: () => boolean) {
  let appended = 0;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === probe.drawer.origin) appended += update.byteLength;
  };
  probe.drawer.doc.on('update', onUpdate);
  const stateBefore = Y.encodeStateAsUpdate(probe.observer.doc).byteLength;
  const before = totalSocketBytes(probe);
  await gesture();
  await until(done, 10_000);
  await sleep(500); // coalesced awareness and the stock client's re-broadcasts settle
  const after = totalSocketBytes(probe);
  probe.drawer.doc.off('update', onUpdate);
  const stateAfter = Y.encodeStateAsUpdate(probe.observer.doc).byteLength;
  return {
    totalBytes: after.all - before.all,
    drawerUpBytes: after.drawerUp - before.drawerUp,
    observerDownBytes: after.observerDown - before.observerDown,
    appendedBytes: appended,
    snapshotGrowth: stateAfter - stateBefore,
  };
}

/** A handwriting-like path: 5 s of points at 60 Hz, [x, y, pressure] triples. */
function strokePoint(i: number): [number, number, number] {
  const t = i / 60;
  return [
    Math.round(200 + t * 120 + 25 * Math.sin(t * 9)),
    Math.round(300 + 40 * Math.sin(t * 4) + 15 * Math.cos(t * 13)),
    0.5,
  ];
}

async function drawStroke(drawer: BenchClient): Promise<string> {
  const points: number[] = [];
  const start = performance.now();
  const strokeKey = Math.floor(Math.random() * 1e6);
  let i = 0;
  while (performance.now() - start < GESTURE_MS) {
    const [x, y, p] = strokePoint(i);
    points.push(x, y, p);
    const from = Math.max(0, i - 2);
    const window: number[] = [];
    for (let k = from; k <= i; k++) window.push(points[k * 3]!, points[k * 3 + 1]!);
    drawer.provider.awareness.setLocalStateField('s', [strokeKey, from, ...window]);
    i++;
    await sleep(FRAME_MS);
  }
  const stroke = strokeFromPagePoints(points);
  let id = '';
  drawer.board.run((tx) => {
    id = tx.create('stroke', { ...stroke, color: 'black', width: 4 });
  }, drawer.origin);
  drawer.provider.awareness.setLocalStateField('s', null);
  return id;
}

async function dragNote(drawer: BenchClient, id: string): Promise<{ x: number; y: number }> {
  const start = performance.now();
  let last = { x: 0, y: 0 };
  while (performance.now() - start < GESTURE_MS) {
    const t = (performance.now() - start) / 1000;
    last = { x: Math.round(400 + 300 * Math.sin(t)), y: Math.round(300 + 200 * Math.cos(t * 1.3)) };
    const move = last;
    drawer.board.run((tx) => tx.update(id, move), drawer.origin);
    await sleep(FRAME_MS);
  }
  return last;
}

/** Screen to world at this zoom: the pen records world coordinates, often fractional. */
const PEN_ZOOM = 1.25;
/** As the web client's identity: `user:` and 24 hex digits (board/identity.ts). */
const PEN_USER = { id: 'user:5f0c2a9e41b7d38c6e12fa07', name: 'Kamouraska', color: '#d1495b' };

/**
 * The web pen (tools/pen): every pointer move sets the cursor, adds a point and hands the whole
 * stroke so far to the Presence publisher, which sends only the new points, 5 times a second.
 */
async function drawStrokeAsWebPen(drawer: BenchClient, presence: Presence): Promise<string> {
  const points: [number, number, number][] = [];
  const start = performance.now();
  let i = 0;
  while (performance.now() - start < GESTURE_MS) {
    const [x, y, p] = strokePoint(i);
    const world = { x: x / PEN_ZOOM, y: y / PEN_ZOOM };
    points.push([world.x, world.y, p]);
    presence.setCursor(world);
    presence.setPreview({ kind: 'stroke', points: points.slice(), color: 'black', width: 4 });
    i++;
    await sleep(FRAME_MS);
  }
  // As the pen's pointer-up: the preview ends, then the stroke is written once.
  presence.setPreview(null);
  const stroke = strokeFromPagePoints(points.flat());
  let id = '';
  drawer.board.run((tx) => {
    id = tx.create('stroke', { ...stroke, color: 'black', width: 4 });
  }, drawer.origin);
  return id;
}

/** The stock y-websocket client, then Carton's web client (no re-sent remote presence). */
const CLIENT_MODELS = [
  { label: 'stock client', ownAwarenessOnly: false },
  { label: "Carton's client", ownAwarenessOnly: true },
] as const;

export async function runWireBench(repoRoot: string): Promise<WireRow[]> {
  const server = await startCarton({ repoRoot });
  try {
    const accesses = await server.boards(2);
    const rows: WireRow[] = [];
    for (const [index, model] of CLIENT_MODELS.entries()) {
      const options = { ownAwarenessOnly: model.ownAwarenessOnly };
      const drawer = new BenchClient(server, accesses[index]!, null, 'drawer', options);
      const observer = new BenchClient(server, accesses[index]!, null, 'observer', options);
      await Promise.all([drawer.synced(), observer.synced()]);
      const [noteId] = drawer.createNotes(1);
      await until(() => observer.noteState(noteId!) !== null, 10_000);
      await sleep(500);
      const probe = { drawer, observer };
      let strokeId = '';
      const strokeDone = () => strokeId !== '' && observer.noteState(strokeId) !== null;
      const stroke = await measure(
        probe,
        async () => {
          strokeId = await drawStroke(drawer);
        },
        strokeDone,
      );
      rows.push(
        row(
          `${SECONDS}-second stroke, naive preview for comparison (last 3 points at ~60 Hz), pointer-up write — ${model.label}`,
          stroke,
          true,
        ),
      );
      let target: { x: number; y: number } | null = null;
      const drag = await measure(
        probe,
        async () => {
          target = await dragNote(drawer, noteId!);
        },
        () => {
          const state = observer.noteState(noteId!);
          return target !== null && state?.[0] === target.x && state?.[1] === target.y;
        },
      );
      rows.push(row(`${SECONDS}-second note drag (x, y per frame, ~60 Hz) — ${model.label}`, drag));
      if (model.ownAwarenessOnly) {
        // The web pen as it is: its Presence publisher sending the stroke's new points at 5 Hz.
        const presence = new Presence(drawer.provider.awareness, PEN_USER, false);
        await sleep(500);
        strokeId = '';
        const penStroke = await measure(
          probe,
          async () => {
            strokeId = await drawStrokeAsWebPen(drawer, presence);
          },
          strokeDone,
        );
        presence.destroy();
        rows.push(
          row(
            `${SECONDS}-second stroke as the web pen sends it (Presence: new points only, thinned, compact, 5 Hz, no cursor while drawing) — ${model.label}`,
            penStroke,
          ),
        );
      }
      drawer.destroy();
      observer.destroy();
    }
    return rows;
  } finally {
    await server.stop();
  }
}

/** `comparison`: a way of doing it Carton does not use, shown for scale; no target applies. */
function row(
  gesture: string,
  figures: Omit<WireRow, 'gesture' | 'upRatio' | 'downRatio' | 'met' | 'comparison'>,
  comparison = false,
): WireRow {
  const upRatio = figures.drawerUpBytes / figures.appendedBytes;
  const downRatio = figures.observerDownBytes / figures.appendedBytes;
  const met = upRatio <= TARGET && downRatio <= TARGET;
  return { gesture, ...figures, upRatio, downRatio, met, comparison };
}

export function printWireRows(rows: WireRow[]): void {
  process.stdout.write(
    "\nbench/wire — Carton relay, one drawer and one observer, bytes per link at the clients' sockets (framing included)\n" +
      '| gesture | drawer upload | observer download | appended to the board log | upload / appended | download / appended | target (each link) | met | both sockets, both ways (info) | snapshot growth after compaction |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${r.gesture} | ${r.drawerUpBytes} | ${r.observerDownBytes} | ${r.appendedBytes} | ${fmt(r.upRatio, 2)}× | ${fmt(r.downRatio, 2)}× | ${r.comparison ? '—' : `≤ ${TARGET}×`} | ${r.comparison ? '—' : r.met ? 'yes' : 'NO'} | ${r.totalBytes} | ${r.snapshotGrowth} |\n`,
    );
  }
}

export async function main(): Promise<void> {
  const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
  printWireRows(await runWireBench(repoRoot));
}
