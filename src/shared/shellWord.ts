/** A word as the analyst can paste it into a POSIX shell: quoted only when it needs to be. */
export const shellWord = (s: string): string =>
  /^[\w.@+/:=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
