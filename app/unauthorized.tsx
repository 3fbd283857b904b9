import Link from 'next/link';

/**
 * 401, which nothing raises (signed-out staff pages redirect to sign-in). With `authInterrupts` on, Next
 * puts this boundary into every page's payload; its default is a page of inline styles. This one is a
 * few bytes, and still true.
 */
export default function Unauthorized() {
  return (
    <main id="main" className="container">
      <h1>Sign in required</h1>
      <p>
        <Link href="/sign-in" prefetch={false}>
          Sign in as staff
        </Link>
      </p>
    </main>
  );
}
