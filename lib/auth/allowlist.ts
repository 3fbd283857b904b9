import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import { getConfig, splitList } from '../env';
import { logEvent } from '../log';

/** An entry is an exact email or `@domain` (that domain exactly, not its subdomains). */
export function matchesAllowlist(email: string, entries: readonly string[]): boolean {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = address.slice(at);
  return entries.some((entry) => entry === address || (entry.startsWith('@') && entry === domain));
}

interface FileSnapshot {
  signature: string;
  entries: string[];
}

let fileSnapshot: FileSnapshot | undefined;
let reportedMissing = false;

/**
 * The allowlist file's entries, re-read whenever the file changes (checked on every call, a `stat`),
 * so removing someone takes effect on their next request. A missing or unreadable file grants nothing.
 */
async function fileEntries(file: string): Promise<string[]> {
  try {
    const info = await stat(file);
    const signature = `${info.ino}:${info.size}:${info.mtimeMs}`;
    if (fileSnapshot?.signature !== signature) {
      const entries = splitList(await readFile(file, 'utf8')).map((entry) => entry.toLowerCase());
      fileSnapshot = { signature, entries };
    }
    reportedMissing = false;
    return fileSnapshot.entries;
  } catch (error) {
    if (!reportedMissing) {
      logEvent('staff_allowlist_unreadable', { code: (error as NodeJS.ErrnoException).code ?? 'error' }, 'warn');
      reportedMissing = true;
    }
    fileSnapshot = undefined;
    return [];
  }
}

/** Whether `email` may use the staff view now: on STAFF_ALLOWLIST or in STAFF_ALLOWLIST_FILE. */
export async function isStaffEmail(email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  const { allowlist, allowlistFile } = getConfig().staff;
  if (matchesAllowlist(email, allowlist)) return true;
  return allowlistFile ? matchesAllowlist(email, await fileEntries(allowlistFile)) : false;
}
