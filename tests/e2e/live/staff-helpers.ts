import { writeFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

// Set by tests/run-all.mjs for the live phase.
export const STAFF_EMAIL = 'alice@staff.example';
/** On STAFF_ALLOWLIST_FILE (not the env list), signing in through the local OpenID Connect provider. */
export const SSO_STAFF_EMAIL = 'bob@sso.example';
export const fakeOrigin = process.env.FAKE_ORIGIN ?? '';
export const oidcOrigin = process.env.FAKE_OIDC_ORIGIN ?? '';
export const liveKey = process.env.OPENROUTER_API_KEY ?? '';

export async function upstreamAttempts(): Promise<number> {
  const response = await fetch(`${fakeOrigin}/__control/stats`);
  return ((await response.json()) as { total: number }).total;
}

/** Signs in through the credentials form and lands on the console. */
export async function signInWithPassword(page: Page): Promise<void> {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff$/);
  await page.getByLabel('Email').fill(STAFF_EMAIL);
  await page.getByLabel('Password').fill(process.env.STAFF_TEST_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff console' })).toBeVisible();
}

/** Signs in as `email` through the local OpenID Connect provider's login form; returns to /staff. */
export async function signInWithSso(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in?callbackUrl=%2Fstaff');
  await page.getByRole('button', { name: 'Sign in with Single sign-on' }).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcOrigin.replace(/\./g, '\\.')}/interaction/`));
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${process.env.E2E_PORT ?? 3100}/staff$`));
}

export async function oidcLogins(): Promise<string[]> {
  const response = await fetch(`${oidcOrigin}/__control/logins`);
  return ((await response.json()) as { logins: string[] }).logins;
}

/** Rewrites STAFF_ALLOWLIST_FILE, which the server re-reads on every staff request. */
export async function setAllowlistFile(entries: string[]): Promise<void> {
  await writeFile(process.env.STAFF_ALLOWLIST_FILE ?? '', `${entries.join('\n')}\n`);
}
