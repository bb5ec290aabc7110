import * as Y from 'yjs';
import { Board } from '../board/board.ts';
import type { BoardKind } from '../doc/layout.ts';
import { initBoardDoc } from '../doc/layout.ts';
import { BSL_TERRITORIES } from '../forum/territories.ts';
import type { LocalOrigin } from '../origin/origin.ts';
import { localOrigin } from '../origin/origin.ts';

// Test data from the 2023 forum of the Alliance pour la solidarité du Bas-Saint-Laurent.
export const TERRITORIES = BSL_TERRITORIES;

export const CONDITIONS_PRESENTES = [
  'RH à l’écoute des besoins des citoyens.nes et engagés',
  'Liens de relais entre les organismes',
  'Vision réaliste de notre réalité (grand territoire)',
  'Concertation forte entre partenaires, partage des savoirs',
] as const;

export const CONDITIONS_SOUHAITEES = [
  'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
  'Pouvoir développer de manière collective',
  'Financement systémique',
  'Alléger les critères pour encourager l’initiative citoyenne',
] as const;

export const INCONTOURNABLES = [
  'Participation Citoyenne',
  'Accompagnement',
  'Bon leadership',
  'Processus légers et clairs',
  'Accepter que les choses peuvent prendre du temps.',
] as const;

export const POSTCARD_PROMPT = 'Mes conditions de succès pour la prochaine Alliance';

export interface TestBoard {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly me: LocalOrigin;
}

export function newTestBoard(
  title = 'Témiscouata',
  kind: BoardKind = 'territory',
  userId = 'marie-anne',
): TestBoard {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, kind });
  return { doc, board: new Board(doc), me: localOrigin(userId) };
}

/** A second peer synced from `doc`, with its own Board. */
export function forkPeer(doc: Y.Doc, userId: string): TestBoard {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return { doc: peer, board: new Board(peer), me: localOrigin(userId) };
}

/** Exchanges every missing update between two docs (both directions). */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}
