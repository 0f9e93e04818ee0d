#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "typecheck";           npx tsc --noEmit
step "lint";                npx biome check .
step "server actions";      npx tsx scripts/check-server-actions.ts
step "unit tests";          npx vitest run --project unit
step "integration tests";   npx vitest run --project integration
step "production build";    npx next build
step "e2e tests";           npx playwright test
