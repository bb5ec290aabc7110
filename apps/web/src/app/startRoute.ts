// Imported first by main.tsx, so this runs before React and the app are evaluated: a board
// link's code and info are on their way meanwhile (boardStart.ts).
import { startBoardRoute } from './boardStart';
import { parseRoute } from './route';

startBoardRoute(parseRoute(location.pathname, location.hash));
