// Who kept the relay's event loop off its core: reads a `perf sched record -C 0` capture taken
// during a bench/relay run and charges each wait of the server's main thread (runnable, not
// running) to the tasks that ran on core 0 meanwhile, the server's own threads apart.
// `node bench/relay/sched-delays.mjs perf.data <server pid> [own tid,tid,…]`
// (own tids: `ls /proc/<pid>/task` during the run; default: every tid seen under that pid).
// Method and figures: bench/RESULTS.md, Notes, 27 Nov.
import { spawnSync } from 'node:child_process';

const [file, pidArg, ownArg] = process.argv.slice(2);
if (!file || !pidArg) {
  process.stderr.write('usage: sched-delays.mjs perf.data <pid> [tid,tid,…]\n');
  process.exit(2);
}
const pid = Number(pidArg);
const own = new Set((ownArg ?? '').split(',').filter(Boolean).map(Number));
own.delete(pid);
const script = spawnSync('perf', ['script', '-i', file, '-F', 'pid,tid,time,event,trace'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (script.status !== 0) throw new Error(script.stderr);

const switchRe =
  /prev_comm=(.*?) prev_pid=(\d+) .*prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)/;
const wakeRe = /comm=(.*?) pid=(\d+) prio/;
const names = new Map();
/** The main thread's current wait: since when, and how long each task ran meanwhile. */
let wait = null;
let running = null;
let runningSince = 0;
const waits = [];
for (const line of script.stdout.split('\n')) {
  // `pid/tid time: event fields…` (the task on the core when the event fired).
  const parts = line.trim().split(/\s+/);
  if (parts.length < 4) continue;
  const [procTid, stamp, event] = parts;
  const [procId, tid] = procTid.split('/').map(Number);
  if (procId === pid && !ownArg) own.add(tid);
  const time = Number(stamp.replace(':', '')) * 1000;
  const rest = parts.slice(3).join(' ');
  if (event === 'sched:sched_waking:' || event === 'sched:sched_wakeup:') {
    const match = wakeRe.exec(rest);
    if (match && Number(match[2]) === pid && !wait) wait = { since: time, ran: new Map() };
  } else if (event === 'sched:sched_switch:') {
    const match = switchRe.exec(rest);
    if (!match) continue;
    const [, prevName, prevTid, prevState, nextName, nextTid] = match;
    names.set(Number(prevTid), prevName);
    names.set(Number(nextTid), nextName);
    if (running !== null && wait && running !== pid) {
      wait.ran.set(running, (wait.ran.get(running) ?? 0) + time - runningSince);
    }
    // Preempted while runnable: waiting from now.
    if (Number(prevTid) === pid && prevState.startsWith('R'))
      wait = { since: time, ran: new Map() };
    if (Number(nextTid) === pid && wait) {
      waits.push({ ms: time - wait.since, ran: wait.ran });
      wait = null;
    }
    running = Number(nextTid);
    runningSince = time;
  }
}
own.delete(pid);
const ownMs = (ran) => [...ran].reduce((sum, [tid, ms]) => sum + (own.has(tid) ? ms : 0), 0);
const sorted = waits.map((w) => w.ms).sort((a, b) => a - b);
const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? 0;
// A wait is the server's own doing when its own threads ran at least half of it.
const ownWaits = waits.filter((w) => ownMs(w.ran) > 0.5 * w.ms);
const perThread = new Map();
for (const w of waits) {
  for (const [tid, ms] of w.ran)
    if (own.has(tid)) perThread.set(tid, (perThread.get(tid) ?? 0) + ms);
}
const f = (ms) => ms.toFixed(2);
console.log(
  `main thread ${pid}: ${waits.length} waits, ${f(sorted.reduce((a, b) => a + b, 0))} ms`,
);
console.log(`  wait p50 ${f(at(0.5))} p90 ${f(at(0.9))} p99 ${f(at(0.99))} max ${f(at(1))} ms`);
console.log(
  `  waits mostly the server's own threads: ${ownWaits.length}, ${f(ownWaits.reduce((s, w) => s + w.ms, 0))} ms;` +
    ` over 1 ms: ${ownWaits.filter((w) => w.ms > 1).length}`,
);
console.log(
  `  own threads' time in the main thread's waits: ` +
    [...perThread].map(([tid, ms]) => `${tid} ${f(ms)} ms`).join(', '),
);
