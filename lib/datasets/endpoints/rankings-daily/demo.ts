import { fromEpochDay, toEpochDay } from '../../../utc-day';
import { compareBigIntDesc, compareCodeUnits, DATA_START_DAY, dayNoise, dayOfWeek, fnv1a, mulberry32, TWO_PI, yearsSinceStart } from '../demo-random';
import type { RawModelDayRow, ResolvedRankingsDailyQuery } from '.';
import type { Category, ContextBucket, LanguageType, Modality, Period } from './values';

/** The synthetic daily top 50 and its slices, per day, week or month: the demo source's answer to `rankings-daily`. */

const TOP_MODELS = 50;
const OTHER_PERMASLUG = 'other';

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

/** Every demo model's tokens on one day (in MODEL_SPECS order) and the unnamed long tail's. */
interface DayTokens {
  models: readonly bigint[];
  longTail: bigint;
}

const dayTokensMemo = new Map<number, DayTokens>();
const modelDayMemo = new Map<number, readonly RawModelDayRow[]>();

function remember<T>(memo: Map<number, T>, day: number, value: T): T {
  if (memo.size >= MODEL_DAY_MEMO_LIMIT) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(day, value);
  return value;
}

function dayTokens(day: number): DayTokens {
  const cached = dayTokensMemo.get(day);
  if (cached) return cached;
  const models = COMPILED_MODELS.map((model) => modelTokensOn(model, day));
  const namedTotal = models.reduce((sum, tokens) => sum + tokens, 0n);
  return remember(dayTokensMemo, day, { models, longTail: (namedTotal * longTailPpm(day)) / 1_000_000n });
}

/**
 * One bucket's rows: the top 50 models by tokens descending (ties alphabetical by permaslug), then `other`
 * (the models outside the top 50 plus the long tail), omitted when it is 0.
 */
function bucketRows(date: string, tokens: readonly bigint[], longTail: bigint): RawModelDayRow[] {
  const entries: { permaslug: string; tokens: bigint }[] = [];
  tokens.forEach((value, i) => {
    if (value > 0n) entries.push({ permaslug: COMPILED_MODELS[i]!.permaslug, tokens: value });
  });
  entries.sort((a, b) => compareBigIntDesc(a.tokens, b.tokens) || compareCodeUnits(a.permaslug, b.permaslug));

  const rows: RawModelDayRow[] = entries
    .slice(0, TOP_MODELS)
    .map((entry) => ({ date, model_permaslug: entry.permaslug, total_tokens: entry.tokens.toString() }));
  let other = longTail;
  for (const entry of entries.slice(TOP_MODELS)) other += entry.tokens;
  if (other > 0n) rows.push({ date, model_permaslug: OTHER_PERMASLUG, total_tokens: other.toString() });
  return rows;
}

function modelRowsOn(day: number): readonly RawModelDayRow[] {
  const cached = modelDayMemo.get(day);
  if (cached) return cached;
  const { models, longTail } = dayTokens(day);
  return remember(modelDayMemo, day, bucketRows(fromEpochDay(day), models, longTail));
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

/* ------------------------------------------------------------ slices and grain */

const PPM = 1_000_000;
const MILLION = 1_000_000n;

type QueryFilter =
  | readonly ['modality', Modality]
  | readonly ['context_bucket', ContextBucket]
  | readonly ['category', Category]
  | readonly ['language_type', LanguageType];
type FilterName = QueryFilter[0];

const ROLEPLAY = /mythomax|euryale|lunaris|lumimaid|unslopnemo|eva-qwen|inflection|hermes|wizardlm/;
const CODER = /coder|codestral|devstral|codex|grok-code/;
const FRONTIER = /claude|gpt-5|gpt-4\.1|\/o[134]|gemini-(2\.5|3)|grok-[45]|kimi|glm|minimax|deepseek|qwen3/;
const VISION = /gpt-4o|gpt-4\.1|gpt-5|\/o[134]-|claude|gemini|gemma-3|llama-4|grok-[245]|nova-(lite|pro)|kimi-k(2\.5|3)|qwen3\.5-plus|mistral-small-3/;
const IMAGE_OUTPUT = /gemini-(2\.0-flash-exp|2\.5-flash$|3-flash|3\.5-flash)|gpt-5\.5/;
const AUDIO = /gpt-4o|gemini-[23]/;
const LONG_CONTEXT = /gpt-4\.1|gemini|llama-4|claude-(sonnet|opus)-4|grok-4|minimax|qwen3-coder|qwen3\.5/;
const HUGE_CONTEXT = /llama-4-scout|grok-4(\.1)?-fast|gemini-(pro-1\.5|2\.5-pro|3-pro|3\.1-pro)/;

/** A seeded draw in [low, high], fixed per model and salt. */
function between(seed: number, salt: string, low: number, high: number): number {
  return low + Math.floor(mulberry32(seed ^ fnv1a(salt))() * (high - low + 1));
}

function scaled(weights: Readonly<Record<string, number>>, total: number): Record<string, number> {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(weights).map(([name, weight]) => [name, sum === 0 ? 0 : Math.floor((weight * total) / sum)]));
}

/** One model's share of each slice, in parts per million of its traffic; 0 where it has none. */
function sliceShares({ permaslug: slug, seed }: CompiledModel): Record<FilterName, Record<string, number>> {
  const roleplay = ROLEPLAY.test(slug);
  const coder = CODER.test(slug);
  const some = (salt: string, low: number, high: number) => (between(seed, `${salt}?`, 0, 99) < 25 ? 0 : between(seed, salt, low, high));

  const modality = {
    text: between(seed, 'text', 800_000, 940_000),
    image: VISION.test(slug) ? between(seed, 'image', 20_000, 150_000) : 0,
    image_output: IMAGE_OUTPUT.test(slug) ? between(seed, 'image_output', 100_000, 400_000) : 0,
    audio: AUDIO.test(slug) ? between(seed, 'audio', 3_000, 35_000) : 0,
    tool_calling: roleplay ? 0 : some('tool_calling', coder ? 300_000 : 60_000, 600_000),
  };
  const contextBucket = scaled(
    {
      '1K': between(seed, '1K', 100, 300),
      '10K': between(seed, '10K', 250, 500),
      '100K': between(seed, '100K', 150, 450) * (coder ? 2 : 1),
      '1M': LONG_CONTEXT.test(slug) ? between(seed, '1M', 10, 120) : 0,
      '10M': HUGE_CONTEXT.test(slug) ? between(seed, '10M', 1, 15) : 0,
    },
    950_000,
  );

  // Sampled: the share of a model's traffic that got classified, split over the categories.
  const classified = between(seed, 'classified', 780_000, 930_000);
  const category = scaled(
    {
      programming: coder ? between(seed, 'programming', 650, 850) : roleplay ? 0 : FRONTIER.test(slug) ? between(seed, 'programming', 250, 550) : between(seed, 'programming', 40, 250),
      roleplay: roleplay ? between(seed, 'roleplay', 550, 800) : coder ? 0 : slug.endsWith(':free') ? between(seed, 'roleplay', 80, 250) : between(seed, 'roleplay', 5, 60),
      marketing: some('marketing', 10, 60),
      technology: between(seed, 'technology', 40, 140),
      science: some('science', 15, 60),
      translation: some('translation', 5, 60),
      legal: some('legal', 3, 20),
      finance: some('finance', 5, 30),
      health: some('health', 3, 30),
      trivia: some('trivia', 10, 70),
      academia: some('academia', 10, 60),
    },
    classified,
  );
  // marketing/seo is a part of marketing.
  category['marketing/seo'] = Math.floor(((category.marketing ?? 0) * between(seed, 'seo', 200, 450)) / 1000);
  const programming = Math.min(classified, Math.floor(((category.programming ?? 0) * 11) / 10) + Math.floor((category.technology ?? 0) / 4));
  return {
    modality,
    context_bucket: contextBucket,
    category,
    language_type: { natural: classified - programming, programming },
  };
}

const SLICE_SHARES = COMPILED_MODELS.map(sliceShares);

/** The unnamed long tail's share of each slice, in parts per million. */
const LONG_TAIL_SHARES: Readonly<Record<FilterName, Readonly<Record<string, number>>>> = {
  modality: { text: 880_000, image: 50_000, image_output: 15_000, audio: 10_000, tool_calling: 200_000 },
  context_bucket: { '1K': 280_000, '10K': 360_000, '100K': 250_000, '1M': 25_000, '10M': 0 },
  category: {
    programming: 260_000, roleplay: 200_000, marketing: 45_000, 'marketing/seo': 15_000, technology: 85_000, science: 30_000,
    translation: 35_000, legal: 8_000, finance: 20_000, health: 12_000, trivia: 45_000, academia: 30_000,
  },
  language_type: { natural: 540_000, programming: 320_000 },
};

const FILTER_SALTS = new Map<string, number>();

function filterSalt(name: FilterName, value: string): number {
  const key = `${name}=${value}`;
  let salt = FILTER_SALTS.get(key);
  if (salt === undefined) FILTER_SALTS.set(key, (salt = fnv1a(key)));
  return salt;
}

/** A model's share of the slice on one day (exact) or in one week (sampled, keyed by its Monday), ±5 %. */
function slicePpm(filters: readonly QueryFilter[], modelIndex: number, day: number): number {
  const model = COMPILED_MODELS[modelIndex]!;
  let ppm = PPM;
  for (const [name, value] of filters) {
    const base = SLICE_SHARES[modelIndex]![name][value] ?? 0;
    if (base === 0) return 0;
    const noisy = Math.min(PPM - 1, Math.floor(base * (0.95 + 0.1 * dayNoise(model.seed ^ filterSalt(name, value), day))));
    ppm = Math.floor((ppm * noisy) / PPM);
  }
  return ppm;
}

function longTailSlicePpm(filters: readonly QueryFilter[]): number {
  return filters.reduce((ppm, [name, value]) => Math.floor((ppm * (LONG_TAIL_SHARES[name][value] ?? 0)) / PPM), PPM);
}

const share = (tokens: bigint, ppm: number): bigint => (ppm === PPM ? tokens : (tokens * BigInt(ppm)) / BigInt(PPM));
/** Upsampled figures are published as estimates: whole millions, rounded down. */
const estimate = (tokens: bigint): bigint => tokens - (tokens % MILLION);

const mondayOf = (day: number): number => day - ((dayOfWeek(day) + 6) % 7);
const monthOf = (day: number): number => toEpochDay(`${fromEpochDay(day).slice(0, 7)}-01`);
const BUCKET_OF: Readonly<Record<Period, (day: number) => number>> = { day: (day) => day, week: mondayOf, month: monthOf };

function filtersOf(q: ResolvedRankingsDailyQuery): QueryFilter[] {
  const filters: QueryFilter[] = [];
  if (q.modality) filters.push(['modality', q.modality]);
  if (q.contextBucket) filters.push(['context_bucket', q.contextBucket]);
  if (q.category) filters.push(['category', q.category]);
  if (q.languageType) filters.push(['language_type', q.languageType]);
  return filters;
}

/**
 * The demo answer to any request but the plain daily one (demoRankingsDaily): per bucket ascending, the
 * top 50 + `other` of a slice at a grain. Exact slices (modality, contextBucket, both) take a share of
 * each model's day and sum the days inside the window into each day, week (dated by its Monday) or
 * month (by its 1st). Sampled slices (category, languageType) are weekly estimates in whole weeks
 * Monday to Sunday: the weeks that start inside the window, the last of which may run past endDate (up
 * to `lastCompleted`); a month holds the weeks that start in it.
 */
export function demoRankingsDailySlice(q: ResolvedRankingsDailyQuery, lastCompleted: string): RawModelDayRow[] {
  const filters = filtersOf(q);
  const sampled = q.category !== undefined || q.languageType !== undefined;
  const bucketOf = BUCKET_OF[q.period ?? 'day'];
  const tailPpm = longTailSlicePpm(filters);
  const buckets = new Map<number, { tokens: bigint[]; longTail: bigint }>();
  const add = (bucket: number, tokens: readonly bigint[], longTail: bigint) => {
    let sums = buckets.get(bucket);
    if (!sums) buckets.set(bucket, (sums = { tokens: COMPILED_MODELS.map(() => 0n), longTail: 0n }));
    for (let i = 0; i < tokens.length; i++) sums.tokens[i]! += tokens[i]!;
    sums.longTail += longTail;
  };

  const first = Math.max(toEpochDay(q.startDate), DATA_START_DAY);
  const last = toEpochDay(q.endDate);
  if (sampled) {
    const lastDay = toEpochDay(lastCompleted);
    for (let monday = mondayOf(first - 1) + 7; monday <= last; monday += 7) {
      const week = COMPILED_MODELS.map(() => 0n);
      let longTail = 0n;
      for (let day = monday; day <= Math.min(monday + 6, lastDay); day++) {
        const { models, longTail: tail } = dayTokens(day);
        for (let i = 0; i < models.length; i++) week[i]! += models[i]!;
        longTail += tail;
      }
      add(
        bucketOf(monday),
        week.map((tokens, i) => estimate(share(tokens, slicePpm(filters, i, monday)))),
        estimate(share(longTail, tailPpm)),
      );
    }
  } else {
    for (let day = first; day <= last; day++) {
      const { models, longTail } = dayTokens(day);
      add(
        bucketOf(day),
        models.map((tokens, i) => (tokens === 0n ? 0n : share(tokens, slicePpm(filters, i, day)))),
        share(longTail, tailPpm),
      );
    }
  }
  return [...buckets].flatMap(([bucket, sums]) => bucketRows(fromEpochDay(bucket), sums.tokens, sums.longTail));
}
