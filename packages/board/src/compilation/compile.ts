import type { Shape } from '../shapes/registry.ts';
import { noteKey } from '../forum/layout.ts';

/** One board's notes, as the compilation sees them. */
export interface CompilationBoard {
  readonly boardId: string;
  /** Shown when the board has no territory (« Cartes postales »). */
  readonly title: string;
  readonly territory: string | null;
  /** The board's readable shapes (`board.listShapes()`); only notes with text count. */
  readonly shapes: readonly Shape[];
}

export interface CompilationOptions {
  /** itemKey → targetItemKey (the facilitator's manual merges, forum doc `compilation.merges`). */
  readonly merges?: Readonly<Record<string, string>>;
  /** Item keys the facilitator set aside (forum doc `compilation.setAside`, C7). */
  readonly setAside?: readonly string[];
  /** itemKey → the facilitator's words for the idea (forum doc `compilation.wordings`, C8). */
  readonly wordings?: Readonly<Record<string, string>>;
  /** noteKey (`<boardId>/<shapeId>`) → dots, summed over the votes the caller chose. */
  readonly votes?: Readonly<Record<string, number>>;
  /**
   * Each vote's dots with its question, added to `votes`: an item then says how many dots it
   * had per question (`votesBy`), so unrelated questions are not mixed unsaid.
   */
  readonly voteTallies?: readonly VoteTally[];
  /**
   * noteKey of a note the server placed on the plenary (server C10) → the idea key it was placed
   * for. Such a note is the list's copy of an idea, not one more note of it (no count, no
   * source): its dots in `votes` and `voteTallies` count for that idea (its merge's target),
   * once, whatever its words now say; an idea no longer among the boards' notes takes none.
   */
  readonly placedNotes?: Readonly<Record<string, string>>;
}

/** One vote's dots: its question (`title`) and noteKey → dots. */
export interface VoteTally {
  readonly title: string;
  readonly counts: Readonly<Record<string, number>>;
}

/** An item's dots under one question (votes with the same title are rounds of one question). */
export interface ItemVotes {
  readonly title: string;
  readonly votes: number;
}

/** One « incontournable »: an idea and how often, where and how strongly it came up. */
export interface IncontournableItem {
  /** The normalized idea (ideaKey) of the item's first note: the key merges refer to. */
  readonly key: string;
  /**
   * The facilitator's words for it (C8), else the words most of its notes use (spacing
   * collapsed; a tie goes to the earliest).
   */
  readonly text: string;
  /** C8: its notes' words, when the facilitator's words replace them in `text`. */
  readonly notesText?: string;
  /** How many notes say it. */
  readonly count: number;
  /** Territories it came from, in board order. */
  readonly territories: readonly string[];
  /** Territories, or board titles for boards without one (« Cartes postales »), in board order. */
  readonly sources: readonly string[];
  /** Dots of all the votes given (C2). */
  readonly votes: number;
  /** The same dots per question, in the tallies' order; questions without its dots are left out. */
  readonly votesBy: readonly ItemVotes[];
  /** noteKeys of its notes. */
  readonly notes: readonly string[];
  /** Other item keys merged into it (identical after normalization are not listed). */
  readonly mergedKeys: readonly string[];
  /** C7: the facilitator set it aside: it stays out of the list and of the files. */
  readonly setAside: boolean;
}

/**
 * C1: the key of an idea: case, accents (NFD, marks removed), spacing and punctuation ignored.
 * « Participation citoyenne » and « participation  citoyenne! » share `participation citoyenne`.
 * Invisible format characters are dropped, not read as a space: a soft hyphen pasted from a
 * PDF or a zero-width space from a web page inside « Participation » made an idea of its own
 * that looked the same on the list and on the projected ranking.
 */
export function ideaKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .toLocaleLowerCase('fr-CA')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const displayText = (text: string) => text.trim().replace(/\s+/g, ' ');

interface Group {
  key: string;
  /** Each wording of its own notes (displayText) → how many notes use it, in first-seen order. */
  wordings: Map<string, number>;
  first: number;
  notes: string[];
  territories: Set<string>;
  sources: Set<string>;
  votes: number;
  votesBy: Map<string, number>;
  mergedKeys: string[];
}

/** C3: follows merges from `key` to the final target among existing groups (cycles stop). */
function resolveMerge(
  key: string,
  merges: Readonly<Record<string, string>>,
  groups: Map<string, Group>,
): string {
  let current = key;
  const seen = new Set([key]);
  for (;;) {
    const target = merges[current];
    if (target === undefined || !groups.has(target) || seen.has(target)) return current;
    seen.add(target);
    current = target;
  }
}

/**
 * C2: an idea's words are the wording most of its notes use (« Participation citoyenne » on
 * eight notes over one « participation citoyene »), a tie going to the earliest: the first
 * note's words, whatever their case or typos, read for the whole idea. Only its own notes (one
 * C1 key) vote: a merge's target keeps its words (C3).
 */
function usualWording(wordings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  // A Map iterates in insertion order: the earliest wording wins a tie.
  for (const [words, notes] of wordings) {
    if (notes > most) {
      best = words;
      most = notes;
    }
  }
  return best;
}

/** C7: the items still in the list: those the facilitator set aside are left out. */
export const keptItems = (items: readonly IncontournableItem[]) =>
  items.filter((item) => !item.setAside);

/**
 * C1–C4, C7: notes of the chosen boards (postcards included) → items. Identical ideas are one item
 * (ideaKey); manual merges then join items; empty notes are skipped. Order: votes, then count,
 * then first appearance (board order, then z-order).
 */
export function compileIncontournables(
  boards: readonly CompilationBoard[],
  options: CompilationOptions = {},
): IncontournableItem[] {
  const steps = compileSteps(boards, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Notes (or items) compiled between two of compileIncontournablesInSteps's pauses. */
export const COMPILE_STEP = 2_000;

/**
 * compileIncontournables, with `pause()` awaited every COMPILE_STEP notes and items: one pass
 * over M37's limits (10 boards of 10,000 notes) held a server's event loop — every board's sync —
 * for ~0.7–0.9 s at once (ideaKey of every note); the server lets go of it at each pause.
 */
export async function compileIncontournablesInSteps(
  boards: readonly CompilationBoard[],
  options: CompilationOptions,
  pause: () => Promise<void>,
): Promise<IncontournableItem[]> {
  const steps = compileSteps(boards, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* compileSteps(
  boards: readonly CompilationBoard[],
  options: CompilationOptions,
): Generator<void, IncontournableItem[]> {
  let sincePause = 0;
  const merges = options.merges ?? {};
  const setAside = new Set(options.setAside ?? []);
  const wordings = options.wordings ?? {};
  const votes = options.votes ?? {};
  const tallies = (options.voteTallies ?? []).map((tally) => ({
    title: tally.title.trim(),
    counts: tally.counts,
  }));
  // Every question in tally order, so that each item lists its questions in the same order.
  const questions = [...new Set(tallies.map((tally) => tally.title))];
  const addVotes = (group: Group, note: string) => {
    group.votes += votes[note] ?? 0;
    for (const tally of tallies) {
      const dots = tally.counts[note] ?? 0;
      if (dots === 0) continue;
      group.votes += dots;
      group.votesBy.set(tally.title, (group.votesBy.get(tally.title) ?? 0) + dots);
    }
  };
  const groups = new Map<string, Group>();
  const sourceOrder = new Map<string, number>();
  for (const board of boards) {
    const source = board.territory ?? board.title;
    if (!sourceOrder.has(source)) sourceOrder.set(source, sourceOrder.size);
  }
  const inBoardOrder = (names: Set<string>) =>
    [...names].sort((a, b) => sourceOrder.get(a)! - sourceOrder.get(b)!);
  let order = 0;
  for (const board of boards) {
    const source = board.territory ?? board.title;
    for (const shape of board.shapes) {
      if (++sincePause === COMPILE_STEP) {
        sincePause = 0;
        yield;
      }
      if (shape.type !== 'note') continue;
      const key = ideaKey(shape.text);
      if (key === '') continue;
      let group = groups.get(key);
      if (!group) {
        group = {
          key,
          wordings: new Map(),
          first: order++,
          notes: [],
          territories: new Set(),
          sources: new Set(),
          votes: 0,
          votesBy: new Map(),
          mergedKeys: [],
        };
        groups.set(key, group);
      }
      const words = displayText(shape.text);
      group.wordings.set(words, (group.wordings.get(words) ?? 0) + 1);
      const note = noteKey(board.boardId, shape.id);
      group.notes.push(note);
      if (board.territory !== null) group.territories.add(board.territory);
      group.sources.add(source);
      addVotes(group, note);
    }
  }
  // C10: a note of the list placed on the plenary gives its dots to the idea it was placed for.
  for (const [note, key] of Object.entries(options.placedNotes ?? {})) {
    const group = groups.get(key);
    if (group) addVotes(group, note);
  }
  // Merge in order of appearance so that sets keep board order as far as possible.
  const targets = new Map<string, string>();
  for (const key of groups.keys()) targets.set(key, resolveMerge(key, merges, groups));
  const finals = new Map<string, Group>();
  for (const [key, group] of groups) {
    const targetKey = targets.get(key)!;
    if (targetKey === key) finals.set(key, group);
  }
  for (const [key, group] of groups) {
    const targetKey = targets.get(key)!;
    if (targetKey === key) continue;
    const target = finals.get(targetKey)!;
    target.notes.push(...group.notes);
    for (const t of group.territories) target.territories.add(t);
    for (const s of group.sources) target.sources.add(s);
    target.votes += group.votes;
    for (const [title, dots] of group.votesBy)
      target.votesBy.set(title, (target.votesBy.get(title) ?? 0) + dots);
    target.mergedKeys.push(key, ...group.mergedKeys);
  }
  // C8: the facilitator's words for the final item (a merge's target) replace its notes';
  // its key stays the notes' (merges, ideas set aside and votes still find it).
  const toItem = (group: Group): IncontournableItem => {
    const wording = Object.hasOwn(wordings, group.key) ? wordings[group.key] : undefined;
    const text = usualWording(group.wordings);
    return Object.freeze({
      key: group.key,
      text: wording ?? text,
      ...(wording !== undefined && wording !== text ? { notesText: text } : {}),
      count: group.notes.length,
      territories: inBoardOrder(group.territories),
      sources: inBoardOrder(group.sources),
      votes: group.votes,
      votesBy: questions.flatMap((title) => {
        const dots = group.votesBy.get(title);
        return dots ? [Object.freeze({ title, votes: dots })] : [];
      }),
      notes: group.notes,
      mergedKeys: group.mergedKeys,
      // C7: the item's own key (a merge's target) decides; what was merged into it follows.
      setAside: setAside.has(group.key),
    });
  };
  const ranked = [...finals.values()].sort(
    (a, b) => b.votes - a.votes || b.notes.length - a.notes.length || a.first - b.first,
  );
  const items: IncontournableItem[] = [];
  for (const group of ranked) {
    if (++sincePause === COMPILE_STEP) {
      sincePause = 0;
      yield;
    }
    items.push(toItem(group));
  }
  return items;
}
