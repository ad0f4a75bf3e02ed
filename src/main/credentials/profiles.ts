/**
 * The AWS profiles an analyst can pick in Settings, read from the same files the AWS CLI and
 * SDK use. Only names, regions and the kind of sign-in leave this module: summaries are built
 * from an allow-list of fields, so a static secret key in ~/.aws/credentials can never reach
 * the UI or a log through it.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseIni, type IniSections } from './iniFile';

export type ProfileKind = 'sso' | 'assume-role' | 'static' | 'process' | 'unknown';

export interface AwsProfileSummary {
  name: string;
  region?: string;
  kind: ProfileKind;
  /** Which files define it; the credentials file wins where both set a value, as in the SDK. */
  sources: ('config' | 'credentials')[];
}

export interface AwsFileLocations {
  configFile: string;
  credentialsFile: string;
}

export interface ProfileSourceOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults the way the SDK finds it: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS. */
  homeDir?: string;
}

function homeDirOf(env: NodeJS.ProcessEnv): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}`;
  return homedir();
}

/** Where the SDK will look: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/. */
export function awsFileLocations(options: ProfileSourceOptions = {}): AwsFileLocations {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homeDirOf(env);
  // The SDK expands a leading "~/" in these variables; the shell does not when quoted.
  const expand = (p: string): string => (p.startsWith('~/') ? join(home, p.slice(2)) : p);
  return {
    configFile: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentialsFile: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

async function readIniFile(path: string): Promise<IniSections> {
  try {
    return parseIni(await readFile(path, 'utf8'));
  } catch (e) {
    // Most analysts have only one of the two files, or neither.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
}

/** The profile a config-file section defines: `[default]` or `[profile NAME]`; others
 * (`[sso-session x]`, `[services x]`, a bare `[x]`) are not profiles there, as in the SDK. */
function configProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  const m = /^profile (["']?)(.+)\1$/.exec(section);
  return m?.[2];
}

/** Mirrors the order in which the SDK's fromIni picks a way to sign in (resolveProfileData). */
export function profileKind(settings: ReadonlyMap<string, string>): ProfileKind {
  const has = (key: string): boolean => settings.has(key);
  if (has('role_arn') && (has('source_profile') || has('credential_source'))) return 'assume-role';
  if (has('aws_access_key_id') && has('aws_secret_access_key')) return 'static';
  if (has('role_arn') && has('web_identity_token_file')) return 'assume-role';
  if (has('credential_process')) return 'process';
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some(has)) {
    return 'sso';
  }
  return 'unknown';
}

export async function listProfiles(
  options: ProfileSourceOptions = {},
): Promise<AwsProfileSummary[]> {
  const files = awsFileLocations(options);
  const [config, credentials] = await Promise.all([
    readIniFile(files.configFile),
    readIniFile(files.credentialsFile),
  ]);

  const merged = new Map<
    string,
    { settings: Map<string, string>; sources: Set<'config' | 'credentials'> }
  >();
  const add = (name: string, settings: Map<string, string>, source: 'config' | 'credentials') => {
    const entry = merged.get(name) ?? { settings: new Map<string, string>(), sources: new Set() };
    for (const [k, v] of settings) entry.settings.set(k, v);
    entry.sources.add(source);
    merged.set(name, entry);
  };
  for (const [section, settings] of config) {
    const name = configProfileName(section);
    if (name !== undefined) add(name, settings, 'config');
  }
  // Added second so that its values win, as the SDK merges them.
  for (const [name, settings] of credentials) add(name, settings, 'credentials');

  const summaries: AwsProfileSummary[] = [];
  for (const [name, { settings, sources }] of merged) {
    const region = settings.get('region');
    summaries.push({
      name,
      ...(region !== undefined ? { region } : {}),
      kind: profileKind(settings),
      sources: (['config', 'credentials'] as const).filter((s) => sources.has(s)),
    });
  }
  // "default" first: it is what the CLI uses when no profile is named.
  return summaries.sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}
