import type { Metadata } from 'next';
import Link from 'next/link';
import { LICENSE_LINE, LICENSE_URL, TOKENIZER_CAVEAT } from '@/lib/citation';
import { citationSite } from '@/lib/attribution';
import { getConfig } from '@/lib/env';
import { archiveHref, modelsHref } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo';
import { DATASET_START } from '@/lib/utc-day';
import { formatDay } from '@/lib/format';

export function generateMetadata(): Metadata {
  return pageMetadata(getConfig(), {
    title: 'Methodology: how the rankings are computed',
    description:
      'How Tokenboard computes its AI model and app rankings from the OpenRouter Datasets API: the data day, windows, shares and changes, the tokenizer caveat, downloads, embeds and the citation.',
    path: '/methodology',
  });
}

/** How every figure on the site is made, in words: no data of its own, so one static page. */
export default function MethodologyPage() {
  const { settleMinutes, siteUrl } = getConfig();
  return (
    <article className="prose">
      <h1>Methodology</h1>
      <p className="muted">How the figures on this site are computed, and how to reuse them.</p>

      <h2 id="source">Source</h2>
      <p>
        Every figure comes from OpenRouter&apos;s public Datasets API: the tokens each AI model processed per UTC day (the
        top 50 models of each day, plus one row for all the others), and the tokens and requests of the public apps
        that use OpenRouter. The history starts on {formatDay(DATASET_START)}.
      </p>

      <h2 id="data-day">The data day</h2>
      <p>
        Figures cover whole UTC days. A day is published {settleMinutes} minutes after it ends, once the upstream has
        settled it; until then the previous day is the latest. Every page says which day its data runs through and when
        the upstream computed it (&ldquo;as of&rdquo;). If the upstream cannot be reached, the last good page stays up and
        its date says how old it is.
      </p>

      <h2 id="figures">Windows, shares and changes</h2>
      <ul>
        <li>
          Windows are the last 1, 7, 30, 90 or 365 completed days. A model&apos;s tokens in a window are the sum over the
          days it was in that day&apos;s top 50, so a model that drops out of the top 50 on some days is undercounted.
        </li>
        <li>
          Shares are of all tokens in the window, the models outside the daily top 50 included, so the shares of a table
          add up to less than 100%. A share too small to show reads &ldquo;&lt;0.1%&rdquo;.
        </li>
        <li>
          Change and rank movement compare a window with the equal window just before it. When that earlier window would
          start before the history does, no change is shown and no model is marked new: a partial window would make every
          figure grow.
        </li>
        <li>
          Popular apps are ranked by tokens. Trending apps are ranked by OpenRouter by how fast their tokens grow; the
          growth figure itself is not published, so the trending table shows each app&apos;s tokens and its rank.
        </li>
        <li>Token totals arrive as exact decimal strings and stay exact: 1.2T on a page is the exact count rounded; hover it, or download the table, for every digit.</li>
      </ul>

      <h2 id="slices">Rankings by use case, language, context length and modality</h2>
      <ul>
        <li>
          The <Link href="/rankings" prefetch={false}>rankings</Link> rank models within one slice of OpenRouter&apos;s traffic: 12 use cases,
          natural and programming languages, 5 context lengths and 5 modalities. Shares are of that slice&apos;s own total.
        </li>
        <li>
          Use cases and languages are <strong>estimates</strong>: OpenRouter classifies a sample of requests and upsamples it into weekly
          totals, so these boards have only whole weeks (Monday to Sunday, UTC), show only completed weeks, and say
          &ldquo;estimated&rdquo; wherever their figures appear.
        </li>
        <li>
          Context lengths and modalities are exact daily counts, offered for the last day and 30 days as well as the last completed
          week and 4 weeks; a model&apos;s figure is the sum of the days it was in that day&apos;s top 50 of the slice, as on the model
          boards.
        </li>
      </ul>

      <h2 id="tokenizer">Tokens are not all alike</h2>
      <p>{TOKENIZER_CAVEAT}</p>

      <h2 id="downloads">Downloads and API</h2>
      <p>
        Every table links a CSV and a JSON file with every row, exact token counts and the citation. The same figures are
        served as JSON at <code>/api/models?window=week</code>, <code>/api/apps?sort=trending&amp;window=week</code> and{' '}
        <code>/api/rankings/context/1m?window=30-days</code>. The{' '}
        <Link href={archiveHref()} prefetch={false}>
          monthly archive
        </Link>{' '}
        keeps each complete month&apos;s leaderboard, and the <a href="/feed.xml">Atom feed</a> reports each day&apos;s new
        leader, new entrants and biggest movers.
      </p>

      <h2 id="embeds">Embeds</h2>
      <p>A live table for your own site, in an iframe of 400 × 360 pixels:</p>
      {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too. */}
      <pre className="code-block" tabIndex={0} aria-label="Embed code">
        <code>{`<iframe src="${siteUrl}/embed/models?top=5" title="Top AI models by tokens" width="400" height="360"></iframe>`}</code>
      </pre>
      <p>
        <code>/embed/models</code> takes <code>window</code>, <code>top</code> (1–50) and <code>theme</code> (light, dark
        or auto); <code>/embed/apps</code> also takes <code>sort</code> (popular or trending); <code>/embed/rankings</code>{' '}
        takes a <code>slice</code> such as <code>use-case/programming</code> or <code>context/1m</code>, and a window that
        slice offers.
      </p>

      <h2 id="citation">Citation and licence</h2>
      <p>
        The data is OpenRouter&apos;s, published under <a href={LICENSE_URL} rel="license">CC BY 4.0</a>. Wherever a figure is
        shown it carries &ldquo;Source: OpenRouter ({citationSite('rankings-daily')} or {citationSite('app-rankings')}), as of …&rdquo;
        and &ldquo;{LICENSE_LINE}&rdquo;; please do the same when you reuse it. Tokenboard is not affiliated with OpenRouter.
      </p>
      <p>
        <Link href={modelsHref()} prefetch={false}>
          Back to the model rankings →
        </Link>
      </p>
    </article>
  );
}
