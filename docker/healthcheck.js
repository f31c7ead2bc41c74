// The API's health check (docker/Dockerfile HEALTHCHECK, docker/compose.yaml, scripts/check-deploy.js):
// exits 0 when GET /api/health answers 200 within 4 s, 1 otherwise. No curl in the node image: node's fetch.
const url = process.env.HEALTH_URL || `http://127.0.0.1:${process.env.PORT || 3000}/api/health`;
fetch(url, { signal: AbortSignal.timeout(4000) })
  .then((res) => process.exit(res.status === 200 ? 0 : 1))
  .catch(() => process.exit(1));
