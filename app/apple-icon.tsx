import { ImageResponse } from 'next/og';
import { BrandMark } from '@/components/og/brand-mark';

// Drawn once at build time (no data): the mark, square, since iOS rounds the corners itself.
export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex' }}>
        <BrandMark size={size.width} rounded={false} />
      </div>
    ),
    { ...size },
  );
}
