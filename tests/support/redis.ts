// A real redis-server for cross-process tests: the server's own test launcher (Node built-ins
// only), re-exported so tests/ does not reach into the server's source tree everywhere.
export { freePort, startRedis, type TestRedis } from '../../apps/server/src/cluster/test-redis.ts';
