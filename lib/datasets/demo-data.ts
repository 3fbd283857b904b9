import { DATASET_START, fromEpochDay, toEpochDay } from '../utc-day';
import { APP_CATEGORIES, type AppCategory, type AppSubcategory } from './categories';

export interface RawModelDayRow {
  date: string;
  model_permaslug: string;
  total_tokens: string;
}

export interface RawAppRow {
  app_id: number;
  app_name: string;
  rank: number;
  total_requests: number;
  total_tokens: string;
}

export interface DemoAppRankingsQuery {
  sort: 'popular' | 'trending';
  startDate: string;
  endDate: string;
  category?: AppCategory;
  subcategory?: AppSubcategory;
  limit: number;
  offset: number;
}

const TOP_MODELS = 50;
const OTHER_PERMASLUG = 'other';
const TWO_PI = 2 * Math.PI;

/** The upstream has no data before this day; earlier days count as zero. */
const DATA_START_DAY = toEpochDay(DATASET_START);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One mulberry32 draw keyed by (seed, day), so a day's noise never depends on which days were computed before it. */
function dayNoise(seed: number, day: number): number {
  return mulberry32(seed ^ Math.imul(day, 0x9e3779b1))();
}

function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday; 0 is Sunday.
  return (((day + 4) % 7) + 7) % 7;
}

function yearsSinceStart(day: number): number {
  return Math.max(0, day - DATA_START_DAY) / 365;
}

function compareBigIntDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/* ------------------------------------------------------------------ models */

/** [permaslug, launched, peak (billions of tokens/day before market growth), fade from, fade days, fade floor] */
type ModelSpec = readonly [string, string, number, string?, number?, number?];

const MODEL_SPECS: readonly ModelSpec[] = [
  ['openai/gpt-4o-2024-05-13', '2024-05-13', 12, '2025-01-01', 240, 0.05],
  ['openai/gpt-4o-2024-08-06', '2024-08-06', 28, '2025-01-01', 200, 0.06],
  ['openai/gpt-4o-2024-11-20', '2024-11-20', 32, '2025-04-14', 180, 0.075],
  ['openai/gpt-4o-mini-2024-07-18', '2024-07-18', 95, '2025-04-14', 240, 0.125],
  ['openai/chatgpt-4o-latest', '2024-08-14', 14, '2025-08-07', 120, 0.05],
  ['openai/o1-mini-2024-09-12', '2024-09-12', 16, '2025-01-31', 60, 0.025],
  ['openai/o1-2024-12-17', '2024-12-17', 10, '2025-04-16', 90, 0.05],
  ['openai/gpt-3.5-turbo', '2023-05-28', 6, '2025-01-01', 300, 0.1],
  ['anthropic/claude-3.5-sonnet-20241022', '2024-10-22', 200, '2025-02-24', 40, 0.02],
  ['anthropic/claude-3.5-sonnet-20240620', '2024-06-20', 22, '2025-01-01', 90, 0.025],
  ['anthropic/claude-3.5-haiku-20241022', '2024-11-04', 36, '2025-10-15', 90, 0.05],
  ['anthropic/claude-3-haiku', '2024-03-13', 16, '2025-01-01', 300, 0.1],
  ['anthropic/claude-3-opus', '2024-03-04', 8, '2025-02-24', 120, 0.025],
  ['google/gemini-flash-1.5', '2024-05-14', 85, '2025-02-05', 50, 0.02],
  ['google/gemini-flash-1.5-8b', '2024-10-03', 55, '2025-02-25', 60, 0.02],
  ['google/gemini-pro-1.5', '2024-04-09', 22, '2025-03-25', 60, 0.015],
  ['google/gemini-2.0-flash-exp:free', '2024-12-11', 80, '2025-02-05', 25, 0.01],
  ['google/gemma-2-9b-it', '2024-06-28', 9, '2025-03-12', 150, 0.1],
  ['google/gemma-2-27b-it', '2024-07-13', 7, '2025-03-12', 120, 0.075],
  ['meta-llama/llama-3.1-8b-instruct', '2024-07-23', 26, '2025-06-01', 300, 0.175],
  ['meta-llama/llama-3.1-70b-instruct', '2024-07-23', 24, '2025-01-01', 150, 0.075],
  ['meta-llama/llama-3.1-405b-instruct', '2024-07-23', 8, '2025-01-01', 120, 0.05],
  ['meta-llama/llama-3.2-3b-instruct', '2024-09-25', 8, '2025-06-01', 300, 0.15],
  ['meta-llama/llama-3.2-1b-instruct', '2024-09-25', 5, '2025-06-01', 300, 0.15],
  ['meta-llama/llama-3.3-70b-instruct', '2024-12-06', 45, '2025-08-05', 300, 0.15],
  ['mistralai/mistral-nemo', '2024-07-18', 32, '2025-06-20', 300, 0.175],
  ['mistralai/mistral-large-2411', '2024-11-18', 10, '2025-05-01', 150, 0.075],
  ['mistralai/ministral-8b', '2024-10-17', 6, '2025-03-01', 200, 0.1],
  ['mistralai/mixtral-8x7b-instruct', '2023-12-10', 8, '2025-01-01', 200, 0.05],
  ['mistralai/mistral-7b-instruct', '2024-05-27', 9, '2025-01-01', 300, 0.125],
  ['qwen/qwen-2.5-72b-instruct', '2024-09-19', 22, '2025-04-28', 120, 0.075],
  ['qwen/qwen-2.5-coder-32b-instruct', '2024-11-11', 22, '2025-07-22', 90, 0.05],
  ['qwen/qwen-2.5-7b-instruct', '2024-10-16', 7, '2025-04-28', 200, 0.125],
  ['deepseek/deepseek-chat', '2024-12-26', 75, '2025-03-24', 45, 0.04],
  ['x-ai/grok-2-1212', '2024-12-14', 8, '2025-04-09', 60, 0.025],
  ['x-ai/grok-beta', '2024-10-20', 5, '2025-01-01', 40, 0.01],
  ['nousresearch/hermes-3-llama-3.1-405b', '2024-08-16', 10, '2025-01-01', 240, 0.075],
  ['nousresearch/hermes-3-llama-3.1-70b', '2024-08-18', 8, '2025-01-01', 240, 0.075],
  ['gryphe/mythomax-l2-13b', '2023-07-02', 26, '2025-01-01', 400, 0.15],
  ['sao10k/l3.1-euryale-70b', '2024-08-28', 16, '2025-04-01', 240, 0.1],
  ['sao10k/l3-lunaris-8b', '2024-08-13', 20, '2025-04-01', 300, 0.15],
  ['neversleep/llama-3.1-lumimaid-8b', '2024-07-30', 10, '2025-01-01', 240, 0.075],
  ['microsoft/wizardlm-2-8x22b', '2024-04-16', 20, '2025-01-01', 200, 0.075],
  ['microsoft/phi-3.5-mini-128k-instruct', '2024-08-21', 4, '2025-01-01', 200, 0.1],
  ['cohere/command-r-plus-08-2024', '2024-08-30', 6, '2025-03-13', 120, 0.075],
  ['cohere/command-r-08-2024', '2024-08-30', 5, '2025-03-13', 120, 0.075],
  ['amazon/nova-lite-v1', '2024-12-05', 9, '2025-09-01', 200, 0.15],
  ['amazon/nova-pro-v1', '2024-12-05', 6, '2025-09-01', 200, 0.15],
  ['amazon/nova-micro-v1', '2024-12-05', 6, '2025-09-01', 200, 0.15],
  ['nvidia/llama-3.1-nemotron-70b-instruct', '2024-10-15', 9, '2025-03-01', 150, 0.05],
  ['perplexity/llama-3.1-sonar-large-128k-online', '2024-08-01', 7, '2025-02-15', 45, 0.01],
  ['liquid/lfm-40b', '2024-09-30', 4, '2025-01-01', 150, 0.05],
  ['thedrummer/unslopnemo-12b', '2024-11-08', 6, '2025-06-01', 300, 0.15],
  ['eva-unit-01/eva-qwen-2.5-72b', '2024-11-22', 5, '2025-03-01', 200, 0.1],
  ['inflection/inflection-3-pi', '2024-10-11', 3, '2025-01-01', 200, 0.1],
  ['mistralai/codestral-2501', '2025-01-14', 12, '2025-08-01', 150, 0.1],
  ['deepseek/deepseek-r1', '2025-01-20', 65, '2025-05-28', 90, 0.06],
  ['deepseek/deepseek-r1:free', '2025-01-20', 75, '2025-03-10', 40, 0.04],
  ['mistralai/mistral-small-24b-instruct-2501', '2025-01-30', 14, '2025-06-20', 60, 0.05],
  ['openai/o3-mini-2025-01-31', '2025-01-31', 22, '2025-04-16', 60, 0.04],
  ['google/gemini-2.0-flash-001', '2025-02-05', 150, '2025-06-17', 150, 0.125],
  ['google/gemini-2.0-flash-lite-001', '2025-02-25', 30, '2025-07-22', 200, 0.15],
  ['anthropic/claude-3.7-sonnet-20250219', '2025-02-24', 210, '2025-05-22', 40, 0.03],
  ['anthropic/claude-3.7-sonnet-20250219:thinking', '2025-02-24', 40, '2025-05-22', 40, 0.025],
  ['google/gemma-3-27b-it', '2025-03-12', 10, '2025-12-01', 200, 0.2],
  ['deepseek/deepseek-chat-v3-0324', '2025-03-24', 90, '2025-08-21', 60, 0.075],
  ['deepseek/deepseek-chat-v3-0324:free', '2025-03-24', 120, '2025-07-01', 45, 0.05],
  ['google/gemini-2.5-pro', '2025-03-25', 110, '2025-11-18', 100, 0.125],
  ['meta-llama/llama-4-maverick', '2025-04-05', 25, '2025-05-15', 90, 0.06],
  ['meta-llama/llama-4-scout', '2025-04-05', 15, '2025-05-15', 120, 0.075],
  ['openai/gpt-4.1-2025-04-14', '2025-04-14', 50, '2025-08-07', 120, 0.075],
  ['openai/gpt-4.1-mini-2025-04-14', '2025-04-14', 60, '2025-08-07', 180, 0.125],
  ['openai/gpt-4.1-nano-2025-04-14', '2025-04-14', 25, '2025-08-07', 200, 0.15],
  ['openai/o4-mini-2025-04-16', '2025-04-16', 28, '2025-08-07', 100, 0.075],
  ['google/gemini-2.5-flash', '2025-04-17', 230, '2025-12-17', 150, 0.15],
  ['qwen/qwen3-235b-a22b', '2025-04-28', 25, '2025-07-22', 90, 0.1],
  ['qwen/qwen3-30b-a3b', '2025-04-28', 16, '2026-01-01', 200, 0.15],
  ['anthropic/claude-sonnet-4', '2025-05-22', 200, '2025-09-29', 45, 0.06],
  ['anthropic/claude-opus-4', '2025-05-22', 30, '2025-08-05', 30, 0.025],
  ['deepseek/deepseek-r1-0528', '2025-05-28', 40, '2025-08-21', 90, 0.075],
  ['deepseek/deepseek-r1-0528:free', '2025-05-28', 55, '2025-07-15', 40, 0.05],
  ['google/gemini-2.5-flash-lite', '2025-06-17', 70, '2026-03-01', 200, 0.2],
  ['mistralai/mistral-small-3.2-24b-instruct', '2025-06-20', 14, '2026-03-01', 200, 0.15],
  ['x-ai/grok-4', '2025-07-09', 40, '2025-09-19', 90, 0.075],
  ['moonshotai/kimi-k2', '2025-07-11', 65, '2025-11-06', 120, 0.1],
  ['moonshotai/kimi-k2:free', '2025-07-11', 50, '2025-08-25', 30, 0.04],
  ['qwen/qwen3-coder', '2025-07-22', 80, '2026-02-16', 150, 0.1],
  ['qwen/qwen3-coder:free', '2025-07-22', 95, '2025-09-10', 40, 0.05],
  ['z-ai/glm-4.5', '2025-07-25', 50, '2025-09-30', 45, 0.05],
  ['z-ai/glm-4.5-air:free', '2025-07-25', 40, '2025-10-15', 60, 0.06],
  ['openai/gpt-oss-120b', '2025-08-05', 60, '2026-06-01', 200, 0.175],
  ['openai/gpt-oss-20b:free', '2025-08-05', 25, '2025-11-01', 100, 0.1],
  ['anthropic/claude-opus-4.1', '2025-08-05', 40, '2025-11-24', 30, 0.025],
  ['openai/gpt-5-2025-08-07', '2025-08-07', 85, '2025-11-13', 60, 0.075],
  ['openai/gpt-5-mini-2025-08-07', '2025-08-07', 50, '2026-04-01', 200, 0.15],
  ['deepseek/deepseek-chat-v3.1', '2025-08-21', 70, '2025-12-01', 60, 0.06],
  ['deepseek/deepseek-chat-v3.1:free', '2025-08-21', 85, '2025-10-10', 40, 0.04],
  ['x-ai/grok-code-fast-1', '2025-08-26', 190, '2026-05-01', 180, 0.15],
  ['x-ai/grok-4-fast', '2025-09-19', 70, '2025-11-19', 60, 0.075],
  ['x-ai/grok-4-fast:free', '2025-09-19', 110, '2025-10-25', 25, 0.02],
  ['anthropic/claude-sonnet-4.5', '2025-09-29', 170, '2026-02-17', 45, 0.06],
  ['deepseek/deepseek-v3.2-exp', '2025-09-29', 40, '2025-12-01', 40, 0.04],
  ['z-ai/glm-4.6', '2025-09-30', 75, '2025-12-22', 60, 0.075],
  ['anthropic/claude-haiku-4.5', '2025-10-15', 55, '2026-09-01', 150, 0.2],
  ['minimax/minimax-m2', '2025-10-27', 55, '2025-12-23', 45, 0.06],
  ['minimax/minimax-m2:free', '2025-10-27', 110, '2025-11-10', 20, 0.02],
  ['moonshotai/kimi-k2-thinking', '2025-11-06', 40, '2026-01-27', 60, 0.06],
  ['openai/gpt-5.1', '2025-11-13', 65, '2025-12-11', 45, 0.06],
  ['google/gemini-3-pro-preview', '2025-11-18', 100, '2026-02-19', 60, 0.075],
  ['x-ai/grok-4.1-fast', '2025-11-19', 70, '2026-05-01', 120, 0.1],
  ['x-ai/grok-4.1-fast:free', '2025-11-19', 130, '2025-12-05', 20, 0.02],
  ['anthropic/claude-opus-4.5', '2025-11-24', 130, '2026-02-05', 40, 0.05],
  ['deepseek/deepseek-v3.2', '2025-12-01', 60, '2026-04-15', 60, 0.075],
  ['openai/gpt-5.2', '2025-12-11', 60, '2026-05-13', 60, 0.075],
  ['google/gemini-3-flash-preview', '2025-12-17', 150, '2026-06-24', 90, 0.125],
  ['z-ai/glm-4.7', '2025-12-22', 65, '2026-02-11', 45, 0.06],
  ['minimax/minimax-m2.1', '2025-12-23', 50, '2026-04-01', 90, 0.1],
  ['moonshotai/kimi-k2.5', '2026-01-27', 70, '2026-07-15', 90, 0.1],
  ['anthropic/claude-opus-4.6', '2026-02-05', 140, '2026-08-12', 45, 0.06],
  ['z-ai/glm-5', '2026-02-11', 80, '2026-08-04', 60, 0.075],
  ['qwen/qwen3.5-plus', '2026-02-16', 40],
  ['anthropic/claude-sonnet-4.6', '2026-02-17', 150, '2026-09-09', 45, 0.06],
  ['google/gemini-3.1-pro-preview', '2026-02-19', 90],
  ['openai/gpt-5.3-codex', '2026-03-05', 70, '2026-07-09', 60, 0.075],
  ['deepseek/deepseek-v4', '2026-04-15', 90],
  ['deepseek/deepseek-v4:free', '2026-04-15', 120, '2026-05-20', 25, 0.025],
  ['x-ai/grok-code-fast-2', '2026-05-01', 150],
  ['openai/gpt-5.4', '2026-05-13', 60],
  ['mistralai/devstral-2', '2026-05-20', 25],
  ['google/gemini-3.5-flash', '2026-06-24', 150],
  ['qwen/qwen3.5-coder', '2026-07-01', 50],
  ['qwen/qwen3.5-coder:free', '2026-07-01', 90, '2026-08-15', 30, 0.04],
  ['openai/gpt-5.5', '2026-07-09', 70],
  ['moonshotai/kimi-k3', '2026-07-15', 70],
  ['z-ai/glm-5.1', '2026-08-04', 70],
  ['anthropic/claude-opus-4.7', '2026-08-12', 130],
  ['anthropic/claude-sonnet-4.7', '2026-09-09', 150],
  ['x-ai/grok-5', '2026-10-07', 80],
  ['minimax/minimax-m3', '2026-10-20', 50],
  ['minimax/minimax-m3:free', '2026-10-20', 90, '2026-11-05', 20, 0.025],
];

interface DemoModel {
  permaslug: string;
  launched: string;
}

interface CompiledModel {
  permaslug: string;
  launchDay: number;
  peakTokens: number;
  rampDays: number;
  fadeDay: number;
  fadeDays: number;
  floor: number;
  seed: number;
  wobblePeriod: number;
  wobblePhase: number;
}

/** Sunday..Saturday. */
const MODEL_WEEKLY: readonly number[] = [0.8, 0.98, 1.03, 1.04, 1.04, 1.0, 0.84];

const COMPILED_MODELS: readonly CompiledModel[] = MODEL_SPECS.map(
  ([permaslug, launched, peak, fadeFrom, fadeDays = 60, floor = 0.1]) => {
    const seed = fnv1a(permaslug);
    const random = mulberry32(seed);
    const isFree = permaslug.endsWith(':free');
    return {
      permaslug,
      launchDay: toEpochDay(launched),
      peakTokens: peak * 1e9,
      rampDays: isFree ? 2 + random() * 3 : 4 + random() * 12,
      fadeDay: fadeFrom === undefined ? Number.POSITIVE_INFINITY : toEpochDay(fadeFrom),
      fadeDays,
      floor,
      seed,
      wobblePeriod: 30 + random() * 60,
      wobblePhase: random() * TWO_PI,
    };
  },
);

export const DEMO_MODELS: readonly DemoModel[] = MODEL_SPECS.map(([permaslug, launched]) => ({ permaslug, launched }));

const MODELS_BY_SLUG = new Map(COMPILED_MODELS.map((model) => [model.permaslug, model]));

function modelMarket(day: number): number {
  return 1 + 0.5 * yearsSinceStart(day);
}

function modelTokensOn(model: CompiledModel, day: number): bigint {
  if (day < DATA_START_DAY || day < model.launchDay) return 0n;
  const ramp = 1 - Math.exp(-(day - model.launchDay + 1) / model.rampDays);
  const fade =
    day < model.fadeDay
      ? 1
      : model.floor + (1 - model.floor) * Math.exp(-(day - model.fadeDay) / model.fadeDays);
  const wobble = 1 + 0.1 * Math.sin((TWO_PI * day) / model.wobblePeriod + model.wobblePhase);
  const noise = 0.94 + 0.12 * dayNoise(model.seed, day);
  const weekly = MODEL_WEEKLY[dayOfWeek(day)] ?? 1;
  return BigInt(Math.round(model.peakTokens * modelMarket(day) * ramp * fade * wobble * noise * weekly));
}

const LONG_TAIL_SEED = fnv1a('long-tail');

/** Traffic on models too small to be named at all, in parts per million of the named total. */
function longTailPpm(day: number): bigint {
  const share = 0.04 + 0.015 * Math.sin((TWO_PI * day) / 97) + 0.01 * dayNoise(LONG_TAIL_SEED, day);
  return BigInt(Math.round(share * 1e6));
}

const MODEL_DAY_MEMO_LIMIT = 1024;
const modelDayMemo = new Map<number, readonly RawModelDayRow[]>();

function modelRowsOn(day: number): readonly RawModelDayRow[] {
  const cached = modelDayMemo.get(day);
  if (cached) return cached;

  const date = fromEpochDay(day);
  const entries: { permaslug: string; tokens: bigint }[] = [];
  let namedTotal = 0n;
  for (const model of COMPILED_MODELS) {
    const tokens = modelTokensOn(model, day);
    if (tokens > 0n) {
      entries.push({ permaslug: model.permaslug, tokens });
      namedTotal += tokens;
    }
  }
  entries.sort((a, b) => compareBigIntDesc(a.tokens, b.tokens) || compareCodeUnits(a.permaslug, b.permaslug));

  const rows: RawModelDayRow[] = entries
    .slice(0, TOP_MODELS)
    .map((entry) => ({ date, model_permaslug: entry.permaslug, total_tokens: entry.tokens.toString() }));
  let other = (namedTotal * longTailPpm(day)) / 1_000_000n;
  for (const entry of entries.slice(TOP_MODELS)) other += entry.tokens;
  if (other > 0n) rows.push({ date, model_permaslug: OTHER_PERMASLUG, total_tokens: other.toString() });

  if (modelDayMemo.size >= MODEL_DAY_MEMO_LIMIT) {
    const oldest = modelDayMemo.keys().next();
    if (!oldest.done) modelDayMemo.delete(oldest.value);
  }
  modelDayMemo.set(day, rows);
  return rows;
}

/**
 * Rows for every date in [startDate, endDate] (inclusive, both valid YYYY-MM-DD, start <= end, already
 * validated): per date ascending, the top 50 models by tokens descending (ties alphabetical by
 * permaslug), then one `other` row (everything outside the top 50 plus a long tail), always last
 * within its date. Days before 2025-01-01 have no data and produce no rows.
 */
export function demoRankingsDaily(startDate: string, endDate: string): RawModelDayRow[] {
  const rows: RawModelDayRow[] = [];
  const last = toEpochDay(endDate);
  for (let day = Math.max(toEpochDay(startDate), DATA_START_DAY); day <= last; day++) {
    for (const row of modelRowsOn(day)) rows.push({ ...row });
  }
  return rows;
}

/** One model's tokens on one UTC day (0 before launch or before 2025-01-01). */
export function demoModelDayTokens(permaslug: string, date: string): bigint {
  const model = MODELS_BY_SLUG.get(permaslug);
  if (!model) throw new Error(`unknown demo model ${permaslug}`);
  return modelTokensOn(model, toEpochDay(date));
}

/* -------------------------------------------------------------------- apps */

const APP_NAMES: Readonly<Record<AppSubcategory, readonly string[]>> = {
  'cli-agent': [
    'Shellwright', 'TermPilot', 'Forge CLI', 'Kestrel Code', 'Burrow', 'Patchwork Agent', 'grepmind',
    'Tern', 'Quillshell', 'Driftwood CLI', 'Ox Agent', 'Hammerhead', 'Sprocket', 'Lantern CLI', 'Mossbyte',
    'Vireo', 'Cobalt Terminal', 'Rivet', 'Stackhound', 'Nimbus Shell', 'Pebble Agent', 'Ferrule',
  ],
  'ide-extension': [
    'CodeLoom', 'Pairwise', 'Tabsmith', 'Inline Oracle', 'Gutter AI', 'Refactorly', 'Linewise',
    'Cadence Assist', 'Copperhead', 'Syntaxis', 'Margin Notes AI', 'Vellum Code', 'Bramble', 'Snippet Fox',
    'Keystone Assist', 'Deltacode', 'Quokka Pair', 'Indentation Station', 'Threadline', 'Owlet Code',
    'Compass Dev', 'Helix Assist',
  ],
  'cloud-agent': [
    'Nightshift Agents', 'Backlog Burner', 'PR Foundry', 'Cirrus Dev', 'Overnight Engineer', 'TicketSmith',
    'Fleetcode', 'Merge Queue Bot', 'Stratus Coder', 'Batchwright', 'Cloudmason', 'Async Dev', 'Skyforge',
    'Relay Agents', 'Orbit CI Agent',
  ],
  'programming-app': [
    'Build, Test, Ship', 'LeetLoom', 'Snippetbox', 'SQL Whisperer', 'Regex Garden', 'DocuCode',
    'Schema Sketch', 'Pytutor Plus', 'Bugbounty Buddy', 'Query Lab', 'Notebook Nomad', 'Stackwise',
    'API Atelier', 'Kernel Kitchen', 'Lintable', 'DevDesk', 'Codeflash Tutor', 'Shader Sandbox',
  ],
  'native-app-builder': [
    'Appwright', 'Prompt2App', 'Shipyard', 'Mockup Mill', 'Brickyard Studio', 'Tapforge', 'Scaffold AI',
    'Pixel Foundry', 'Screenwright', 'Nocodia', 'MVP Oven', 'Widget Kiln', 'Appsmithy', 'Canvas to Code',
  ],
  'creative-writing': [
    'Café Writer ✍️', 'Inkwell', 'Plotbunny', 'Novel Nook', 'Storyweaver Pro', 'Chapterhouse', 'Muse Engine',
    'Quill & Lantern', 'Drafts of Dawn', 'Worldsmith', 'Sonnet Studio', 'Fable Forge', 'Prose Garden',
    'Manuscript Mate', 'Lore Ledger', 'Ghostwriter Guild', 'Epilogue', 'Verse Machine',
  ],
  'video-gen': [
    'Reelcraft', 'Frame Factory', 'Storyboard AI', 'Clipmind', 'Motion Muse', 'Scriptshot', 'Cutaway',
    'Vidloom', 'Trailer Lab', 'Shorts Engine',
  ],
  'image-gen': [
    'Prompt Palette', 'Pixel Dream', 'Canvas Whisper', 'Artboard Oracle', 'Sticker Forge', 'Lumen Studio',
    'Brushstroke', 'Iconsmith', 'Photo Muse', 'Moodboard Maker', 'Render Room', 'Sketch to Scene',
  ],
  'audio-gen': [
    'Podcast Pal', 'Voiceloom', 'Lyric Lab', 'Jingle Jar', 'Narrator Nest', 'Beat Scribe', 'Soundsketch',
    'Audiobook Alchemist', 'Echo Studio', 'Radio Script AI',
  ],
  roleplay: [
    'Moonlit Tavern', 'Velvet Chat', 'Kindred Souls', 'Tavernlight', 'Dreamweaver RP', 'Crimson Quill',
    'Starfall Stories', 'Hearthside', 'Persona Parlor', 'Fireside Tales', 'Nocturne', 'Mirage Companions',
    "Rogue's Den", 'Enchanted Inn', 'Castle Whispers', 'Neon Alley RP', 'Sakura Club 🌸', 'Lunar Lounge',
    'Hollow Pines', 'Emberheart', 'Wandering Bard', 'Masquerade', 'Chronicle Keep', 'Siren Song',
    'Willow & Wisp', 'Gaslight Café',
  ],
  game: [
    'Dungeon Narrator', 'Quest Engine', 'Infinite Adventure', 'Text Realms', 'Mystery Manor', 'Riddle Rover',
    'Gamemaster Genie', 'Space Trader AI', 'Kingdom Sim', 'Word Duel', 'Trivia Titan', 'Choose Your Path',
    'Pocket Dungeon', 'Detective Desk', "Pirate's Parley", 'Arena of Minds',
  ],
  'writing-assistant': [
    'The "Right Word"', 'Polished', 'Grammar Gardener', 'Tone Tuner', 'Redline', 'Clarity Coach', 'Mailcraft',
    'Reply Smith', 'Summarize This', 'Bullet Brain', 'Copy Kiln', 'Proofmate', 'Wordsmith Desk',
    'Resume Refinery', 'Brief Builder', 'Docs Doctor', 'Paraphrase Pro', 'Memo Maker',
  ],
  'general-chat': [
    'Ask Anything', 'Chatterbox', 'OpenDesk Chat', 'Glimmer Chat', 'Mindmate', 'Hearth Chat', 'Tidepool',
    'Multichat Hub', 'Orbit Chat', 'Prism Chat', 'Chat Harbor', 'Polyglot Pal', 'Pocket Sage', 'Cosmo Chat',
    'Kiwi Chat', 'Switchboard', 'Parley', 'Teatime AI', 'Horizon Chat', 'Beacon Talk', 'Quiet Room',
    'Northstar Chat', 'Mango Chat', 'Sparrowtalk',
  ],
  'personal-agent': [
    'Errand Bot', 'Inbox Zero Agent', 'Daybook', 'Butler Bee', 'Calendar Concierge', 'Life Ledger', 'Tasklark',
    'Homebase Agent', 'Travel Sherpa', 'Remindly', 'Second Brain', 'Autoplanner', 'Morning Brief',
    'Pocket Butler', 'Research Hound', 'Deal Scout',
  ],
  legal: [
    'Clause Clerk', 'Brief Bench', 'Contract Compass', 'Docket Scout', 'Lex Ledger', 'Counsel Notes',
    'Precedent Finder', 'Redline Legal', 'Statute Sage', 'Tenant Rights Helper',
  ],
};

interface SubcategoryProfile {
  /** Billions of tokens/day of the subcategory's leader at market 1. */
  leader: number;
  tokensPerRequest: readonly [number, number];
}

const SUBCATEGORY_PROFILES: Readonly<Record<AppSubcategory, SubcategoryProfile>> = {
  'cli-agent': { leader: 40, tokensPerRequest: [12_000, 40_000] },
  'ide-extension': { leader: 45, tokensPerRequest: [8_000, 30_000] },
  'cloud-agent': { leader: 12, tokensPerRequest: [15_000, 50_000] },
  'programming-app': { leader: 6, tokensPerRequest: [2_000, 8_000] },
  'native-app-builder': { leader: 10, tokensPerRequest: [10_000, 35_000] },
  'creative-writing': { leader: 6, tokensPerRequest: [3_000, 12_000] },
  'video-gen': { leader: 2, tokensPerRequest: [500, 3_000] },
  'image-gen': { leader: 2, tokensPerRequest: [300, 1_500] },
  'audio-gen': { leader: 1.5, tokensPerRequest: [800, 4_000] },
  roleplay: { leader: 30, tokensPerRequest: [4_000, 16_000] },
  game: { leader: 5, tokensPerRequest: [2_000, 8_000] },
  'writing-assistant': { leader: 4, tokensPerRequest: [1_000, 4_000] },
  'general-chat': { leader: 12, tokensPerRequest: [1_500, 6_000] },
  'personal-agent': { leader: 8, tokensPerRequest: [5_000, 20_000] },
  legal: { leader: 1.5, tokensPerRequest: [6_000, 25_000] },
};

/** Sunday..Saturday multipliers: work tools dip at weekends, entertainment peaks. */
const CATEGORY_WEEKLY: Readonly<Record<AppCategory, readonly number[]>> = {
  coding: [0.68, 1.0, 1.05, 1.06, 1.05, 0.97, 0.7],
  creative: [1.0, 0.95, 0.97, 0.98, 0.98, 1.0, 1.04],
  productivity: [0.72, 1.03, 1.05, 1.05, 1.04, 0.98, 0.74],
  entertainment: [1.12, 0.93, 0.92, 0.93, 0.95, 1.04, 1.15],
};

export interface DemoApp {
  appId: number;
  name: string;
  subcategory: AppSubcategory;
  launched: string;
}

interface CompiledApp extends DemoApp {
  category: AppCategory;
  launchDay: number;
  seed: number;
  scaleTokens: number;
  rampDays: number;
  adoptionFloor: number;
  adoptionMidAge: number;
  adoptionWidth: number;
  peakAge: number;
  decayDays: number;
  decayFloor: number;
  wobblePeriod: number;
  wobblePhase: number;
  weekly: readonly number[];
  tokensPerRequest: bigint;
}

const APP_LAUNCH_FROM = toEpochDay('2024-03-01');
const APP_LAUNCH_SPAN_DAYS = toEpochDay('2026-09-30') - APP_LAUNCH_FROM;

function compileApp(name: string, subcategory: AppSubcategory, category: AppCategory, index: number, order: number): CompiledApp {
  const seed = fnv1a(`app:${name}`);
  const random = mulberry32(seed);
  const profile = SUBCATEGORY_PROFILES[subcategory];
  // Leaders of a subcategory are older on average, so early windows already have a recognisable top.
  const launchDay = APP_LAUNCH_FROM + Math.floor(random() ** (index < 3 ? 2.5 : 1) * APP_LAUNCH_SPAN_DAYS);
  const scaleTokens = profile.leader * 1e9 * 0.72 ** index * (0.7 + 0.6 * random());

  const shape = random();
  let adoptionFloor = 1;
  let adoptionMidAge = 0;
  let adoptionWidth = 1;
  let peakAge = Number.POSITIVE_INFINITY;
  let decayDays = 1;
  let decayFloor = 1;
  if (shape < 0.25) {
    // steady: only the launch ramp
  } else if (shape < 0.5) {
    adoptionFloor = 0.02 + 0.08 * random();
    adoptionMidAge = 60 + 360 * random();
    adoptionWidth = 20 + 60 * random();
  } else if (shape < 0.82) {
    peakAge = 30 + 330 * random();
    decayDays = 60 + 180 * random();
    decayFloor = 0.03 + 0.17 * random();
  } else {
    adoptionFloor = 0.01;
    adoptionMidAge = 10 + 30 * random();
    adoptionWidth = 4 + 8 * random();
    if (random() < 0.5) {
      peakAge = 60 + 140 * random();
      decayDays = 60 + 120 * random();
      decayFloor = 0.05 + 0.15 * random();
    }
  }

  const [minTpr, maxTpr] = profile.tokensPerRequest;
  return {
    appId: 10_000 + order * 211 + (seed % 199),
    name,
    subcategory,
    category,
    launched: fromEpochDay(launchDay),
    launchDay,
    seed,
    scaleTokens,
    rampDays: 5 + 30 * random(),
    adoptionFloor,
    adoptionMidAge,
    adoptionWidth,
    peakAge,
    decayDays,
    decayFloor,
    wobblePeriod: 20 + 70 * random(),
    wobblePhase: random() * TWO_PI,
    weekly: CATEGORY_WEEKLY[category],
    tokensPerRequest: BigInt(Math.round(minTpr + (maxTpr - minTpr) * random())),
  };
}

const COMPILED_APPS: readonly CompiledApp[] = (Object.keys(APP_CATEGORIES) as AppCategory[])
  .flatMap((category) => APP_CATEGORIES[category].map((subcategory) => ({ category, subcategory })))
  .flatMap(({ category, subcategory }) => APP_NAMES[subcategory].map((name, index) => ({ category, subcategory, name, index })))
  .map(({ category, subcategory, name, index }, order) => compileApp(name, subcategory, category, index, order));

export const DEMO_APPS: readonly DemoApp[] = COMPILED_APPS.map(({ appId, name, subcategory, launched }) => ({
  appId,
  name,
  subcategory,
  launched,
}));

const APPS_BY_ID = new Map(COMPILED_APPS.map((app) => [app.appId, app]));

function appMarket(day: number): number {
  return 1 + 0.3 * yearsSinceStart(day);
}

function appTokensOn(app: CompiledApp, day: number): bigint {
  if (day < DATA_START_DAY || day < app.launchDay) return 0n;
  const age = day - app.launchDay;
  const ramp = 1 - Math.exp(-(age + 1) / app.rampDays);
  const adoption =
    app.adoptionFloor === 1
      ? 1
      : app.adoptionFloor + (1 - app.adoptionFloor) / (1 + Math.exp(-(age - app.adoptionMidAge) / app.adoptionWidth));
  const decay =
    age <= app.peakAge ? 1 : app.decayFloor + (1 - app.decayFloor) * Math.exp(-(age - app.peakAge) / app.decayDays);
  const wobble = 1 + 0.12 * Math.sin((TWO_PI * day) / app.wobblePeriod + app.wobblePhase);
  const noise = 0.9 + 0.2 * dayNoise(app.seed, day);
  const weekly = app.weekly[dayOfWeek(day)] ?? 1;
  return BigInt(Math.round(app.scaleTokens * appMarket(day) * ramp * adoption * decay * wobble * noise * weekly));
}

/** Aligned blocks of days whose per-app sums are memoised; any window is whole blocks plus ragged edges. */
const BLOCK_DAYS = 28;
const BLOCK_MEMO_LIMIT = 512;
const blockMemo = new Map<number, readonly bigint[]>();

function addDay(totals: bigint[], day: number): void {
  for (let i = 0; i < COMPILED_APPS.length; i++) {
    const app = COMPILED_APPS[i];
    if (app) totals[i] = (totals[i] ?? 0n) + appTokensOn(app, day);
  }
}

function blockTotals(block: number): readonly bigint[] {
  const cached = blockMemo.get(block);
  if (cached) return cached;
  const totals = new Array<bigint>(COMPILED_APPS.length).fill(0n);
  const first = block * BLOCK_DAYS;
  for (let day = first; day < first + BLOCK_DAYS; day++) addDay(totals, day);
  if (blockMemo.size >= BLOCK_MEMO_LIMIT) {
    const oldest = blockMemo.keys().next();
    if (!oldest.done) blockMemo.delete(oldest.value);
  }
  blockMemo.set(block, totals);
  return totals;
}

/** Per-app token totals over [firstDay, lastDay], indexed like COMPILED_APPS. */
function appTotalsBetween(firstDay: number, lastDay: number): bigint[] {
  const totals = new Array<bigint>(COMPILED_APPS.length).fill(0n);
  let day = Math.max(firstDay, DATA_START_DAY);
  while (day <= lastDay) {
    if (day % BLOCK_DAYS === 0 && day + BLOCK_DAYS - 1 <= lastDay) {
      const block = blockTotals(day / BLOCK_DAYS);
      for (let i = 0; i < totals.length; i++) totals[i] = (totals[i] ?? 0n) + (block[i] ?? 0n);
      day += BLOCK_DAYS;
    } else {
      addDay(totals, day);
      day += 1;
    }
  }
  return totals;
}

function matchesFilter(app: CompiledApp, q: DemoAppRankingsQuery): boolean {
  if (q.subcategory !== undefined) return app.subcategory === q.subcategory;
  if (q.category !== undefined) return app.category === q.category;
  return true;
}

/** Apps for the window, filtered, ranked, renumbered 1..N after filtering, then sliced by offset/limit (rank stays absolute). */
export function demoAppRankings(q: DemoAppRankingsQuery): RawAppRow[] {
  const firstDay = toEpochDay(q.startDate);
  const lastDay = toEpochDay(q.endDate);
  const windowTotals = appTotalsBetween(firstDay, lastDay);

  let scores: bigint[];
  if (q.sort === 'trending') {
    const length = lastDay - firstDay + 1;
    // The three preceding periods are contiguous, so their mean is a third of one sum;
    // comparing 3·window against that sum keeps the excess exact.
    const preceding = appTotalsBetween(firstDay - 3 * length, firstDay - 1);
    scores = windowTotals.map((total, i) => 3n * total - (preceding[i] ?? 0n));
  } else {
    scores = windowTotals;
  }

  const ranked = COMPILED_APPS.map((app, i) => ({ app, total: windowTotals[i] ?? 0n, score: scores[i] ?? 0n }))
    .filter(({ app, total, score }) => total > 0n && score > 0n && matchesFilter(app, q))
    .sort((a, b) => compareBigIntDesc(a.score, b.score) || a.app.appId - b.app.appId);

  return ranked.slice(q.offset, q.offset + q.limit).map(({ app, total }, i) => ({
    app_id: app.appId,
    app_name: app.name,
    rank: q.offset + i + 1,
    total_requests: Number((total + app.tokensPerRequest - 1n) / app.tokensPerRequest),
    total_tokens: total.toString(),
  }));
}

/** One app's tokens on one UTC day (0 before launch or before 2025-01-01). */
export function demoAppDayTokens(appId: number, date: string): bigint {
  const app = APPS_BY_ID.get(appId);
  if (!app) throw new Error(`unknown demo app ${appId}`);
  return appTokensOn(app, toEpochDay(date));
}
