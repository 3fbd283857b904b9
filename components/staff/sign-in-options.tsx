'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

export interface SignInOptionsProps {
  /** Button label of the single sign-on provider, or null when none is configured. */
  oidcName: string | null;
  passwords: boolean;
  callbackUrl: string;
}

export function SignInOptions({ oidcName, passwords, callbackUrl }: SignInOptionsProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signInWithPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      callbackUrl,
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(result.url ?? callbackUrl);
      return;
    }
    setPending(false);
    setError('That email and password do not match a staff account.');
  }

  return (
    <div className="staff-sign-in__options">
      {oidcName ? (
        <button type="button" className="button" onClick={() => void signIn('oidc', { callbackUrl })}>
          Sign in with {oidcName}
        </button>
      ) : null}
      {oidcName && passwords ? <p className="staff-sign-in__or muted">or</p> : null}
      {passwords ? (
        <form className="staff-form" onSubmit={(event) => void signInWithPassword(event)} aria-describedby={error ? 'sign-in-error' : undefined}>
          <label htmlFor="staff-email">Email</label>
          <input id="staff-email" name="email" type="email" autoComplete="username" required />
          <label htmlFor="staff-password">Password</label>
          <input id="staff-password" name="password" type="password" autoComplete="current-password" required minLength={12} />
          {error ? (
            <p id="sign-in-error" role="alert" className="staff-alert staff-alert--error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in with password'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
