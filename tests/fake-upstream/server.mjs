// A fake of OpenRouter's Datasets API (app-rankings, rankings-daily with its slices, session-cost) and of
// /classifications/task for integration tests: real HTTP, the documented parameter rules and rate limits,
// deterministic data, and a control API to inject faults and read what arrived. Node builtins only, so it
// runs as a plain process: `node tests/fake-upstream/server.mjs`. It implements the contract on its own
// (never imports lib/), so it stays a check on the project's contract code.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const DAY_MS = 86_400_000;
const FIRST_DAY = parseDay('2025-01-01');
const MAX_WINDOW_DAYS = 366;
const DEFAULT_WINDOW_DAYS = 30;
const API_PREFIX = '/api/v1/';
// A peek mirrors the API path: /__control/peek/datasets/rankings-daily, /__control/peek/classifications/task.
const PEEK_PREFIX = '/__control/peek/';
// Each operation by name: its path under /api/v1, its query parameters, its body and its drifted body.
const OPERATIONS = {
  'app-rankings': {
    path: 'datasets/app-rankings',
    params: ['start_date', 'end_date', 'sort', 'category', 'subcategory', 'limit', 'offset'],
    body: appRankingsBody,
    drift: driftedRows,
  },
  'rankings-daily': {
    path: 'datasets/rankings-daily',
    params: ['start_date', 'end_date', 'period', 'modality', 'context_bucket', 'category', 'language_type'],
    body: rankingsDailyBody,
    drift: driftedRows,
  },
  'session-cost': {
    path: 'datasets/session-cost',
    params: ['app_slug', 'model', 'turn_range', 'limit', 'offset'],
    body: sessionCostBody,
    drift: driftedSessionCost,
  },
  'task-classifications': {
    path: 'classifications/task',
    params: ['window'],
    body: taskClassificationsBody,
    drift: driftedClassifications,
  },
};
const ENDPOINTS = Object.keys(OPERATIONS);
const ENDPOINT_BY_PATH = new Map(Object.entries(OPERATIONS).map(([name, { path }]) => [path, name]));
const FAULT_TYPES = ['500', '503', 'timeout', 'reset', 'malformed', 'drift', '401', '429'];

// Same mapping as lib/datasets/endpoints/app-rankings/values.ts.
const APP_CATEGORIES = {
  coding: ['cli-agent', 'ide-extension', 'cloud-agent', 'programming-app', 'native-app-builder'],
  creative: ['creative-writing', 'video-gen', 'image-gen', 'audio-gen'],
  productivity: ['writing-assistant', 'general-chat', 'personal-agent', 'legal'],
  entertainment: ['roleplay', 'game'],
};
const SUBCATEGORIES = Object.values(APP_CATEGORIES).flat();
const CATEGORY_OF = Object.fromEntries(
  Object.entries(APP_CATEGORIES).flatMap(([category, subs]) => subs.map((sub) => [sub, category])),
);

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---------------------------------------------------------------- days (integers since 1970-01-01)

function parseDay(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.getTime() / DAY_MS;
}

function formatDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- deterministic noise

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(seed, n) {
  let h = Math.imul(seed ^ Math.imul(n, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
// Sunday first; weekends are quieter.
const WEEKLY = [900, 990, 1030, 1040, 1035, 1010, 920];
const weekly = (day) => WEEKLY[(day + 4) % 7];

// All factors stay integers so the data is identical on every machine.
function dailyTokens(unit, weight, factors, denominator, lowDigits) {
  const product = factors.reduce((a, b) => a * b, 1);
  return (BigInt(weight) * unit * BigInt(product)) / denominator + BigInt(lowDigits);
}

// ---------------------------------------------------------------- models (rankings-daily)

// weight: typical daily tokens in units of 1e12; launch/retire bound the days a model has traffic.
const MODEL_TABLE = [
  ['openai/gpt-4o-2024-05-13', { weight: 4200 }],
  ['openai/gpt-4o-mini-2024-07-18', { weight: 24000 }],
  ['openai/gpt-4.1-2025-04-14', { launch: '2025-04-14', weight: 9000 }],
  ['openai/gpt-4.1-mini-2025-04-14', { launch: '2025-04-14', weight: 7000 }],
  ['openai/gpt-4.1-nano-2025-04-14', { launch: '2025-04-14' }],
  ['openai/o3-mini-2025-01-31', { launch: '2025-01-31' }],
  ['openai/o4-mini-2025-04-16', { launch: '2025-04-16' }],
  ['openai/gpt-5-2025-08-07', { launch: '2025-08-07', weight: 16000 }],
  ['openai/gpt-5-mini-2025-08-07', { launch: '2025-08-07', weight: 8000 }],
  ['openai/gpt-5-nano-2025-08-07', { launch: '2025-08-07' }],
  ['openai/gpt-oss-120b', { launch: '2025-08-05', weight: 6000 }],
  ['openai/gpt-oss-20b', { launch: '2025-08-05' }],
  ['openai/gpt-oss-20b:free', { launch: '2025-08-05' }],
  ['anthropic/claude-3.5-sonnet-20241022', { retire: '2025-10-22', weight: 12000 }],
  ['anthropic/claude-3.5-haiku-20241022', {}],
  ['anthropic/claude-3.7-sonnet-20250219', { launch: '2025-02-24', weight: 20000 }],
  ['anthropic/claude-sonnet-4', { launch: '2025-05-22', weight: 30000 }],
  ['anthropic/claude-opus-4', { launch: '2025-05-22', weight: 5000 }],
  ['anthropic/claude-opus-4.1', { launch: '2025-08-05', weight: 5500 }],
  ['anthropic/claude-sonnet-4.5', { launch: '2025-09-29', weight: 26000 }],
  ['anthropic/claude-haiku-4.5', { launch: '2025-10-15', weight: 7000 }],
  ['anthropic/claude-opus-4.5', { launch: '2025-11-24', weight: 9000 }],
  ['google/gemini-flash-1.5', { retire: '2025-09-24' }],
  ['google/gemini-2.0-flash-001', { launch: '2025-02-05', weight: 18000 }],
  ['google/gemini-2.0-flash-exp:free', { retire: '2025-09-01', weight: 9000 }],
  ['google/gemini-2.5-pro', { launch: '2025-06-17', weight: 14000 }],
  ['google/gemini-2.5-flash', { launch: '2025-06-17', weight: 25000 }],
  ['google/gemini-2.5-flash-lite', { launch: '2025-07-22', weight: 6000 }],
  ['google/gemini-2.5-flash-image', { launch: '2025-08-26' }],
  ['google/gemini-3-pro-preview', { launch: '2025-11-18', weight: 11000 }],
  ['google/gemma-3-27b-it', { launch: '2025-03-12' }],
  ['google/gemma-3-27b-it:free', { launch: '2025-03-12' }],
  ['deepseek/deepseek-chat', { weight: 15000 }],
  ['deepseek/deepseek-chat:free', {}],
  ['deepseek/deepseek-r1', { launch: '2025-01-20', weight: 10000 }],
  ['deepseek/deepseek-r1:free', { launch: '2025-01-20', weight: 8000 }],
  ['deepseek/deepseek-chat-v3-0324', { launch: '2025-03-24', weight: 13000 }],
  ['deepseek/deepseek-chat-v3-0324:free', { launch: '2025-03-24', weight: 12000 }],
  ['deepseek/deepseek-r1-0528', { launch: '2025-05-28' }],
  ['deepseek/deepseek-r1-0528:free', { launch: '2025-05-28' }],
  ['deepseek/deepseek-chat-v3.1', { launch: '2025-08-21', weight: 7000 }],
  ['deepseek/deepseek-chat-v3.1:free', { launch: '2025-08-21', weight: 9000 }],
  ['deepseek/deepseek-v3.2-exp', { launch: '2025-09-29' }],
  ['meta-llama/llama-3.1-8b-instruct', {}],
  ['meta-llama/llama-3.3-70b-instruct', { weight: 5000 }],
  ['meta-llama/llama-3.3-70b-instruct:free', {}],
  ['meta-llama/llama-4-maverick', { launch: '2025-04-05' }],
  ['meta-llama/llama-4-maverick:free', { launch: '2025-04-05' }],
  ['meta-llama/llama-4-scout', { launch: '2025-04-05' }],
  ['mistralai/mistral-nemo', {}],
  ['mistralai/mistral-7b-instruct:free', {}],
  ['mistralai/codestral-2501', { launch: '2025-01-14' }],
  ['mistralai/mistral-small-3.1-24b-instruct', { launch: '2025-03-17' }],
  ['mistralai/mistral-medium-3', { launch: '2025-05-07' }],
  ['mistralai/devstral-small', { launch: '2025-05-21' }],
  ['mistralai/mistral-small-3.2-24b-instruct', { launch: '2025-06-20' }],
  ['qwen/qwen-2.5-72b-instruct', {}],
  ['qwen/qwen-2.5-coder-32b-instruct', {}],
  ['qwen/qwq-32b', { launch: '2025-03-05' }],
  ['qwen/qwen3-235b-a22b', { launch: '2025-04-28' }],
  ['qwen/qwen3-235b-a22b:free', { launch: '2025-04-28' }],
  ['qwen/qwen3-30b-a3b', { launch: '2025-04-28' }],
  ['qwen/qwen3-coder', { launch: '2025-07-23', weight: 9000 }],
  ['qwen/qwen3-coder:free', { launch: '2025-07-23' }],
  ['x-ai/grok-2-1212', { retire: '2025-08-01' }],
  ['x-ai/grok-3-beta', { launch: '2025-04-09' }],
  ['x-ai/grok-3-mini-beta', { launch: '2025-04-09' }],
  ['x-ai/grok-4', { launch: '2025-07-09', weight: 6000 }],
  ['x-ai/grok-code-fast-1', { launch: '2025-08-26', weight: 22000 }],
  ['x-ai/grok-4-fast', { launch: '2025-09-19', weight: 12000 }],
  ['moonshotai/kimi-k2', { launch: '2025-07-11', weight: 6000 }],
  ['moonshotai/kimi-k2:free', { launch: '2025-07-11' }],
  ['moonshotai/kimi-k2-0905', { launch: '2025-09-05' }],
  ['z-ai/glm-4.5', { launch: '2025-07-25' }],
  ['z-ai/glm-4.5-air:free', { launch: '2025-07-25' }],
  ['z-ai/glm-4.6', { launch: '2025-09-30', weight: 7000 }],
  ['minimax/minimax-m2', { launch: '2025-10-23', weight: 8000 }],
  ['minimax/minimax-m2:free', { launch: '2025-10-23' }],
  ['nousresearch/hermes-3-llama-3.1-405b', {}],
  ['microsoft/wizardlm-2-8x22b', {}],
  ['microsoft/phi-4', {}],
  ['cohere/command-r-plus-08-2024', {}],
  ['amazon/nova-lite-v1', {}],
  ['amazon/nova-pro-v1', {}],
  ['amazon/nova-micro-v1', {}],
  ['openai/gpt-4-turbo', { retire: '2025-07-01' }],
  ['openai/gpt-3.5-turbo', {}],
  ['openai/o1-2024-12-17', {}],
  ['openai/o1-mini-2024-09-12', { retire: '2025-10-27' }],
  ['anthropic/claude-3-haiku-20240307', {}],
  ['anthropic/claude-3-opus-20240229', { retire: '2026-01-05' }],
  ['google/gemini-pro-1.5', { retire: '2025-09-24' }],
  ['google/gemini-flash-1.5-8b', { retire: '2025-09-24' }],
  ['google/gemma-2-9b-it:free', {}],
  ['mistralai/mixtral-8x7b-instruct', {}],
  ['mistralai/mistral-large-2411', {}],
  ['mistralai/ministral-8b', {}],
  ['meta-llama/llama-3.1-70b-instruct', {}],
  ['meta-llama/llama-3.1-405b-instruct', {}],
  ['meta-llama/llama-3.2-3b-instruct', {}],
  ['meta-llama/llama-3.2-11b-vision-instruct:free', {}],
  ['qwen/qwen-2.5-7b-instruct', {}],
  ['qwen/qwen-2-vl-72b-instruct', { retire: '2025-12-01' }],
  ['nvidia/llama-3.1-nemotron-70b-instruct', {}],
  ['sao10k/l3.1-euryale-70b', {}],
  ['gryphe/mythomax-l2-13b', {}],
  ['neversleep/llama-3.1-lumimaid-8b', {}],
  ['thedrummer/rocinante-12b', {}],
  ['eva-unit-01/eva-qwen-2.5-72b', { retire: '2025-11-15' }],
  ['perplexity/llama-3.1-sonar-large-128k-online', { retire: '2025-02-28' }],
  ['x-ai/grok-beta', { retire: '2025-03-31' }],
  ['cohere/command-r-08-2024', {}],
  ['microsoft/phi-3.5-mini-128k-instruct', {}],
  ['liquid/lfm-40b', { retire: '2025-06-30' }],
  ['inflection/inflection-3-pi', {}],
  ['nousresearch/hermes-3-llama-3.1-70b', {}],
];

const MODELS = MODEL_TABLE.map(([slug, { launch, retire, weight }]) => {
  const seed = fnv1a(slug);
  return {
    slug,
    seed,
    launch: launch ? parseDay(launch) : FIRST_DAY - 365,
    retire: retire ? parseDay(retire) : Infinity,
    weight: weight ?? 300 + (seed % 3500),
    growthPerMonth: (mix(seed, 1) % 161) - 40,
  };
});

function modelTokens(model, day) {
  if (day < model.launch || day >= model.retire) return 0n;
  const ramp = Math.min(day - model.launch + 1, 21);
  const monthsLive = (day - Math.max(model.launch, FIRST_DAY)) / 30;
  const trend = clamp(1000 + Math.trunc(model.growthPerMonth * monthsLive), 150, 4000);
  const noise = 900 + (mix(model.seed, day) % 201);
  const lowDigits = mix(model.seed ^ 0x5bd1e995, day) % 1_000_000;
  return dailyTokens(10n ** 12n, model.weight, [ramp, trend, weekly(day), noise], 21n * 10n ** 9n, lowDigits);
}

const dayTokensCache = new Map();

/** Every model's tokens on one day, in MODELS order. */
function dayModelTokens(day) {
  let tokens = dayTokensCache.get(day);
  if (!tokens) dayTokensCache.set(day, (tokens = MODELS.map((model) => modelTokens(model, day))));
  return tokens;
}

// Models beyond the table: the rest of the catalogue, counted in `other` only.
const longTailTokens = (day) => 150_000_000_000_000n + BigInt(mix(0x7a11, day) % 1_000_000_000);

const dailyRowsCache = new Map();

function dailyRows(day) {
  let rows = dailyRowsCache.get(day);
  if (!rows) dailyRowsCache.set(day, (rows = bucketRows(formatDay(day), dayModelTokens(day), longTailTokens(day))));
  return rows;
}

/** Top 50 by tokens (ties alphabetical), then `other` = the rest plus the long tail, omitted when 0. */
function bucketRows(date, tokens, longTail) {
  const entries = MODELS.map((model, i) => ({ slug: model.slug, tokens: tokens[i] }))
    .filter((entry) => entry.tokens > 0n)
    .sort((a, b) => compareBigDesc(a.tokens, b.tokens) || (a.slug < b.slug ? -1 : 1));
  const other = entries.slice(50).reduce((sum, entry) => sum + entry.tokens, longTail);
  const rows = entries.slice(0, 50).map((entry) => ({ date, model_permaslug: entry.slug, total_tokens: entry.tokens.toString() }));
  if (other > 0n) rows.push({ date, model_permaslug: 'other', total_tokens: other.toString() });
  return rows;
}

function compareBigDesc(a, b) {
  return a === b ? 0 : a > b ? -1 : 1;
}

// ---------------------------------------------------------------- slices and grain (rankings-daily)

const PERIODS = ['day', 'week', 'month'];
const MODALITIES = ['text', 'image', 'image_output', 'audio', 'tool_calling'];
const CONTEXT_BUCKETS = ['1K', '10K', '100K', '1M', '10M'];
const TASK_CATEGORIES = ['programming', 'roleplay', 'marketing', 'marketing/seo', 'technology', 'science', 'translation', 'legal', 'finance', 'health', 'trivia', 'academia'];
const LANGUAGE_TYPES = ['natural', 'programming'];
const PPM = 1_000_000;

const isVision = (slug) => /gpt-4o|gpt-4\.1|gpt-5|o4-mini|o1-2024|claude|gemini|gemma-3|llama-4|vision|-vl-|nova-(lite|pro)|grok-4|mistral-(small-3|medium)/.test(slug);
const isRoleplay = (slug) => /mythomax|euryale|lumimaid|rocinante|eva-|inflection|wizardlm|hermes/.test(slug);
const isCoder = (slug) => /coder|codestral|devstral|grok-code/.test(slug);
const isFrontier = (slug) => /claude|gpt-5|gpt-4\.1|gemini-(2\.5|3)-pro|grok-4|kimi|glm-4|minimax|deepseek-(chat-v3|v3|r1)|qwen3|o3|o4|gpt-oss/.test(slug);

/** A seeded integer in [low, high]. */
const between = (seed, salt, low, high) => low + (mix(seed, salt) % (high - low + 1));

/** Each model's share of each slice in parts per million: 0 where the model has no traffic in it. */
function sliceProfile({ slug, seed }) {
  const roleplay = isRoleplay(slug);
  const coder = isCoder(slug);
  const modality = {
    text: between(seed, 101, 820_000, 940_000),
    image: isVision(slug) ? between(seed, 102, 20_000, 160_000) : 0,
    image_output: /-image$|flash-exp/.test(slug) ? between(seed, 103, 250_000, 600_000) : 0,
    audio: /gpt-4o|gemini/.test(slug) ? between(seed, 104, 4_000, 40_000) : 0,
    tool_calling: roleplay || mix(seed, 105) % 100 < 20 ? 0 : between(seed, 106, coder ? 300_000 : 80_000, 600_000),
  };
  const contextWeights = {
    '1K': between(seed, 111, 100, 300),
    '10K': between(seed, 112, 250, 500),
    '100K': between(seed, 113, 150, 450) * (coder ? 2 : 1),
    '1M': /gpt-4\.1|gemini|llama-4|claude-sonnet-4|grok-4|minimax|qwen3-coder/.test(slug) ? between(seed, 114, 10, 120) : 0,
    '10M': /llama-4-scout|grok-4-fast|gemini-(pro-1\.5|2\.5-pro)/.test(slug) ? between(seed, 115, 1, 15) : 0,
  };

  // Sampled and upsampled: about 80-93 % of a model's traffic gets a category; the rest is unclassified.
  const classified = between(seed, 120, 800_000, 930_000);
  const sometimes = (salt, low, high) => (mix(seed, salt) % 100 < 20 ? 0 : between(seed, salt + 1, low, high));
  const categoryWeights = {
    programming: coder ? between(seed, 121, 650, 850) : isFrontier(slug) ? between(seed, 121, 250, 550) : roleplay ? 0 : between(seed, 121, 40, 250),
    roleplay: roleplay ? between(seed, 122, 550, 800) : coder ? 0 : slug.endsWith(':free') ? between(seed, 122, 80, 250) : between(seed, 122, 5, 60),
    marketing: sometimes(130, 10, 60),
    technology: between(seed, 123, 40, 140),
    science: sometimes(132, 15, 60),
    translation: sometimes(134, 5, 60),
    legal: sometimes(136, 3, 20),
    finance: sometimes(138, 5, 30),
    health: sometimes(140, 3, 30),
    trivia: sometimes(142, 10, 70),
    academia: sometimes(144, 10, 60),
  };
  const categoryTotal = Object.values(categoryWeights).reduce((a, b) => a + b, 0);
  const category = Object.fromEntries(
    Object.entries(categoryWeights).map(([name, weight]) => [name, Math.floor((weight * classified) / categoryTotal)]),
  );
  // marketing/seo is part of marketing.
  category['marketing/seo'] = Math.floor((category.marketing * between(seed, 150, 200, 450)) / 1000);
  const programming = Math.min(classified, Math.floor((category.programming * 11) / 10) + Math.floor(category.technology / 4));
  return {
    modality,
    context_bucket: normalized(contextWeights, 950_000),
    category,
    language_type: { natural: classified - programming, programming },
  };
}

function normalized(weights, total) {
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(weights).map(([name, weight]) => [name, Math.floor((weight * total) / sum)]));
}

const SLICE_PROFILES = MODELS.map(sliceProfile);

// The long tail's share of each slice, in parts per million.
const LONG_TAIL_PPM = {
  modality: { text: 900_000, image: 60_000, image_output: 20_000, audio: 12_000, tool_calling: 220_000 },
  context_bucket: { '1K': 260_000, '10K': 380_000, '100K': 260_000, '1M': 30_000, '10M': 0 },
  category: {
    programming: 280_000, roleplay: 180_000, marketing: 40_000, 'marketing/seo': 12_000, technology: 90_000, science: 35_000,
    translation: 30_000, legal: 10_000, finance: 18_000, health: 14_000, trivia: 40_000, academia: 35_000,
  },
  language_type: { natural: 560_000, programming: 330_000 },
};

/** Validates period and the filters; the sampled filters (category, language_type) default to weekly. */
function sliceParams(query) {
  const filter = (name, values) => {
    const value = query[name];
    if (value !== undefined && !values.includes(value)) throw new HttpError(400, `${name} must be one of: ${values.join(', ')}`);
    return value === undefined ? [] : [[name, value]];
  };
  const exact = [...filter('modality', MODALITIES), ...filter('context_bucket', CONTEXT_BUCKETS)];
  const sampled = [...filter('category', TASK_CATEGORIES), ...filter('language_type', LANGUAGE_TYPES)];
  const period = query.period;
  if (period !== undefined && !PERIODS.includes(period)) throw new HttpError(400, `period must be one of: ${PERIODS.join(', ')}`);
  if (sampled.length > 1) throw new HttpError(400, 'category and language_type exclude each other');
  if (sampled.length === 1) {
    const [name] = sampled[0];
    if (exact.length > 0) {
      throw new HttpError(400, `${name} excludes ${exact[0][0]}: the sampled weekly dataset cannot be combined with the exact one`);
    }
    if (period === 'day') throw new HttpError(400, `period=day is not available with ${name}: its figures are weekly estimates`);
  }
  return { period: period ?? (sampled.length === 1 ? 'week' : 'day'), filters: sampled.length === 1 ? sampled : exact, sampled: sampled.length === 1 };
}

const mondayOf = (day) => day - ((day + 3) % 7);
const monthOf = (day) => {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
};
const bucketOf = { day: (day) => day, week: mondayOf, month: monthOf };

/** A model's share of the slice on one day (exact) or in one week (sampled), in parts per million. */
function slicePpm(filters, modelIndex, day) {
  const model = MODELS[modelIndex];
  return filters.reduce((ppm, [name, value]) => {
    const base = SLICE_PROFILES[modelIndex][name][value];
    if (base === 0 || ppm === 0) return 0;
    const noise = 950 + (mix(model.seed ^ filterSalt(name, value), day) % 101);
    return Math.floor((ppm * Math.min(PPM, Math.floor((base * noise) / 1000))) / PPM);
  }, PPM);
}

const filterSalts = new Map();
function filterSalt(name, value) {
  const key = `${name}=${value}`;
  if (!filterSalts.has(key)) filterSalts.set(key, fnv1a(key));
  return filterSalts.get(key);
}

const longTailPpm = (filters) => filters.reduce((ppm, [name, value]) => Math.floor((ppm * LONG_TAIL_PPM[name][value]) / PPM), PPM);
const share = (tokens, ppm) => (ppm === PPM ? tokens : (tokens * BigInt(ppm)) / BigInt(PPM));

/**
 * Rows of a slice at a grain. Exact data sums its days inside the window into each bucket. Sampled data
 * comes in whole weeks (Monday to Sunday) rounded to millions: the weeks starting inside the window, so
 * the last one may run past end_date; a month holds the weeks that start in it.
 */
function sliceRows({ period, filters, sampled }, { startDay, endDay }, lastDay) {
  const buckets = new Map();
  const add = (bucket, tokens, longTail) => {
    const sums = buckets.get(bucket);
    if (!sums) return void buckets.set(bucket, { tokens, longTail });
    sums.tokens = sums.tokens.map((value, i) => value + tokens[i]);
    sums.longTail += longTail;
  };
  const tailPpm = longTailPpm(filters);
  if (sampled) {
    for (let monday = mondayOf(startDay - 1) + 7; monday <= endDay; monday += 7) {
      const days = rangeOfDays(monday, Math.min(monday + 6, lastDay));
      const estimate = (tokens, ppm) => {
        const value = share(tokens, ppm);
        return value - (value % 1_000_000n);
      };
      const tokens = MODELS.map((_, i) =>
        estimate(days.reduce((sum, day) => sum + dayModelTokens(day)[i], 0n), slicePpm(filters, i, monday)),
      );
      const longTail = estimate(days.reduce((sum, day) => sum + longTailTokens(day), 0n), tailPpm);
      add(bucketOf[period](monday), tokens, longTail);
    }
  } else {
    for (let day = startDay; day <= endDay; day++) {
      const tokens = dayModelTokens(day).map((value, i) => (value === 0n ? 0n : share(value, slicePpm(filters, i, day))));
      add(bucketOf[period](day), tokens, share(longTailTokens(day), tailPpm));
    }
  }
  return [...buckets].flatMap(([bucket, { tokens, longTail }]) => bucketRows(formatDay(bucket), tokens, longTail));
}

// ---------------------------------------------------------------- apps (app-rankings)

const APP_STEMS = {
  'cli-agent': ['Shellwright', 'Termpilot', 'Forge CLI', 'Cask Agent', 'Promptline', 'Bashful', 'Commitment', 'Rootkit Assistant', 'Tilde', 'Pipewrench'],
  'ide-extension': ['CodeLantern', 'Autocomplete+', 'Refactorly', 'Sidecar Dev', 'Lintwise', 'Patchwork IDE', 'Inline Genie', 'Gutter', 'Tabby Tabs', 'Brackets & Braces'],
  'cloud-agent': ['Nimbus Coder', 'PR Butler', 'Backlog Burner', 'Cirrus Agent', 'Mergebot', 'Overnight Dev', 'Ticket Tamer', 'Stratus', 'Deploy Dog', 'Runway CI'],
  'programming-app': ['Snippet Lab', 'Regex Whisperer', 'SQL Sage', 'Notebook Buddy', 'DevDocs Chat', 'Stacktrace', 'Leet Tutor', 'API Sketch', "Ada's Workshop", 'Byte Tutor'],
  'native-app-builder': ['Appsmithy', 'Launchpad Builder', 'No-Code Nest', 'Scaffold', 'Prototype Pal', 'Shipyard', 'BuildBuddy', 'Sprout Apps', 'Mockup Magic', 'Frameworkless'],
  'creative-writing': ['The "Quiet" Novelist', 'Plot Garden', 'Inkwell', 'Verse Engine', 'Chapterhouse', 'Muse Box', 'Storyloom', 'Draft Dragon', 'Sonnet Shop', 'Worldsmith'],
  'video-gen': ['Reelmaker', 'Clipcraft', 'Frame Forge', 'Motion Muse', 'Storyboard AI', 'Cutscene', 'Vidsprout', 'Lumen Video', 'Montage', 'Keyframe'],
  'image-gen': ['Pixel Alchemist', 'Canvas Fox', 'Dreamprint', 'Palette', 'Sketchbook AI', 'Render Room', 'Mosaic', 'Lightbox', 'Inkblot', 'Photon Paint'],
  'audio-gen': ['Podcastify', 'Voicebox', 'Jingle Jam', 'Narrator', 'Soundsmith', 'Echo Studio', 'Audiobook Maker', 'Beatbot', 'Chorus', 'Lullaby Lab'],
  'writing-assistant': ['Café Writer ✍️', 'Grammar Goose', 'Redline', 'Tone Tuner', 'Proofpoint', 'Memo Maker', 'Essay Ease', 'Wordsworth AI', 'Clarity', 'Ghostwriter'],
  'general-chat': ['Chat, Search & Summarize', 'Ask Anything', 'Chatterbox', 'OpenChat Hub', 'Polyglot', 'Daily Chat', 'Model Mixer', 'Brainstorm', 'Q&A Corner', 'Pocket Oracle'],
  'personal-agent': ['Errand Runner', 'Inbox Zero Bot', 'Calendar Concierge', 'Life Admin', 'Butler', 'Taskmaster', 'Second Brain', 'Autopilot', 'Homebase', 'Remindly'],
  legal: ['Clause Checker', 'Contract Cat', 'Brief Builder', 'Docket', 'Counsel Copilot', 'Paralegal Pal', 'Case Notes', 'Redact', 'Lex Assist', 'Terms Reader'],
  roleplay: ['物語メーカー', 'Tavern Tales', 'Persona Parlor', 'Character Forge', 'Moonlit Chat', 'Fable Friends', 'Dungeon Narrator', 'Companion', 'Masquerade', 'Hearthside'],
  game: ['Quest Master', 'NPC Engine', 'Trivia Titan', 'Riddle Run', 'Lore Keeper', 'Pixel Quest', 'Chess Coach', 'Dice & Dragons', 'Word Duel', 'Galaxy Sim'],
};
const VARIANT_SUFFIXES = [' Pro', ' Lite', ' for Teams', ' Studio', ' Go', ' Max', ' Labs'];
const APP_COUNT = 250;

const APPS = buildApps();

function buildApps() {
  const apps = Array.from({ length: APP_COUNT }, (_, i) => {
    const subcategory = SUBCATEGORIES[i % SUBCATEGORIES.length];
    const stems = APP_STEMS[subcategory];
    const k = Math.floor(i / SUBCATEGORIES.length);
    const name = k < stems.length ? stems[k] : stems[k - stems.length] + VARIANT_SUFFIXES[(k - stems.length) % VARIANT_SUFFIXES.length];
    const seed = fnv1a(name);
    const established = mix(seed, 2) % 10 < 6;
    const burst = mix(seed, 5) % 8 === 0;
    const burstStart = FIRST_DAY + (mix(seed, 6) % 480);
    return {
      app_id: 1000 + i * 37 + (mix(seed, 9) % 31),
      app_name: name,
      subcategory,
      category: CATEGORY_OF[subcategory],
      seed,
      launch: established ? FIRST_DAY - 200 : FIRST_DAY + (mix(seed, 3) % 420),
      growthPerMonth: (mix(seed, 4) % 331) - 110,
      burst: burst ? [burstStart, burstStart + 14 + (mix(seed, 7) % 40)] : null,
      tokensPerRequest: 600 + (mix(seed, 8) % 12000),
      weight: 0,
    };
  });
  // Popularity is a power law over a seeded shuffle, so big apps sit in every subcategory.
  [...apps]
    .sort((a, b) => a.seed - b.seed)
    .forEach((app, idx) => {
      app.weight = Math.floor((300_000 * 10_000) / (10_000 + 900 * idx + 6 * idx * idx));
    });
  return apps;
}

function appTokens(app, day) {
  if (day < app.launch) return 0n;
  const ramp = Math.min(day - app.launch + 1, 14);
  const monthsLive = (day - Math.max(app.launch, FIRST_DAY)) / 30;
  const trend = clamp(1000 + Math.trunc(app.growthPerMonth * monthsLive), 100, 6000);
  const noise = 850 + (mix(app.seed, day) % 301);
  const burst = app.burst && day >= app.burst[0] && day < app.burst[1] ? 3 : 1;
  const lowDigits = mix(app.seed ^ 0x27d4eb2d, day) % 100_000;
  return dailyTokens(10n ** 9n, app.weight, [ramp, trend, weekly(day), noise, burst], 14n * 10n ** 9n, lowDigits);
}

// prefix[i][k] = tokens of app i over FIRST_DAY .. FIRST_DAY + k - 1, so any window sum is one subtraction.
const prefix = APPS.map(() => [0n]);

function ensurePrefix(lastDay) {
  const needed = lastDay - FIRST_DAY + 2;
  APPS.forEach((app, i) => {
    const sums = prefix[i];
    while (sums.length < needed) sums.push(sums[sums.length - 1] + appTokens(app, FIRST_DAY + sums.length - 1));
  });
}

function windowSum(appIndex, startDay, endDay) {
  const from = Math.max(startDay, FIRST_DAY);
  if (endDay < from) return 0n;
  ensurePrefix(endDay);
  const sums = prefix[appIndex];
  return sums[endDay - FIRST_DAY + 1] - sums[from - FIRST_DAY];
}

function appRankingRows({ startDay, endDay, sort, category, subcategory, limit, offset }) {
  const length = endDay - startDay + 1;
  const scored = APPS.map((app, i) => {
    const total = windowSum(i, startDay, endDay);
    if (sort === 'popular') return { app, total, score: total };
    const previous = [1, 2, 3].reduce(
      (sum, k) => sum + windowSum(i, startDay - k * length, startDay - (k - 1) * length - 1),
      0n,
    );
    // 3 × (window − mean of the previous three): same order and sign, no rounding.
    return { app, total, score: 3n * total - previous };
  });
  return scored
    .filter(({ score }) => score > 0n)
    .filter(({ app }) => (subcategory ? app.subcategory === subcategory : !category || app.category === category))
    .sort((a, b) => compareBigDesc(a.score, b.score) || a.app.app_id - b.app.app_id)
    .map(({ app, total }, index) => ({
      app_id: app.app_id,
      app_name: app.app_name,
      rank: index + 1,
      total_requests: Math.max(1, Number(total / BigInt(app.tokensPerRequest))),
      total_tokens: total.toString(),
    }))
    .slice(offset, offset + limit);
}

// ---------------------------------------------------------------- session cost (session-cost)

const TURN_RANGES = ['1-turn', '2-9-turns', '10-49-turns', '50-plus-turns'];
// A session's cost in hundredths of one turn's cost: later turns carry a longer context.
const TURN_MULTIPLIER = { '1-turn': 100, '2-9-turns': 550, '10-49-turns': 2_600, '50-plus-turns': 11_000 };
const SESSION_COST_WINDOW_DAYS = 28;
const HARNESSES = [
  ['hermes-agent', 'Hermes Agent'],
  ['shellwright', 'Shellwright'],
  ['termpilot', 'Termpilot'],
  ['forge-cli', 'Forge CLI'],
  ['nimbus-coder', 'Nimbus Coder'],
  ['pr-butler', 'PR Butler'],
];
// The median cost of one agent turn in micro-USD; free variants cost nothing. All are models that reach the
// daily top 50 of rankings-daily, so a board can join the two.
const TURN_COST_MICROS = {
  'anthropic/claude-sonnet-4.5': 60_000,
  'anthropic/claude-sonnet-4': 55_000,
  'anthropic/claude-opus-4.1': 250_000,
  'anthropic/claude-opus-4.5': 120_000,
  'anthropic/claude-haiku-4.5': 18_000,
  'anthropic/claude-3.7-sonnet-20250219': 50_000,
  'openai/gpt-5-2025-08-07': 35_000,
  'openai/gpt-5-mini-2025-08-07': 7_000,
  'openai/gpt-4o-mini-2024-07-18': 1_500,
  'openai/gpt-4.1-2025-04-14': 30_000,
  'openai/gpt-4.1-mini-2025-04-14': 6_000,
  'openai/o4-mini-2025-04-16': 12_000,
  'openai/gpt-oss-120b': 2_000,
  'google/gemini-2.5-pro': 30_000,
  'google/gemini-2.5-flash': 5_000,
  'google/gemini-2.5-flash-lite': 1_200,
  'google/gemini-3-pro-preview': 40_000,
  'deepseek/deepseek-chat-v3.1': 3_000,
  'deepseek/deepseek-chat-v3-0324:free': 0,
  'deepseek/deepseek-r1-0528': 6_000,
  'deepseek/deepseek-v3.2-exp': 1_500,
  'x-ai/grok-code-fast-1': 4_000,
  'x-ai/grok-4': 45_000,
  'x-ai/grok-4-fast': 2_500,
  'qwen/qwen3-coder': 5_000,
  'qwen/qwen3-coder:free': 0,
  'moonshotai/kimi-k2': 8_000,
  'z-ai/glm-4.6': 6_000,
  'minimax/minimax-m2': 4_000,
  'google/gemini-2.0-flash-001': 1_500,
  'meta-llama/llama-3.3-70b-instruct': 1_200,
};
const SESSION_MODELS = Object.entries(TURN_COST_MICROS).map(([slug, micros]) => {
  const model = MODELS.find((m) => m.slug === slug);
  if (!model) throw new Error(`session-cost model ${slug} is not in the model table`);
  return { model, micros };
});

const sessionCostCache = new Map();

/** The snapshot published for the 28 days ending on windowEnd (a Sunday), sorted by harness, model, turn range. */
function sessionCostSnapshot(windowEnd) {
  const cached = sessionCostCache.get(windowEnd);
  if (cached) return cached;
  const rows = [];
  for (const [slug, name] of [...HARNESSES].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const seed = fnv1a(slug);
    const overhead = between(seed, 1, 70, 160);
    const models = SESSION_MODELS.filter(
      ({ model }) => model.launch <= windowEnd && model.retire > windowEnd - SESSION_COST_WINDOW_DAYS + 1,
    ).filter(({ model }) => mix(seed ^ model.seed, 2) % 100 < (slug === 'hermes-agent' ? 85 : 60));
    for (const { model, micros } of models.sort((a, b) => (a.model.slug < b.model.slug ? -1 : 1))) {
      TURN_RANGES.forEach((turnRange, t) => {
        if (mix(seed ^ model.seed, 10 + t) % 100 >= (turnRange === '50-plus-turns' ? 65 : 90)) return;
        const noise = between(seed ^ model.seed, windowEnd * 4 + t, 850, 1150);
        const cost = Math.floor((Math.floor((Math.floor((micros * TURN_MULTIPLIER[turnRange]) / 100) * overhead) / 100) * noise) / 1000);
        rows.push({
          app_name: name,
          app_slug: slug,
          median_session_cost_usd: cost / 1_000_000,
          model_permaslug: model.slug,
          turn_range: turnRange,
        });
      });
    }
  }
  sessionCostCache.set(windowEnd, rows);
  return rows;
}

function sessionCostBody(query, lastDay) {
  const nonEmpty = (name) => {
    if (query[name] === '') throw new HttpError(400, `${name} must not be empty`);
    return query[name];
  };
  const appSlug = nonEmpty('app_slug');
  const model = nonEmpty('model');
  const turnRange = query.turn_range;
  if (turnRange !== undefined && !TURN_RANGES.includes(turnRange)) {
    throw new HttpError(400, `turn_range must be one of: ${TURN_RANGES.join(', ')}`);
  }
  const limit = integerParam('limit', query.limit, 100, 1, 500);
  const offset = integerParam('offset', query.offset, 0, 0, 5000);
  if (!config.sessionCostPublished) {
    return { data: [], meta: { as_of: asOfAfter(lastDay), version: 'v1', window_days: null, window_end_date: null } };
  }
  // Refreshed weekly: the snapshot covers the four weeks up to the last Sunday that has ended.
  const windowEnd = lastDay - ((lastDay + 4) % 7);
  const data = sessionCostSnapshot(windowEnd)
    .filter((row) => (appSlug === undefined || row.app_slug === appSlug) && (model === undefined || row.model_permaslug === model))
    .filter((row) => turnRange === undefined || row.turn_range === turnRange)
    .slice(offset, offset + limit);
  return {
    data,
    meta: { as_of: asOfAfter(windowEnd), version: 'v1', window_days: SESSION_COST_WINDOW_DAYS, window_end_date: formatDay(windowEnd) },
  };
}

function driftedSessionCost(body) {
  const { data, meta } = body ?? { data: [], meta: { version: 'v1' } };
  const drifted = { ...meta };
  delete drifted.as_of;
  return { data: data.map((row) => ({ ...row, median_session_cost_usd: row.median_session_cost_usd.toFixed(2) })), meta: drifted };
}

// ---------------------------------------------------------------- task classifications (task-classifications)

const CLASSIFICATION_WINDOW_DAYS = 7;
const MACRO_CATEGORIES = [
  ['code', 'Code'],
  ['data', 'Data'],
  ['agent', 'Agent'],
  ['general', 'General'],
];
// tag, display name, relative requests, relative tokens per request
const TASK_TAGS = [
  ['code:general_impl', 'General implementation', 180, 9],
  ['code:debugging', 'Debugging', 90, 11],
  ['code:refactoring', 'Refactoring', 45, 12],
  ['code:code_review', 'Code review', 30, 10],
  ['code:testing', 'Writing tests', 25, 8],
  ['data:analysis', 'Data analysis', 40, 6],
  ['data:extraction', 'Extraction', 55, 4],
  ['data:transformation', 'Transformation', 25, 5],
  ['agent:tool_use', 'Tool use', 70, 10],
  ['agent:planning', 'Planning', 30, 7],
  ['agent:web_research', 'Web research', 25, 8],
  ['general:chat', 'Chat', 160, 2],
  ['general:writing', 'Writing', 60, 3],
  ['general:roleplay', 'Roleplay', 110, 4],
  ['general:translation', 'Translation', 35, 2],
  ['general:question_answering', 'Question answering', 70, 2],
];
const TOP_MODELS_PER_TAG = 8;

/** floor(part / whole) as a fraction with six decimals, exact for big integers. */
const fraction = (part, whole) => (whole === 0n ? 0 : Number((part * BigInt(PPM)) / whole) / PPM);
const sumBig = (values) => values.reduce((a, b) => a + b, 0n);

const classificationsCache = new Map();

function classificationsData(lastDay) {
  const cached = classificationsCache.get(lastDay);
  if (cached) return cached;
  const days = rangeOfDays(lastDay - CLASSIFICATION_WINDOW_DAYS + 1, lastDay);
  const windowTokens = MODELS.map((_, i) => days.reduce((sum, day) => sum + dayModelTokens(day)[i], 0n));
  const tags = TASK_TAGS.map(([tag, displayName, requests, tokensPerRequest]) => {
    const seed = fnv1a(tag);
    const macro = tag.slice(0, tag.indexOf(':'));
    const usage = BigInt(requests * between(seed, lastDay, 900, 1100));
    const tokens = usage * BigInt(tokensPerRequest * between(seed, lastDay + 1, 900, 1100));
    const affinity = (slug) =>
      tag === 'general:roleplay'
        ? isRoleplay(slug) ? 12 : 1
        : isCoder(slug) ? { code: 8, general: 1 }[macro] ?? 2
        : macro === 'general' ? 3 : isFrontier(slug) ? 4 : 1;
    const models = MODELS.flatMap((model, i) => {
      if (windowTokens[i] === 0n || mix(seed ^ model.seed, 1) % 100 < 30) return [];
      const modelUsage = (windowTokens[i] / 10n ** 9n) * BigInt(affinity(model.slug) * between(seed ^ model.seed, 2, 300, 1700));
      return [{ id: model.slug, usage: modelUsage, tokens: modelUsage * BigInt(between(seed ^ model.seed, 3, 500, 2000)) }];
    });
    return { tag, displayName, macro, usage, tokens, models };
  });
  const usageTotal = sumBig(tags.map((t) => t.usage));
  const tokenTotal = sumBig(tags.map((t) => t.tokens));
  const inMacro = (key) => tags.filter((t) => t.macro === key);
  const byShareDesc = (a, b) => b.usage_share - a.usage_share || (a.key ?? a.tag).localeCompare(b.key ?? b.tag);

  const classifications = tags
    .map(({ tag, displayName, macro, usage, tokens, models }) => {
      const macroUsage = sumBig(inMacro(macro).map((t) => t.usage));
      const macroTokens = sumBig(inMacro(macro).map((t) => t.tokens));
      const modelUsage = sumBig(models.map((m) => m.usage));
      const modelTokens = sumBig(models.map((m) => m.tokens));
      return {
        tag,
        display_name: displayName,
        macro_category: macro,
        usage_share: fraction(usage, usageTotal),
        token_share: fraction(tokens, tokenTotal),
        category_usage_share: fraction(usage, macroUsage),
        category_token_share: fraction(tokens, macroTokens),
        models: [...models]
          .sort((a, b) => compareBigDesc(a.usage, b.usage) || (a.id < b.id ? -1 : 1))
          .slice(0, TOP_MODELS_PER_TAG)
          .map((m) => ({ id: m.id, tag_usage_share: fraction(m.usage, modelUsage), tag_token_share: fraction(m.tokens, modelTokens) })),
      };
    })
    .sort(byShareDesc);
  const macroCategories = MACRO_CATEGORIES.map(([key, label]) => ({
    key,
    label,
    usage_share: fraction(sumBig(inMacro(key).map((t) => t.usage)), usageTotal),
    token_share: fraction(sumBig(inMacro(key).map((t) => t.tokens)), tokenTotal),
  })).sort(byShareDesc);
  const data = {
    as_of: formatDay(lastDay),
    window_days: CLASSIFICATION_WINDOW_DAYS,
    classifications,
    macro_categories: macroCategories,
  };
  classificationsCache.set(lastDay, data);
  return data;
}

function taskClassificationsBody(query, lastDay) {
  if (query.window !== undefined && query.window !== '7d') throw new HttpError(400, 'window must be one of: 7d');
  return { data: classificationsData(lastDay) };
}

function driftedClassifications(body) {
  const data = { ...(body?.data ?? { classifications: [], macro_categories: [] }) };
  delete data.as_of;
  const percent = (value) => `${(value * 100).toFixed(1)}%`;
  data.classifications = data.classifications.map((c) => ({ ...c, usage_share: percent(c.usage_share), token_share: percent(c.token_share) }));
  return { data };
}

// ---------------------------------------------------------------- parameters

/** The query as an object, after refusing unknown and repeated parameters. */
function queryOf(endpoint, searchParams) {
  const allowed = OPERATIONS[endpoint].params;
  const seen = new Set();
  for (const name of searchParams.keys()) {
    if (!allowed.includes(name)) throw new HttpError(400, `Unknown query parameter: ${name}`);
    if (seen.has(name)) throw new HttpError(400, `Query parameter ${name} must not be repeated`);
    seen.add(name);
  }
  return Object.fromEntries(searchParams);
}

function dateWindow(query, lastDay) {
  const endDay = query.end_date === undefined ? lastDay : dayParam('end_date', query.end_date);
  const requestedStart = query.start_date === undefined ? endDay - DEFAULT_WINDOW_DAYS : dayParam('start_date', query.start_date);
  if (endDay < FIRST_DAY) throw new HttpError(400, `end_date must not be before ${formatDay(FIRST_DAY)}`);
  if (endDay > lastDay) {
    throw new HttpError(400, `end_date must not be after the most recent completed UTC day (${formatDay(lastDay)})`);
  }
  const startDay = Math.max(requestedStart, FIRST_DAY);
  if (startDay > endDay) throw new HttpError(400, 'start_date must not be after end_date');
  if (endDay - startDay + 1 > MAX_WINDOW_DAYS) {
    throw new HttpError(400, `start_date to end_date must span at most ${MAX_WINDOW_DAYS} days`);
  }
  return { startDay, endDay };
}

function appRankingParams(query, lastDay) {
  const window = dateWindow(query, lastDay);
  const sort = query.sort ?? 'popular';
  if (sort !== 'popular' && sort !== 'trending') throw new HttpError(400, 'sort must be one of: popular, trending');
  const { category, subcategory } = query;
  if (category !== undefined && !Object.hasOwn(APP_CATEGORIES, category)) {
    throw new HttpError(400, `category must be one of: ${Object.keys(APP_CATEGORIES).join(', ')}`);
  }
  if (subcategory !== undefined && !SUBCATEGORIES.includes(subcategory)) {
    throw new HttpError(400, `subcategory must be one of: ${SUBCATEGORIES.join(', ')}`);
  }
  if (category !== undefined && subcategory !== undefined && CATEGORY_OF[subcategory] !== category) {
    throw new HttpError(400, `subcategory ${subcategory} does not belong to category ${category}`);
  }
  return {
    ...window,
    sort,
    category,
    subcategory,
    limit: integerParam('limit', query.limit, 50, 1, 100),
    offset: integerParam('offset', query.offset, 0, 0, 100),
  };
}

function dayParam(name, value) {
  const day = parseDay(value);
  if (day === null) throw new HttpError(400, `${name} must be a valid calendar date in YYYY-MM-DD format`);
  return day;
}

function integerParam(name, value, fallback, min, max) {
  if (value === undefined) return fallback;
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HttpError(400, `${name} must be an integer between ${min} and ${max}`);
  }
  return n;
}

// ---------------------------------------------------------------- responses

function currentLastDay() {
  const today = config.today ?? Math.floor(Date.now() / DAY_MS);
  return today - 1;
}

/** The body a valid request gets; throws HttpError(400) for invalid parameters. */
function buildBody(endpoint, searchParams) {
  return OPERATIONS[endpoint].body(queryOf(endpoint, searchParams), currentLastDay());
}

function appRankingsBody(query, lastDay) {
  const params = appRankingParams(query, lastDay);
  return { data: appRankingRows(params), meta: windowMeta(params, lastDay) };
}

function rankingsDailyBody(query, lastDay) {
  const window = dateWindow(query, lastDay);
  const slice = sliceParams(query);
  const data =
    slice.period === 'day' && slice.filters.length === 0
      ? rangeOfDays(window.startDay, window.endDay).flatMap(dailyRows)
      : sliceRows(slice, window, lastDay);
  return { data, meta: windowMeta(window, lastDay) };
}

// asOfOffsetSeconds stands for a restatement: the same window, published again later.
const asOfAfter = (day) => new Date((day + 1) * DAY_MS + (config.asOfOffsetSeconds ?? 0) * 1000).toISOString();

function windowMeta({ startDay, endDay }, lastDay) {
  return { as_of: asOfAfter(lastDay), start_date: formatDay(startDay), end_date: formatDay(endDay), version: 'v1' };
}

function rangeOfDays(startDay, endDay) {
  return Array.from({ length: endDay - startDay + 1 }, (_, i) => startDay + i);
}

/** A valid JSON body in a changed schema; built from the real body when the request is valid. */
function driftedBody(endpoint, searchParams) {
  let body = null;
  try {
    body = buildBody(endpoint, searchParams);
  } catch {
    // the drift of an invalid request is the operation's empty body
  }
  return OPERATIONS[endpoint].drift(body);
}

function driftedRows(body) {
  const { data, meta } = body ?? { data: [], meta: { version: 'v1' } };
  const drifted = { ...meta };
  delete drifted.as_of;
  return { data: data.map((row) => ({ ...row, total_tokens: Number(row.total_tokens) })), meta: drifted };
}

const errorBody = (status, message) => ({ error: { code: status, message } });

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

// ---------------------------------------------------------------- state

function configFromEnv() {
  const keys = (process.env.FAKE_UPSTREAM_KEYS ?? 'sk-or-test-key').split(',').map((k) => k.trim()).filter(Boolean);
  const today = process.env.FAKE_TODAY ? parseDay(process.env.FAKE_TODAY) : null;
  if (process.env.FAKE_TODAY && today === null) throw new Error(`FAKE_TODAY must be YYYY-MM-DD, got ${process.env.FAKE_TODAY}`);
  return {
    keys: new Set(keys),
    today,
    perMinute: envInteger('FAKE_PER_MINUTE', 30),
    perDay: envInteger('FAKE_PER_DAY', 500),
    latencyMs: 0,
    sessionCostPublished: true,
  };
}

function envInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return Number(raw);
}

const freshStats = () => ({ requests: [], maxConcurrent: inFlight });
const freshLimits = () => ({ minuteByKey: new Map(), day: -1, dayCount: 0 });

let inFlight = 0;
let config = configFromEnv();
let stats = freshStats();
let limits = freshLimits();
let fault = null;

function resetAll() {
  config = configFromEnv();
  stats = freshStats();
  limits = freshLimits();
  fault = null;
}

/** The key's attempts in the last 60 s, with the account's day counter rolled over at UTC midnight. */
function currentWindow(key, now) {
  const recent = (limits.minuteByKey.get(key) ?? []).filter((t) => t > now - 60_000);
  limits.minuteByKey.set(key, recent);
  const today = Math.floor(now / DAY_MS);
  if (limits.day !== today) Object.assign(limits, { day: today, dayCount: 0 });
  return recent;
}

/** Seconds until a slot frees for this key, or 0 when the request may proceed. */
function retryAfterSeconds(key, now) {
  const recent = currentWindow(key, now);
  let waitMs = 0;
  if (recent.length >= config.perMinute) waitMs = (recent[recent.length - config.perMinute] ?? now) + 60_000 - now;
  if (limits.dayCount >= config.perDay) waitMs = Math.max(waitMs, (limits.day + 1) * DAY_MS - now);
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

function countAttempt(key, now) {
  currentWindow(key, now).push(now);
  limits.dayCount += 1;
}

function takeFault(endpoint) {
  if (!fault || (fault.endpoint && fault.endpoint !== endpoint)) return null;
  const taken = fault;
  taken.remaining -= 1;
  if (taken.remaining <= 0) fault = null;
  return taken;
}

// ---------------------------------------------------------------- data requests

/** Decides the answer synchronously, so counting happens on arrival even when latency is configured. */
function decide(req, endpoint, url) {
  const json = (status, body, headers) => ({ status, send: (res) => sendJson(res, status, body, headers) });
  const error = (status, message, headers) => json(status, errorBody(status, message), headers);

  if (!endpoint) return error(404, `Not found: ${url.pathname}`);
  if (req.method !== 'GET') return error(405, `Method ${req.method} not allowed`, { allow: 'GET' });

  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match) return error(401, 'Missing Authorization header: expected "Bearer <key>"');
  const key = match[1];
  if (!config.keys.has(key)) return error(401, 'Invalid API key');

  const now = Date.now();
  const injected = takeFault(endpoint);
  if (injected) {
    countAttempt(key, now);
    return faultResponse(injected, endpoint, url, error, json);
  }
  // A request refused here takes no slot, so Retry-After is when a retry really succeeds.
  const wait = retryAfterSeconds(key, now);
  if (wait > 0) return error(429, `Rate limit exceeded; retry after ${wait} s`, { 'retry-after': String(wait) });
  countAttempt(key, now);

  try {
    return json(200, buildBody(endpoint, url.searchParams));
  } catch (err) {
    if (err instanceof HttpError) return error(err.status, err.message);
    throw err;
  }
}

function faultResponse(injected, endpoint, url, error, json) {
  switch (injected.type) {
    case '500':
      return error(500, 'Internal server error (injected)');
    case '503':
      return error(503, 'Service unavailable (injected)');
    case '401':
      return error(401, 'Invalid API key (injected)');
    case '429':
      return error(429, 'Rate limit exceeded (injected)', { 'retry-after': String(injected.retryAfter) });
    case 'drift':
      return json(200, driftedBody(endpoint, url.searchParams));
    case 'malformed':
      return {
        status: 200,
        send: (res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"data":[{"date":');
        },
      };
    case 'timeout':
      return { status: 0, send: () => {} };
    case 'reset':
      return { status: 0, send: (res) => res.socket?.destroy() };
  }
  throw new Error(`unhandled fault ${injected.type}`);
}

async function handleData(req, res, url) {
  const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : '';
  const endpoint = ENDPOINT_BY_PATH.get(path) ?? null;
  const record = { at: new Date().toISOString(), endpoint: endpoint ?? url.pathname, query: queryRecord(url), status: 0, ms: 0 };
  stats.requests.push(record);
  inFlight += 1;
  stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
  const started = performance.now();
  res.on('close', () => {
    inFlight -= 1;
    record.ms = Math.round(performance.now() - started);
  });

  const answer = decide(req, endpoint, url);
  record.status = answer.status;
  if (config.latencyMs > 0) await sleep(config.latencyMs);
  if (!res.destroyed) answer.send(res);
}

function queryRecord(url) {
  const query = {};
  for (const [name, value] of url.searchParams) {
    query[name] = name in query ? [query[name], value].flat() : value;
  }
  return query;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- control API

async function handleControl(req, res, url) {
  const route = `${req.method} ${url.pathname}`;
  if (req.method === 'GET' && url.pathname.startsWith(PEEK_PREFIX)) {
    const endpoint = ENDPOINT_BY_PATH.get(url.pathname.slice(PEEK_PREFIX.length));
    if (!endpoint) return sendJson(res, 404, errorBody(404, `Not found: ${url.pathname}`));
    try {
      return sendJson(res, 200, buildBody(endpoint, url.searchParams));
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, errorBody(err.status, err.message));
      throw err;
    }
  }
  switch (route) {
    case 'GET /__control/stats':
      return sendJson(res, 200, statsBody());
    case 'POST /__control/reset':
      resetAll();
      return sendJson(res, 200, { ok: true });
    case 'POST /__control/fault':
      fault = parseFault(await readJson(req));
      return sendJson(res, 200, { ok: true });
    case 'DELETE /__control/fault':
      fault = null;
      return sendJson(res, 200, { ok: true });
    case 'POST /__control/config':
      Object.assign(config, parseConfig(await readJson(req)));
      return sendJson(res, 200, { ok: true, perMinute: config.perMinute, perDay: config.perDay, latencyMs: config.latencyMs });
  }
  return sendJson(res, 404, errorBody(404, `Not found: ${route}`));
}

function statsBody() {
  const byEndpoint = { 'app-rankings': 0, 'rankings-daily': 0 };
  const byStatus = {};
  for (const { endpoint, status } of stats.requests) {
    byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  return { total: stats.requests.length, byEndpoint, byStatus, maxConcurrent: stats.maxConcurrent, requests: stats.requests };
}

function parseFault(body) {
  const { type, times, retryAfter = 30, endpoint } = body;
  if (!FAULT_TYPES.includes(type)) throw new HttpError(400, `type must be one of: ${FAULT_TYPES.join(', ')}`);
  if (times !== undefined && !(Number.isInteger(times) && times >= 1)) throw new HttpError(400, 'times must be an integer >= 1');
  if (!(Number.isInteger(retryAfter) && retryAfter >= 0)) throw new HttpError(400, 'retryAfter must be an integer >= 0');
  if (endpoint !== undefined && !ENDPOINTS.includes(endpoint)) {
    throw new HttpError(400, `endpoint must be one of: ${ENDPOINTS.join(', ')}`);
  }
  return { type, remaining: times ?? Infinity, retryAfter, endpoint: endpoint ?? null };
}

function parseConfig(body) {
  const next = {};
  for (const name of ['perMinute', 'perDay', 'latencyMs', 'asOfOffsetSeconds']) {
    if (body[name] === undefined) continue;
    if (!(Number.isInteger(body[name]) && body[name] >= 0)) throw new HttpError(400, `${name} must be an integer >= 0`);
    next[name] = body[name];
  }
  if (body.sessionCostPublished !== undefined) {
    if (typeof body.sessionCostPublished !== 'boolean') throw new HttpError(400, 'sessionCostPublished must be a boolean');
    next.sessionCostPublished = body.sessionCostPublished;
  }
  return next;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through to the 400 below
  }
  throw new HttpError(400, 'Request body must be a JSON object');
}

// ---------------------------------------------------------------- server

function parsePort(argv) {
  const index = argv.indexOf('--port');
  if (index === -1) return 0;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${argv[index + 1]}`);
  return port;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const handler = url.pathname.startsWith('/__control/') ? handleControl : handleData;
  handler(req, res, url).catch((err) => {
    if (res.headersSent || res.destroyed) return res.destroy();
    const status = err instanceof HttpError ? err.status : 500;
    if (status === 500) console.error(err);
    sendJson(res, status, errorBody(status, err.message));
  });
});

const sockets = new Set();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

function shutdown() {
  server.close(() => process.exit(0));
  for (const socket of sockets) socket.destroy();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Warm the caches so the first request over a long window is as fast as the rest.
const warmUntil = Math.max(currentLastDay(), FIRST_DAY);
ensurePrefix(warmUntil);
for (let day = Math.max(FIRST_DAY, warmUntil - MAX_WINDOW_DAYS); day <= warmUntil; day++) dailyRows(day);

server.listen(parsePort(process.argv.slice(2)), '127.0.0.1', () => {
  console.log(`fake-upstream listening on http://127.0.0.1:${server.address().port}`);
});
