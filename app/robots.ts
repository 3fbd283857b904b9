import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/env';

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = getConfig();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/staff', '/sign-in', '/apps/v/', '/models/window/'] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
