import Link from 'next/link';
import { archiveHref, modelsHref } from '@/lib/routes';

/** The body of every 404: what happened and where to go next. */
export function NotFoundContent() {
  return (
    <section className="section" aria-labelledby="nf-heading">
      <h1 id="nf-heading">Page not found</h1>
      <p>There is no page at this address. It may name a model, app category or month the rankings do not hold.</p>
      <ul className="link-list">
        <li>
          <Link href="/" prefetch={false}>Home: today&apos;s rankings</Link>
        </li>
        <li>
          <Link href={modelsHref()} prefetch={false}>Top AI models</Link>
        </li>
        <li>
          <Link href="/apps" prefetch={false}>Top apps</Link>
        </li>
        <li>
          <Link href={archiveHref()} prefetch={false}>Monthly archive</Link>
        </li>
      </ul>
    </section>
  );
}
