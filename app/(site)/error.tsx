'use client';

import { DataError } from '@/components/site/data-error';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DataError reset={reset} />;
}
