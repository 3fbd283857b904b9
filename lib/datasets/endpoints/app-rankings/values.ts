/**
 * The values `app-rankings` accepts, without zod, so browser code can import them: sorts, and the
 * marketplace category groups with their subcategories, as documented.
 */
export const APP_SORTS = ['popular', 'trending'] as const;
export type AppSort = (typeof APP_SORTS)[number];

export const APP_CATEGORIES = {
  coding: ['cli-agent', 'ide-extension', 'cloud-agent', 'programming-app', 'native-app-builder'],
  creative: ['creative-writing', 'video-gen', 'image-gen', 'audio-gen'],
  productivity: ['writing-assistant', 'general-chat', 'personal-agent', 'legal'],
  entertainment: ['roleplay', 'game'],
} as const;

export type AppCategory = keyof typeof APP_CATEGORIES;
export type AppSubcategory = (typeof APP_CATEGORIES)[AppCategory][number];

export const CATEGORY_NAMES = Object.keys(APP_CATEGORIES) as AppCategory[];
export const SUBCATEGORY_NAMES = CATEGORY_NAMES.flatMap((c) => [...APP_CATEGORIES[c]]) as AppSubcategory[];

export function isAppCategory(value: string): value is AppCategory {
  return Object.hasOwn(APP_CATEGORIES, value);
}

export function isAppSubcategory(value: string): value is AppSubcategory {
  return (SUBCATEGORY_NAMES as string[]).includes(value);
}

export function categoryOf(subcategory: AppSubcategory): AppCategory {
  const found = CATEGORY_NAMES.find((c) => (APP_CATEGORIES[c] as readonly string[]).includes(subcategory));
  if (!found) throw new Error(`unknown subcategory ${subcategory}`);
  return found;
}
