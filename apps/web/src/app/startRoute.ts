// Imported first by main.tsx, so this runs before React and the app are evaluated: a board
// link's code and info are on their way meanwhile (boardStart.ts).
import { startBoardRoute } from './boardStart';
import { mendLink, parseRoute } from './route';

// A link damaged on its way (a sentence's period, « ?token= »): opened as it was meant.
const mended = mendLink(location.pathname, location.search, location.hash);
if (mended !== null) history.replaceState(history.state, '', mended);
startBoardRoute(parseRoute(location.pathname, location.hash));
