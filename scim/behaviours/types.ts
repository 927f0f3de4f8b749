// The shape of one entry in the AWS behaviour registry.

/** How sure we are of a behaviour: [C] AWS page, [R] real traffic, [U] inferred or conflicting. */
export type Evidence = 'C' | 'R' | 'U';

export interface AwsBehaviour {
  /** Stable id used by the code that implements it, the tests that prove it and the reports. */
  id: string;
  summary: string;
  evidence: Evidence;
  /** Where it is documented or observed (keys of aws-scim-behaviour.md, Part B). */
  source: string;
  /** The RFC 7643/7644 clause it concerns, when there is one. */
  rfc?: string;
  /** True when AWS knowingly departs from what the RFC requires or allows. */
  departsFromRfc?: boolean;
  /** The mock profile setting that changes it, when it rests on [U] evidence. */
  setting?: string;
}
