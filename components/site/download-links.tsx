import type { DownloadHrefs } from '@/lib/downloads';

export interface DownloadLinksProps {
  hrefs: DownloadHrefs;
  /** What the files hold, for the links' accessible names: "this table", "the full 30-day leaderboard". */
  subject?: string;
  /** The visible lead-in, when the files hold more than the table shows. */
  label?: string;
}

/** "Download: CSV · JSON" under a table. Plain links: they work without JavaScript and in a new tab. */
export function DownloadLinks({ hrefs, subject = 'this table', label = 'Download:' }: DownloadLinksProps) {
  return (
    <p className="download-links">
      {label}{' '}
      <a href={hrefs.csv} download type="text/csv" aria-label={`Download ${subject} as CSV`}>
        CSV
      </a>
      <span aria-hidden="true"> · </span>
      <a href={hrefs.json} download type="application/json" aria-label={`Download ${subject} as JSON`}>
        JSON
      </a>
    </p>
  );
}
