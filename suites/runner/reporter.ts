// The reporter contract, and loading reporters from reports/ (written separately) when present.
import type { RunReport } from '../model.ts';

export interface Reporter {
  name: string;
  /** Writes the report into `dir` and answers the file path. */
  write(report: RunReport, dir: string): Promise<string>;
}

interface ReportsModule {
  REPORTERS: Record<string, Reporter>;
}

/**
 * The reporters exported by reports/index.ts, or undefined while that module does not exist.
 * The path is computed so that type-checking does not depend on the module being present.
 */
export async function loadReporters(): Promise<Record<string, Reporter> | undefined> {
  const modulePath = new URL('../../reports/index.ts', import.meta.url).href;
  try {
    const loaded = (await import(modulePath)) as Partial<ReportsModule>;
    return loaded.REPORTERS;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}
