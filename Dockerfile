# syntax=docker/dockerfile:1
# Exchange Ledger API: compiled to JavaScript at build time; node runs it under tini (PID 1),
# which forwards SIGTERM so the server shuts down gracefully and reaps any stray child.

# Build: every dependency (the TypeScript compiler is a dev one), the tool chain better-sqlite3
# falls back on when no prebuilt addon fits, then `npm run build` and the dev tools pruned away.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY domain ./domain
COPY projections ./projections
COPY schema ./schema
COPY seed ./seed
RUN npm run build && npm prune --omit=dev && npm cache clean --force

# Runtime: no compilers and no TypeScript, a non-root user, the data directory as a volume.
# Metrics listen on their own port (9464), which compose keeps off the public network.
FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=4000 \
    METRICS_HOST=0.0.0.0 \
    METRICS_PORT=9464
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000 9464
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
