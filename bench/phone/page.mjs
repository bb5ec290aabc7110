// A phone's board page in Chromium for bench/phone/run.mjs and crowd.mjs: the browser they launch,
// and the page's frames (requestAnimationFrame) and each Konva layer's redraws while they act.
// Functions passed to page.evaluate run in the page.
/* global window, requestAnimationFrame */
import { chromium } from 'playwright-core';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
}

/** Starts counting the page's frames and each Konva layer's redraws (static, drag, interaction). */
export async function countFrames(page) {
  await page.evaluate(() => {
    // Konva puts itself on window.
    const layers = window.Konva?.stages[0]?.getLayers() ?? [];
    window.__benchDraws = layers.map(() => 0);
    layers.forEach((layer, i) => {
      layer.drawScene = function (...args) {
        if (window.__benchDraws) window.__benchDraws[i]++;
        return Object.getPrototypeOf(this).drawScene.apply(this, args);
      };
    });
    const times = [];
    window.__benchFrames = times;
    const step = (t) => {
      times.push(t);
      if (window.__benchFrames === times) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** Stops counting: fps, frame gaps p50/p95/max and redraws, of the frames since `from` (page ms). */
export async function framesCounted(page, from = -Infinity) {
  const { times, draws } = await page.evaluate((since) => {
    const all = window.__benchFrames.filter((t) => t >= since);
    const counted = window.__benchDraws;
    window.__benchFrames = null;
    window.__benchDraws = null;
    for (const layer of window.Konva?.stages[0]?.getLayers() ?? []) delete layer.drawScene;
    return { times: all, draws: counted };
  }, from);
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const elapsed = times[times.length - 1] - times[0];
  return {
    fps: ((times.length - 1) / elapsed) * 1000,
    p50: percentile(gaps, 0.5),
    p95: percentile(gaps, 0.95),
    max: gaps[gaps.length - 1],
    draws,
    seconds: elapsed / 1000,
  };
}
