/** Input limits shared by the editor, the importers and main's validation. */
export const MAX_PARAGRAPH_CHARS = 100_000;
export const MAX_REFERENCE_CHARS = 20_000;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_NAME_CHARS = 120;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
