/** Validates configuration once at server start (Node.js runtime only; see lib/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('./lib/startup');
    checkConfigOrExit();
  }
}
