import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WebAssembly parts are loaded by Node, not bundled.
  serverExternalPackages: ["pg", "prom-client", "graphile-worker", "pino", "@prisma/adapter-pg", "bwip-js", "@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm run typecheck` checks every file (tests included) in CI; repeating it inside `next build` doubles
  // the build time on a 2-core machine and lets a half-written test file block `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
