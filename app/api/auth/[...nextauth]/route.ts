import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { getConfig } from '@/lib/env';

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; the site has one canonical origin.
process.env.NEXTAUTH_URL ??= getConfig().siteUrl;

export const dynamic = 'force-dynamic';

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

const handler: Handler = (request, context) => (NextAuth(authOptions()) as Handler)(request, context);

export { handler as GET, handler as POST };
