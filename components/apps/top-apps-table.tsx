import type { AppRanking } from '@/lib/datasets/contract';
import { formatCount, formatTokens, formatTokensCompact } from '@/lib/format';

export interface TopAppsTableProps {
  caption: string;
  apps: readonly AppRanking[];
}

export function TopAppsTable({ caption, apps }: TopAppsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">App</th>
            <th scope="col" className="num">
              Tokens
            </th>
            <th scope="col" className="num">
              Requests
            </th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.appId}>
              <td className="num">{app.rank}</td>
              <th scope="row">{app.appName}</th>
              <td className="num">
                <abbr title={`${formatTokens(app.totalTokens)} tokens`}>{formatTokensCompact(app.totalTokens)}</abbr>
              </td>
              <td className="num">{formatCount(app.totalRequests)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
