import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/staff/sign-out-button';
import { requireStaff } from '@/lib/auth/staff';
import '@/components/staff/staff.css';

export const metadata: Metadata = { title: { default: 'Staff console', template: '%s — Staff — Tokenboard' }, robots: { index: false, follow: false } };

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="staff">
      <div className="staff-bar">
        <nav aria-label="Staff">
          <ul>
            <li>
              <Link href="/staff">Console</Link>
            </li>
            <li>
              <Link href="/staff/explorer">Explorer</Link>
            </li>
          </ul>
        </nav>
        <p className="staff-bar__who muted">
          Signed in as <strong>{staff.email}</strong>
        </p>
        <SignOutButton />
      </div>
      {children}
    </div>
  );
}
