/**
 * Human names for models. The upstream identifies a model by its permaslug (`google/gemini-2.5-flash`,
 * `deepseek/deepseek-r1:free`); readers know it as "Gemini 2.5 Flash" by Google, free variant. The
 * permaslug stays the model's identity (URLs, downloads, the model page); this is only how it reads.
 */

export interface ModelName {
  /** `Gemini 2.5 Flash` */
  name: string;
  /** The author as a reader knows it: `Google`, `xAI`, `Meta`. */
  author: string;
  /** What follows `:` in the permaslug (`free`, `thinking`), shown as a badge; null for the base model. */
  variant: string | null;
}

const AUTHORS: Record<string, string> = {
  amazon: 'Amazon',
  anthropic: 'Anthropic',
  cohere: 'Cohere',
  deepseek: 'DeepSeek',
  google: 'Google',
  'meta-llama': 'Meta',
  microsoft: 'Microsoft',
  minimax: 'MiniMax',
  mistralai: 'Mistral AI',
  moonshotai: 'Moonshot AI',
  nousresearch: 'Nous Research',
  nvidia: 'NVIDIA',
  openai: 'OpenAI',
  perplexity: 'Perplexity',
  qwen: 'Qwen',
  'x-ai': 'xAI',
  'z-ai': 'Z.ai',
};

/** An author's slug (`x-ai`, `meta-llama`) as readers know the author (`xAI`, `Meta`). */
export function authorName(slug: string): string {
  return AUTHORS[slug] ?? titleCaseSlug(slug);
}

/** Words whose spelling is not "capitalise the first letter". */
const WORDS: Record<string, string> = {
  chatgpt: 'ChatGPT',
  deepseek: 'DeepSeek',
  glm: 'GLM',
  gpt: 'GPT',
  it: 'IT',
  lfm: 'LFM',
  minimax: 'MiniMax',
  oss: 'OSS',
  phi: 'Phi',
  wizardlm: 'WizardLM',
};

/** Families written with a hyphen before their version, as their makers do: GPT-5, GLM-4.5. */
const HYPHENATED = new Set(['gpt', 'glm']);

/** A part of the slug: `2.5` and `4o` stay as written, `70b` → `70B`, `k2` → `K2`, `flash` → `Flash`, `o3` stays. */
function word(part: string): string {
  const known = WORDS[part];
  if (known) return known;
  if (/^\d+(\.\d+)?b$/.test(part)) return part.toUpperCase(); // parameter counts: 70b, 1.5b
  if (/^\d+x\d+b$/.test(part)) return `${part.slice(0, -1)}B`; // mixtures: 8x7b → 8x7B
  if (/^o\d/.test(part)) return part; // OpenAI's o-series: o1, o3-mini
  if (/^\d/.test(part)) return part; // versions: 2.5, 4o, 3.5
  return part.charAt(0).toUpperCase() + part.slice(1);
}

const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|20\d{6}|\d{4})$/;

function titleCaseSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/**
 * `google/gemini-2.5-flash` → Gemini 2.5 Flash by Google; `openai/gpt-4o-mini-2024-07-18` → GPT-4o Mini
 * (2024-07-18); `deepseek/deepseek-r1:free` → DeepSeek R1, variant `free`. A permaslug without an
 * author part (never seen upstream) names itself.
 */
export function modelName(permaslug: string): ModelName {
  const colon = permaslug.indexOf(':');
  const variant = colon >= 0 ? permaslug.slice(colon + 1) || null : null;
  const base = colon >= 0 ? permaslug.slice(0, colon) : permaslug;
  const slash = base.indexOf('/');
  const authorSlug = slash >= 0 ? base.slice(0, slash) : '';
  const modelSlug = slash >= 0 ? base.slice(slash + 1) : base;
  const author = authorName(authorSlug);

  const dated = DATE_SUFFIX.exec(modelSlug);
  const stem = dated ? modelSlug.slice(0, dated.index) : modelSlug;
  const parts = stem.split('-').filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (HYPHENATED.has(part) && next !== undefined && /^\d/.test(next)) {
      words.push(`${word(part)}-${word(next)}`);
      i += 1;
    } else words.push(word(part));
  }
  const name = words.join(' ') || modelSlug || permaslug || 'Unnamed model';
  return { name: dated ? `${name} (${dated[1]})` : name, author, variant };
}

/** One line for text that cannot show a badge (titles, alt text, feeds): `DeepSeek R1 (free)`. */
export function modelLabel(permaslug: string): string {
  const { name, variant } = modelName(permaslug);
  return variant ? `${name} (${variant})` : name;
}
