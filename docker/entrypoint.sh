#!/bin/sh
# The API image's entrypoint (docker/Dockerfile), and what scripts/check-deploy.js runs without Docker:
#   entrypoint.sh           migrate, then serve the API (and the web app) on $PORT
#   entrypoint.sh migrate   migrate only, then exit
# Migrations take an advisory lock on PostgreSQL: several API containers may start at once.
set -eu
cd "${APP_DIR:-/app}"
case "${1:-serve}" in
  migrate)
    exec node apps/api/dist/migrate.js
    ;;
  serve)
    node apps/api/dist/migrate.js
    exec node apps/api/dist/main.js
    ;;
  *)
    echo "usage: entrypoint.sh [serve|migrate] (got \"$1\")" >&2
    exit 64
    ;;
esac
