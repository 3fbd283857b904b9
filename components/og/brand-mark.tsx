/** The site's mark (app/icon.svg) for images drawn by next/og. */
export function BrandMark({ size, rounded = true }: { size: number; rounded?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32">
      <rect width="32" height="32" rx={rounded ? 6 : 0} fill="#3b5bdb" />
      <rect x="6" y="17" width="5" height="9" rx="1" fill="#fff" />
      <rect x="13.5" y="11" width="5" height="15" rx="1" fill="#fff" />
      <rect x="21" y="6" width="5" height="20" rx="1" fill="#fff" />
    </svg>
  );
}
