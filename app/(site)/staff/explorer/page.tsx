import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ExplorerAlert, ExplorerShell } from '@/components/staff/explorer-form';
import { ExplorerResults } from '@/components/staff/explorer-results';
import { requireStaff } from '@/lib/auth/staff';
import { getDatasets } from '@/lib/data-layer';
import { runExplorer, type ExplorerResult } from '@/lib/boards/server';
import { explorerFailure, type ExplorerFailure } from '@/lib/staff/explorer/failure';
import { defaultFormValues, explorerHref, EXPLORER_PATH, queryFormValues, readExplorerQuery, submittedFormValues, toSearchParams } from '@/lib/staff/explorer/query';

// Every render is one staff member's query on the staff budget: never prerendered, never shared.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Explorer', robots: { index: false, follow: false } };

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ExplorerPage({ searchParams }: PageProps) {
  await requireStaff(EXPLORER_PATH);
  const search = toSearchParams(await searchParams);
  const dataDay = getDatasets().dataDay();

  if (search.size === 0) {
    return <ExplorerShell dataDay={dataDay} values={defaultFormValues(dataDay)} />;
  }
  const input = readExplorerQuery(search, dataDay);
  if (!input.ok) {
    return (
      <ExplorerShell
        dataDay={dataDay}
        values={submittedFormValues(search, dataDay)}
        invalidParam={input.param}
        alert={<ExplorerAlert title="This query cannot run.">{input.message}</ExplorerAlert>}
      />
    );
  }

  // The form sends every field, empty ones too; one spelling per query keeps shared links short and stable.
  const canonical = explorerHref(input.query);
  if (`${EXPLORER_PATH}?${search}` !== canonical) redirect(canonical);

  let result: ExplorerResult | null = null;
  let failure: ExplorerFailure | null = null;
  try {
    result = await runExplorer(input.query);
  } catch (error) {
    failure = explorerFailure(error);
    if (!failure) throw error;
  }

  return (
    <ExplorerShell
      dataDay={dataDay}
      values={queryFormValues(input.query, dataDay)}
      alert={failure ? <ExplorerAlert title="The figures could not be loaded.">{failure.message}</ExplorerAlert> : null}
    >
      {result ? <ExplorerResults result={result} /> : null}
    </ExplorerShell>
  );
}
