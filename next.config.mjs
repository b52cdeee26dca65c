import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WebAssembly parts are loaded by Node, not bundled.
  serverExternalPackages: ["pg", "graphile-worker", "pino", "@prisma/adapter-pg", "bwip-js", "@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
