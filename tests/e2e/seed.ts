// Writes a populated carton (the Témiscouata carton of the 2023 forum) through a real
// y-websocket client and the board model's commands, as another participant would.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { Board, localOrigin, type NoteColor, type StampKind } from '@carton/board';

const PRESENT = [
  'RH à l’écoute des besoins des citoyen·nes et engagés',
  'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité',
  'Vision réaliste de notre réalité (grand territoire)',
  'Concertation forte entre partenaires, partage des savoirs',
  'Avoir de l’aide en main-d’œuvre\u00a0: intervenant·es',
];
const WISHED = [
  'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
  'MRC + municipalités impliquées dans le dév. social, financièrement, dans les structures déjà en place',
  'Conditions qui permettent de combler des besoins de façon permanente (pas de projets qui tombent)',
  'Alléger les critères pour encourager l’initiative citoyenne, autogestion, «\u00a0empowerment\u00a0»',
  'Pouvoir développer de manière collective',
  'Financement systémique',
];

/**
 * A stock y-websocket client on a board, as another participant writing from Node, resolved once
 * synced. `close` destroys the provider and the document.
 */
export async function connectSeedClient(
  syncUrl: string,
  boardId: string,
  token: string,
): Promise<{ board: Board; close: () => void }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('seed client did not sync')), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    board: new Board(doc),
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function seedTemiscouata(
  syncUrl: string,
  boardId: string,
  token: string,
): Promise<number> {
  const { board, close } = await connectSeedClient(syncUrl, boardId, token);
  const origin = localOrigin('user:seed');
  board.run((tx) => {
    const carton = tx.create('carton', { x: 0, y: 0, w: 1600, h: 1040, title: 'Témiscouata' });
    const inCarton = { parentId: carton };
    tx.create('text', {
      x: 60,
      y: 100,
      w: 600,
      h: 48,
      fontSize: 40,
      text: '«\u00a0Conditions présentes\u00a0»',
      color: 'red',
      ...inCarton,
    });
    tx.create('text', {
      x: 840,
      y: 100,
      w: 700,
      h: 48,
      fontSize: 40,
      text: '«\u00a0Conditions souhaitées\u00a0»',
      color: 'blue',
      ...inCarton,
    });
    const placeNotes = (texts: string[], left: number, colors: NoteColor[], stamp: StampKind) =>
      texts.map((text, i) => {
        const x = left + (i % 3) * 235;
        const y = 180 + Math.floor(i / 3) * 235;
        const id = tx.create('note', {
          x,
          y,
          w: 210,
          h: 210,
          text,
          color: colors[i % colors.length]!,
          ...inCarton,
        });
        tx.create('stamp', {
          x: x + 170,
          y: y - 22,
          size: 52,
          kind: stamp,
          color: stamp === 'heart' ? 'red' : 'orange',
          ...inCarton,
        });
        return id;
      });
    const present = placeNotes(PRESENT, 50, ['yellow', 'pink', 'yellow'], 'heart');
    const wished = placeNotes(WISHED, 830, ['blue', 'green', 'blue'], 'star');
    tx.create('arrow', {
      x: 0,
      y: 0,
      start: { x: 0, y: 0 },
      end: { x: 0, y: 0 },
      startBinding: { shapeId: present[2]!, anchor: { x: 1, y: 0.5 } },
      endBinding: { shapeId: wished[0]!, anchor: { x: 0, y: 0.5 } },
      color: 'violet',
      width: 5,
    });
    // A hand-drawn wave under the notes: « filet de sécurité ».
    const points: number[] = [];
    for (let i = 0; i <= 32; i++)
      points.push(i * 22, Math.sin(i / 4) * 26, 0.35 + 0.3 * Math.sin(i / 7) ** 2);
    tx.create('stroke', { x: 80, y: 920, points, color: 'green', width: 6, ...inCarton });
    tx.create('text', {
      x: 830,
      y: 890,
      w: 700,
      h: 80,
      fontSize: 30,
      text: 'Répondre aux besoins de toutes, par et pour toutes',
      color: 'black',
      ...inCarton,
    });
    tx.create('note', {
      x: 1700,
      y: 180,
      w: 210,
      h: 210,
      text: 'Photomaton\u00a0: une photo par territoire\u202f!',
      color: 'orange',
    });
  }, origin);
  const count = board.listShapes().length;
  // Let the update leave before closing.
  await new Promise((resolve) => setTimeout(resolve, 200));
  close();
  return count;
}
