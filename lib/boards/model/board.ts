import { downloadHref, type DownloadFormat } from '../../downloads';
import { refuse, type Parsed } from '../../query';
import type { Board } from '../board';

/** One model's page: its full daily history since it first ranked. */

export interface ModelDownloadQuery {
  table: 'model';
  permaslug: string;
}

const MAX_PERMASLUG_LENGTH = 300;

function readModel(values: Readonly<Record<string, string>>): Parsed<ModelDownloadQuery> {
  const { id } = values;
  if (id === undefined || id === '') return refuse('id', 'id is required: the model permaslug, such as deepseek/deepseek-chat-v3.1');
  // A permaslug is printable text; anything longer or with control characters names no model.
  if (id.length > MAX_PERMASLUG_LENGTH || /\p{Cc}/u.test(id)) {
    return refuse('id', `id must be a model permaslug of at most ${MAX_PERMASLUG_LENGTH} printable characters`);
  }
  return { ok: true, query: { table: 'model', permaslug: id } };
}

export const modelBoard: Board<ModelDownloadQuery> = {
  id: 'model',
  endpoint: 'rankings-daily',
  download: {
    params: ['id'],
    read: readModel,
    fileParts: ({ permaslug }, dataDay) => ['model', permaslug, dataDay],
    fields: ({ permaslug }) => ({ id: permaslug }),
    search: ({ permaslug }) => new URLSearchParams({ id: permaslug }),
    missing: ({ permaslug }) => `id ${JSON.stringify(permaslug)} names no model in the rankings history.`,
  },
};

/** A model's full daily history: `/download/model.csv?id=deepseek%2Fdeepseek-chat-v3.1%3Afree`. */
export function modelDownloadHref(permaslug: string, format: DownloadFormat): string {
  return downloadHref('model', format, modelBoard.download.search({ table: 'model', permaslug }));
}
