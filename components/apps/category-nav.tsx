import Link from 'next/link';
import type { ReactNode } from 'react';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from '@/lib/boards/apps/labels';
import { APP_CATEGORIES, CATEGORY_NAMES, type AppCategory, type AppSubcategory } from '@/lib/datasets/endpoints/app-rankings/values';

export interface CategoryNavProps {
  category: AppCategory | null;
  subcategory: AppSubcategory | null;
}

function NavLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <li>
      <Link href={href} prefetch={false} aria-current={active ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

/** Every marketplace group and subcategory as a crawlable link; the current one is marked. */
export function CategoryNav({ category, subcategory }: CategoryNavProps) {
  return (
    <nav aria-label="Categories" className="category-nav">
      <ul>
        <NavLink href="/apps" active={category === null}>
          All apps
        </NavLink>
        {CATEGORY_NAMES.map((c) => (
          <NavLink key={c} href={`/apps/${c}`} active={category === c && subcategory === null}>
            {CATEGORY_INFO[c].name}
          </NavLink>
        ))}
      </ul>
      {category ? (
        <ul aria-label={`${CATEGORY_INFO[category].name} subcategories`}>
          {APP_CATEGORIES[category].map((s) => (
            <NavLink key={s} href={`/apps/${category}/${s}`} active={subcategory === s}>
              {SUBCATEGORY_NAMES[s]}
            </NavLink>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}
