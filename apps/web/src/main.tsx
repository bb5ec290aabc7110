import { createRoot } from 'react-dom/client';
import { BOARD_SCHEMA_VERSION } from '@carton/board';

const root = document.getElementById('root');
if (root) createRoot(root).render(<p>Carton {BOARD_SCHEMA_VERSION}</p>);
