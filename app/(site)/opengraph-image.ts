import { rankingCardImage } from '@/components/og/ranking-card';
import { homeCard } from '@/lib/boards/models/card';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE } from '@/lib/og/card-data';

// The home page's card, and the site's default for pages without their own (twitter:image follows
// og:image, so one image serves both). Cached and regenerated like the page (ISR), never per request.
export const revalidate = 60;
export const alt = 'Tokenboard: the five AI models that used the most tokens over the last 30 days, with their token totals';
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_TYPE;

export default async function Image() {
  return rankingCardImage(await homeCard());
}
