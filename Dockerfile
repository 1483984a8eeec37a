# syntax=docker/dockerfile:1
# Build stage: compile TypeScript (dev dependencies needed only here). The `node` devDependency
# only serves npm scripts on machines whose own Node is too old; this image already has Node 24.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# Runtime stage: production dependencies and compiled code only, run as the unprivileged `node` user.
FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
    && mkdir -p /app/data && chown node:node /app/data
COPY --from=build /app/dist ./dist
# The bundled library profiles (LIBRARY_PROFILE defaults to profiles/kamagaya.json).
COPY profiles ./dist/profiles
# The rich menus (JSON and images): the dev chat page draws them when no LINE channel is configured.
COPY richmenus ./richmenus
USER node
# Migrations run at start (src/runtime.ts). Several replicas may start together: Kysely's migrator
# takes a PostgreSQL advisory lock (pg_advisory_lock) around them, so each is applied once.
# On SIGTERM the server stops accepting, finishes in-flight events and jobs (8 s at most), then exits.
STOPSIGNAL SIGTERM
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The node flags (measured by bench:webhook, which starts the server with this CMD's arguments):
# --single-threaded-gc: V8's garbage collection runs on each JavaScript thread instead of on helper
#   threads at full priority, so the inbox thread's (nice 10) no longer takes cores from the main
#   thread that acknowledges LINE: ack p99 at 500 events/s 32-39 ms against 42-53 ms without
#   (four pairs of runs);
# --max-semi-space-size=8 (MB): the main thread's young generation, which with the first flag had
#   grown the peak RSS from ~306 to 333-380 MB (the target is < 400); with it 271-280 MB.
# The first is not accepted in NODE_OPTIONS, hence both here and in `npm run start:prod`.
CMD ["node", "--single-threaded-gc", "--max-semi-space-size=8", "dist/src/main.js"]
