/**
 * The INI dialect of ~/.aws/config and ~/.aws/credentials, read the way the AWS SDK reads it
 * (@smithy/shared-ini-file-loader's parseIni), written here because that loader is not one of
 * our dependencies. Maps, not plain objects, so a section named "__proto__" is just a name.
 */

export type IniSections = Map<string, Map<string, string>>;

export function parseIni(content: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  // `key =` with nothing after it opens nested settings (e.g. `s3 =` then indented lines).
  let parentKey: string | undefined;

  for (const rawLine of content.split(/\r?\n/)) {
    // A comment starts a line, or follows whitespace: `#` inside a URL is not a comment.
    const line = (rawLine.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
    if (line === '') continue;

    if (line.startsWith('[') && line.endsWith(']')) {
      const name = line.slice(1, -1).trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      parentKey = undefined;
      continue;
    }
    if (current === undefined) continue;

    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (value === '') {
      parentKey = key;
      continue;
    }
    const indented = /^\s/.test(rawLine);
    if (!indented) parentKey = undefined;
    current.set(parentKey !== undefined ? `${parentKey}.${key}` : key, value);
  }
  return sections;
}
