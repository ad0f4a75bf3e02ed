/** Input limits shared by the editor, the importers and main's validation. */
/** In code points, for texts and references alike; longer is usually a whole document pasted by mistake. */
export const MAX_PARAGRAPH_CHARS = 100_000;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_NAME_CHARS = 120;
/** 20 MB: far above any paragraph set an analyst would summarise, small enough to decode in one go. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
