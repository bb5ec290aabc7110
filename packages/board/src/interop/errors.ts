/**
 * Stable codes of import problems from other tools' files (CSV, Excalidraw), so a UI can say
 * them in French:
 * - `empty_file`: nothing to import (no bytes, or no row with text);
 * - `no_text_column`: a CSV whose header names no text column (`text`, `texte`, `content`…);
 * - `too_many_rows` / `too_many_elements`: past the import limit;
 * - `too_large`: the file is larger than the import limit;
 * - `unterminated_quote`: a CSV field opened with `"` and never closed;
 * - `not_json`, `wrong_format`, `invalid_value`: an Excalidraw file that is not JSON, not an
 *   Excalidraw scene, or whose structure is wrong at `path`.
 * Warnings (the import goes on): `unsupported_element`, `unknown_color`, `broken_image`,
 * `empty_row`, `missing_file`.
 */
export type InteropErrorCode =
  | 'empty_file'
  | 'no_text_column'
  | 'too_many_rows'
  | 'too_many_elements'
  | 'too_large'
  | 'unterminated_quote'
  | 'not_json'
  | 'wrong_format'
  | 'invalid_value';

export type InteropWarningCode =
  'unsupported_element' | 'unknown_color' | 'broken_image' | 'empty_row' | 'missing_file';

export interface InteropWarning {
  readonly code: InteropWarningCode;
  /** Where: `line 12` (CSV) or `elements[3]` (Excalidraw). */
  readonly path: string;
  readonly message: string;
}

export class InteropError extends Error {
  override readonly name = 'InteropError';
  constructor(
    readonly code: InteropErrorCode,
    message: string,
    readonly path: string = '(file)',
  ) {
    super(message);
  }
}
