import { fromEpochDay, toEpochDay } from '../../../utc-day';
import { compareBigIntDesc, DATA_START_DAY, dayNoise, dayOfWeek, fnv1a, mulberry32, TWO_PI, yearsSinceStart } from '../demo-random';
import type { RawAppRow, ResolvedAppRankingsQuery } from '.';
import { APP_CATEGORIES, type AppCategory, type AppSubcategory } from './values';

/** The synthetic marketplace: the demo source's answer to `app-rankings`. */

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

function matchesFilter(app: CompiledApp, q: ResolvedAppRankingsQuery): boolean {
  if (q.subcategory !== undefined) return app.subcategory === q.subcategory;
  if (q.category !== undefined) return app.category === q.category;
  return true;
}

/** Apps for the window, filtered, ranked, renumbered 1..N after filtering, then sliced by offset/limit (rank stays absolute). */
export function demoAppRankings(q: ResolvedAppRankingsQuery): RawAppRow[] {
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
