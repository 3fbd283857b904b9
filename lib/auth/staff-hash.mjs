#!/usr/bin/env node
// `npm run staff:hash`: prints the scrypt hash of a password for STAFF_USERS (email:hash).
// The password is read from stdin (typed without echo on a terminal, or piped), never from argv,
// so it does not end up in shell history or the process list.
import { createInterface } from 'node:readline';
import { hashPassword } from './password.mjs';

async function readPassword() {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write('Password (not shown): ');
  // Swallow the echo of each typed character.
  rl._writeToOutput = () => {};
  const password = await new Promise((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return password;
}

try {
  console.log(await hashPassword(await readPassword()));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
