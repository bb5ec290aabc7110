export const BOARD_SCHEMA_VERSION = 1;
