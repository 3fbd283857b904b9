import { jsonLdScript } from '@/lib/seo';

/** Structured data for search engines: schema.org nodes in one `@graph` (lib/seo.ts builds them). */
export function JsonLd({ nodes }: { nodes: Parameters<typeof jsonLdScript>[0] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(nodes) }} />;
}
