// Adds to bench/autocannon.d.ts the members of autocannon 8 the load run also uses: per-request
// onResponse hooks, an overall rate, resets and the p90 latency.
declare module 'autocannon' {
  interface AutocannonRequest {
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  interface AutocannonOptions {
    overallRate?: number;
  }
  interface AutocannonResult {
    resets: number;
  }
  interface Histogram {
    p90: number;
  }
}
