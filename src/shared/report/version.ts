/** The view-model's version, in a module of its own so the print page can check it without zod. */
export const REPORT_VERSION = 1;
