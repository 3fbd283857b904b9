import { formatDay, formatTimestamp } from '@/lib/format';
import { RefreshStatus } from './refresh-status';

export interface FreshnessProps {
  dataDay: string;
  asOf: string;
}

/** How current the figures are: the last completed UTC day they cover and the upstream's `as_of`. */
export function Freshness({ dataDay, asOf }: FreshnessProps) {
  return (
    <>
      <p className="freshness">
        Data through <time dateTime={dataDay}>{formatDay(dataDay)}</time> (UTC), as of{' '}
        <time dateTime={asOf}>{formatTimestamp(asOf)}</time>.
      </p>
      <RefreshStatus dataDay={dataDay} asOf={asOf} />
    </>
  );
}
