// Which of the help's sections a board page shows, and in which order « Se déplacer » tells its
// two ways: a view link cannot add or change anything; a touch screen reads the fingers first.
// « Voter avec des points »: participants open « Aide » when the red banner appears, and the help
// said nothing of the dots (it called the hearts a vote). « Si le wifi coupe »: a newcomer whose
// phone showed a red dot found nothing in the help on it; a view link keeps no changes.
export type HelpSection = 'add' | 'move' | 'edit' | 'vote' | 'wifi' | 'keys';
export type MovePart = 'touch' | 'mouse';

export function helpSections(readOnly: boolean): HelpSection[] {
  return readOnly ? ['move', 'keys'] : ['add', 'move', 'edit', 'vote', 'wifi', 'keys'];
}

/** Touch first where the main pointer is a finger (matchMedia('(pointer: coarse)')). */
export function moveParts(coarse: boolean): MovePart[] {
  return coarse ? ['touch', 'mouse'] : ['mouse', 'touch'];
}
