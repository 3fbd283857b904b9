import { LICENSE_URL } from '@/lib/citation';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="muted">
          Tokenboard republishes OpenRouter&apos;s public Datasets API. Aggregated data is available under{' '}
          <a href={LICENSE_URL} rel="license">
            CC BY 4.0
          </a>
          . Not affiliated with OpenRouter.
        </p>
      </div>
    </footer>
  );
}
