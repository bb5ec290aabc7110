// A title typed on a keyboard has plain spaces inside « » and before : ; ! ? — where a line may
// break. « Forum des Alliances — « Rêvons ensemble notre future Alliance » » wrapped with its
// closing » alone on the second line of the forum page's heading as soon as the timer took its
// place beside it. Shown, those spaces become the ones French typography puts there (no break):
// a no-break space inside « » and before :, a narrow one before ; ! ?. Only spaces already typed
// are changed — nothing is added, so an English title or a link stays as it was.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

export function withFrenchSpaces(text: string): string {
  return text
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`)
    .replace(/ +:(?=\s|$)/g, `${NBSP}:`)
    .replace(/ +([;!?])/g, `${NNBSP}$1`);
}
