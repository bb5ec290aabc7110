// The forum table of bench/phone/crowd.mjs: a territory board as a table leaves it (the template's carton with notes, drawings, stamps, arrows and phone photos),
// and the nine other participants on it (stock y-websocket clients).
/* global document */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  arrowBetween,
  importInto,
  shapeBases,
  stampOn,
  templateBoard,
  territoryFile,
} from './seed.mjs';

export const PEERS = 9;
export const PHOTOS = 8;

export const SENTENCES = [
  'RH à l’écoute des besoins des citoyen·nes et engagés',
  'Liens de relais entre les organismes',
  'Vision réaliste de notre réalité (grand territoire)',
  'Concertation forte entre partenaires, partage des savoirs',
  'Avoir de l’aide en main-d’œuvre\u00a0: intervenant·es',
  'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
  'Conditions qui permettent de combler des besoins de façon permanente',
  'Alléger les critères pour encourager l’initiative citoyenne',
  'Pouvoir développer de manière collective',
  'Financement systémique',
  'Souplesse et confiance dans la gestion locale',
  'Permettre l’expérimentation',
];
const NAMES = [
  'Émilie',
  'Pierre',
  'Nadia',
  'Jocelyn',
  'Marie-Ève',
  'Réjean',
  'Sylvie',
  'Kevin',
  'Lise',
];
const COLORS = [
  '#e53935',
  '#8e24aa',
  '#3949ab',
  '#00897b',
  '#7cb342',
  '#fb8c00',
  '#6d4c41',
  '#546e7a',
  '#d81b60',
];

/** Phone photos drawn by Chromium: a flipchart's paper, its writing, the room around it. */
export async function photos(browser) {
  const page = await browser.newPage();
  const out = await page.evaluate((count) => {
    const list = [];
    for (let n = 0; n < count; n++) {
      const canvas = document.createElement('canvas');
      canvas.width = 2560;
      canvas.height = 1920;
      const g = canvas.getContext('2d');
      g.fillStyle = `hsl(${n * 40}, 25%, 45%)`;
      g.fillRect(0, 0, 2560, 1920);
      g.fillStyle = '#f4f1e8';
      g.fillRect(500, 200, 1560, 1600);
      let seed = n + 1;
      const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      g.font = '64px sans-serif';
      for (let line = 0; line < 18; line++) {
        g.fillStyle = ['#1b5e20', '#0d47a1', '#b71c1c'][line % 3];
        g.fillText('Condition de succès n° ' + Math.floor(rnd() * 100), 560, 300 + line * 80);
      }
      // The camera's grain: what makes a real photo's JPEG weigh what it does.
      const grain = g.getImageData(0, 0, 2560, 1920);
      for (let i = 0; i < grain.data.length; i += 4) {
        const d = (rnd() - 0.5) * 24;
        grain.data[i] += d;
        grain.data[i + 1] += d;
        grain.data[i + 2] += d;
      }
      g.putImageData(grain, 0, 0);
      list.push(canvas.toDataURL('image/jpeg', 0.82).split(',')[1]);
    }
    return list;
  }, PHOTOS);
  await page.close();
  return out;
}

/** The territory board: the template's carton and headings, with what a table puts on it. */
function boardFile(carton, jpegs) {
  const shapes = [];
  const base = shapeBases();
  const { x: cx, y: cy, w: cw, h: ch } = carton;
  for (let i = 0; i < 40; i++) {
    shapes.push({
      ...base('note', i, cx + 40 + (i % 8) * ((cw - 80) / 8), cy + 180 + Math.floor(i / 8) * 150),
      type: 'note',
      text: SENTENCES[i % SENTENCES.length],
      color: ['yellow', 'pink', 'green', 'blue', 'orange'][i % 5],
      w: 120,
      h: 120,
    });
  }
  for (let i = 0; i < 15; i++) {
    const points = [];
    for (let k = 0; k < 60; k++)
      points.push(k * 4, Math.sin(k / 5 + i) * 30 + (k % 7), 0.5 + (k % 3) / 10);
    shapes.push({
      ...base('stroke', i, cx + 60 + (i % 5) * 300, cy + ch - 140 - Math.floor(i / 5) * 60),
      type: 'stroke',
      points,
      color: ['black', 'red', 'blue'][i % 3],
      width: 4,
    });
  }
  for (let i = 0; i < 20; i++) shapes.push(stampOn(base, i, shapes[i * 2]));
  for (let i = 0; i < 10; i++) shapes.push(arrowBetween(base, i, shapes[i * 4], shapes[i * 4 + 1]));
  const images = {};
  jpegs.forEach((data, i) => {
    const blobId = `photo-${i}`;
    images[blobId] = { mime: 'image/jpeg', data };
    shapes.push({
      ...base('image', i, cx + cw + 60 + (i % 2) * 440, cy + Math.floor(i / 2) * 340),
      type: 'image',
      blobId,
      w: 400,
      h: 300,
      mime: 'image/jpeg',
      naturalWidth: 2560,
      naturalHeight: 1920,
    });
  });
  return territoryFile(shapes, images);
}

export async function seedBoard(url, jpegs) {
  const { board, exported, carton } = await templateBoard(url, 'Banc de la table');
  const file = boardFile(carton, jpegs);
  await importInto(url, board, file);
  return { board, carton, total: exported.shapes.length + file.shapes.length };
}

/** Nine participants on the board: cursors at 20 Hz while `moving`, a note nudged now and then. */
export async function crowd(url, board, carton) {
  const syncUrl = url.replace(/^http/, 'ws') + '/sync';
  const peers = [];
  for (let i = 0; i < PEERS; i++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncUrl, board.id, doc, {
      params: { token: board.edit.token },
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    });
    await new Promise((resolve) => provider.once('sync', resolve));
    provider.awareness.setLocalState({
      user: { id: `user:peer${i}`, name: NAMES[i], color: COLORS[i] },
      cursor: { x: carton.x + 200, y: carton.y + 200 },
    });
    peers.push({ doc, provider });
  }
  const state = { moving: false, edits: 0 };
  let tick = 0;
  const timer = setInterval(() => {
    if (!state.moving) return;
    tick++;
    peers.forEach(({ provider }, i) => {
      const a = tick / 10 + i;
      provider.awareness.setLocalStateField('cursor', {
        x: carton.x + carton.w / 2 + Math.cos(a) * (200 + i * 40),
        y: carton.y + carton.h / 2 + Math.sin(a) * (150 + i * 30),
      });
    });
    // Every 2 s someone moves a note a little (the others' edits, now and then).
    if (tick % 40 === 0) {
      const { doc } = peers[tick % PEERS];
      const shapes = doc.getMap('board').get('shapes');
      const notes = [...shapes.values()].filter((s) => s.get('type') === 'note');
      const note = notes[tick % notes.length];
      doc.transact(() => note.set('x', note.get('x') + (tick % 80 ? 2 : -2)));
      state.edits++;
    }
  }, 50);
  return {
    state,
    close() {
      clearInterval(timer);
      for (const { provider, doc } of peers) {
        provider.destroy();
        doc.destroy();
      }
    },
  };
}
