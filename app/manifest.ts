import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/env';

/** The web app manifest (`/manifest.webmanifest`, linked from every page); colours are app/globals.css's light theme. */
export default function manifest(): MetadataRoute.Manifest {
  const { siteName } = getConfig();
  return {
    name: `${siteName} — AI model and app token rankings`,
    short_name: siteName,
    description: 'Which AI models and apps use the most tokens, per UTC day.',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#ffffff',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon', sizes: '180x180', type: 'image/png' },
    ],
  };
}
