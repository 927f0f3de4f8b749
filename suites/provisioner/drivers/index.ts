// Turns a driver spec from the command line (`builtin`, `shell:CONFIG`, `module:FILE`) into a
// factory that makes one fresh driver per scenario.
import { ConfigError } from '../../../scim/errors.ts';
import type { DriverFactory } from '../driver.ts';
import { BuiltinDriver } from './builtin.ts';
import { loadModuleDriver } from './module.ts';
import { loadShellConfig, ShellDriver } from './shell.ts';

const DRIVER_SPEC_HELP = 'builtin | shell:CONFIG.json | module:FILE.(js|ts)';

export async function driverFactory(spec: string): Promise<DriverFactory> {
  if (spec === 'builtin') return () => new BuiltinDriver();
  const colon = spec.indexOf(':');
  const kind = colon > 0 ? spec.slice(0, colon) : spec;
  const path = spec.slice(colon + 1);
  if (colon > 0 && path !== '' && kind === 'shell') {
    const config = await loadShellConfig(path);
    return () => new ShellDriver(spec, config);
  }
  if (colon > 0 && path !== '' && kind === 'module') return loadModuleDriver(path);
  throw new ConfigError(`unknown driver '${spec}'; use ${DRIVER_SPEC_HELP}`);
}
