import { ConfigError, getConfig } from './env';

/** A bad value stops the server with one line naming the variable, before any request is served. */
export function checkConfigOrExit(): void {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
