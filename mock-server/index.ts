// The mock's public API: start a server, or assemble its parts for an in-process app.
export { startMockServer, type MockOptions, type RunningMock } from './server.ts';
export { bootstrap } from './bootstrap.ts';
export { buildApp } from './http/app.ts';
export { PROFILES, resolveProfile, type MockProfile } from './profile.ts';
export { MemoryTenantRegistry, type TokenSnapshot } from './tenants.ts';
export { MemoryStore } from './store/memory-store.ts';
export { TenantData } from './store/tenant-data.ts';
export { loadStateFile, saveStateFile } from './state-file.ts';
export { createLogger } from './logger.ts';
export type {
  AuthResult,
  Clock,
  MockContext,
  MockStore,
  StateSnapshot,
  TenantRegistry,
  TokenRecord,
} from './context.ts';
