// What a screen reader says when the selection changes: « Papillon adhésif jaune « Logement »,
// 3 sur 12 ». The canvas is pixels; this is its text for whoever cannot see them.
import type { Shape } from '@carton/board';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Words read aloud are short: a long note is cut after this many characters. */
const SPOKEN_CHARS = 120;

function spoken(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > SPOKEN_CHARS ? `${flat.slice(0, SPOKEN_CHARS - 1)}…` : flat;
}

/** A shape in words: its kind (with a note's colour, a stamp's kind) and its text if any. */
export function describeShape(t: Translate, shape: Shape): string {
  let kind: string;
  let text = '';
  switch (shape.type) {
    case 'note':
      kind = t('a11y.kind.note', { color: t(`colors.${shape.color}`).toLocaleLowerCase() });
      text = shape.text;
      break;
    case 'stamp':
      kind = t('a11y.kind.stamp', { stamp: t(`stamps.${shape.kind}`).toLocaleLowerCase() });
      break;
    case 'carton':
      kind = t('a11y.kind.carton');
      text = shape.title;
      break;
    case 'text':
      kind = t('a11y.kind.text');
      text = shape.text;
      break;
    case 'rect':
    case 'ellipse':
    case 'arrow':
    case 'stroke':
    case 'image':
      kind = t(`a11y.kind.${shape.type}`);
      break;
    default:
      kind = t('a11y.kind.other');
  }
  const words = spoken(text);
  const mayHoldText = shape.type === 'note' || shape.type === 'text' || shape.type === 'carton';
  const said = words
    ? t('a11y.withText', { kind, text: words })
    : mayHoldText
      ? t('a11y.empty', { kind })
      : kind;
  // English puts the colour first (« yellow sticky note »): a sentence starts with a capital.
  return said.charAt(0).toLocaleUpperCase() + said.slice(1);
}

/** The stamps on a note, counted by kind (« 2 cœurs, 1 étoile »): its votes. */
export function describeVotes(t: Translate, kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => t(`a11y.stampsOn.${kind}`, { count })).join(', ');
}

/**
 * The selection in words, with the shape's place in reading order when one is chosen, the
 * kinds of the stamps on it (a note's votes), and while a dot vote is open its dots
 * (`dotsOn`, already in words: « 3 points, dont 1 à vous »).
 */
export function describeSelection(
  t: Translate,
  selection: readonly string[],
  getShape: (id: string) => Shape | undefined,
  order: readonly string[],
  stampsOn: (id: string) => readonly string[] = () => [],
  dotsOn: (id: string) => string = () => '',
): string {
  if (selection.length === 0) return t('a11y.none');
  if (selection.length > 1) return t('a11y.many', { count: selection.length });
  const id = selection[0] ?? '';
  const shape = getShape(id);
  if (!shape) return t('a11y.none');
  const index = order.indexOf(id);
  const votes = [describeVotes(t, stampsOn(id)), dotsOn(id)].filter(Boolean).join(', ');
  const kind = votes ? `${describeShape(t, shape)}, ${votes}` : describeShape(t, shape);
  // Chosen from the keyboard to be unlocked (M33): say why it will not move.
  const described = shape.locked ? t('a11y.lockedShape', { shape: kind }) : kind;
  if (index < 0) return described;
  return t('a11y.position', { shape: described, index: index + 1, total: order.length });
}

/**
 * After Shift+Enter on a shape: it joined the selection, left it, or began it (« Sélection
 * commencée », with how to go on), and how many shapes are chosen now.
 */
export function describeToggle(
  t: Translate,
  shape: Shape,
  change: 'added' | 'removed' | 'kept',
  count: number,
): string {
  return t(`a11y.toggle.${change}`, {
    shape: describeShape(t, shape),
    selected: t('a11y.count', { count }),
  });
}

/**
 * Tab while building a selection: the shape the keyboard is now on, its place in reading order,
 * and whether it is chosen (Shift+Enter would then take it out, or add it).
 */
export function describeFocus(
  t: Translate,
  shape: Shape,
  chosen: boolean,
  order: readonly string[],
): string {
  const index = order.indexOf(shape.id);
  const described =
    index < 0
      ? describeShape(t, shape)
      : t('a11y.position', {
          shape: describeShape(t, shape),
          index: index + 1,
          total: order.length,
        });
  return t(chosen ? 'a11y.focusIn' : 'a11y.focusOut', { shape: described });
}
