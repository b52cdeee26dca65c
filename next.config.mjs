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
  // Headers that do not depend on the request, on every answer (pages, API, static files). The
  // Content-Security-Policy needs a per-request nonce, so proxy.ts sets it on pages.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
