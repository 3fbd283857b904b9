'use client';

export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="section" aria-labelledby="staff-error-heading">
      <h1 id="staff-error-heading">The staff view could not be loaded</h1>
      <p>Something it reads (the shared store or the data layer) did not answer. The public site is not affected.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
