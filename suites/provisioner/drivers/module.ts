// Loads a driver from a JavaScript or TypeScript file: it exports `createDriver()` (named or
// default), or a default object with the driver's methods. Missing actions become unsupported.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { ConfigError } from '../../../scim/errors.ts';
import {
  DRIVER_ACTIONS,
  DriverUnsupported,
  type DriverAction,
  type DriverFactory,
  type ProvisionerDriver,
} from '../driver.ts';

type PartialDriver = Partial<Omit<ProvisionerDriver, 'name'>> & { name?: string };

interface DriverModule {
  createDriver?: unknown;
  default?: unknown;
}

/** The factory a driver file provides; throws ConfigError naming what the file must export. */
export async function loadModuleDriver(file: string): Promise<DriverFactory> {
  const url = pathToFileURL(resolve(file)).href;
  let loaded: DriverModule;
  try {
    loaded = (await import(url)) as DriverModule;
  } catch (error) {
    throw new ConfigError(`module driver: cannot import '${file}': ${(error as Error).message}`, {
      cause: error,
    });
  }
  const name = `module:${file}`;
  const factory = loaded.createDriver ?? loaded.default;
  if (typeof factory === 'function') {
    return async () => completeDriver(name, await (factory as () => unknown)(), file);
  }
  if (typeof factory === 'object' && factory !== null) {
    return () => completeDriver(name, factory, file);
  }
  throw new ConfigError(
    `module driver: '${file}' must export createDriver() (named or default) or a default object ` +
      'with setup(endpoint, token), createUser(user), … (see suites/README.md)',
  );
}

/** Wraps what the module made so every action exists; absent ones throw DriverUnsupported. */
function completeDriver(name: string, made: unknown, file: string): ProvisionerDriver {
  if (
    typeof made !== 'object' ||
    made === null ||
    typeof (made as PartialDriver).setup !== 'function'
  ) {
    throw new ConfigError(`module driver: '${file}' made a driver without a setup() method`);
  }
  const partial = made as PartialDriver;
  const driverName = typeof partial.name === 'string' ? partial.name : name;
  const action = (key: DriverAction) => {
    const method = partial[key as keyof PartialDriver];
    if (typeof method === 'function')
      return (method as (...args: unknown[]) => Promise<void>).bind(made);
    return () => Promise.reject(new DriverUnsupported(driverName, key));
  };
  const driver = Object.fromEntries(DRIVER_ACTIONS.map((key) => [key, action(key)]));
  // No sync or teardown means nothing to do: actions push at once, and nothing is left behind.
  if (typeof partial.sync !== 'function') driver.sync = () => Promise.resolve();
  if (typeof partial.teardown !== 'function') driver.teardown = () => Promise.resolve();
  return { ...driver, name: driverName } as unknown as ProvisionerDriver;
}
