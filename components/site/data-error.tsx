'use client';

export interface DataErrorProps {
  reset: () => void;
}

/** What a visitor sees when a data page cannot render and there is no earlier copy to show. */
export function DataError({ reset }: DataErrorProps) {
  return (
    <section className="section" aria-labelledby="error-heading">
      <h1 id="error-heading">The rankings could not be loaded</h1>
      <p>
        The data source did not answer in time and there is no earlier copy of this page to show yet. Please try again in a
        minute.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
