import { BOARD_SCHEMA_VERSION } from '@carton/board';

console.log(`Carton schema ${BOARD_SCHEMA_VERSION}`);
