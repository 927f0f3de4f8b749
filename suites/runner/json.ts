// The type of a parsed JSON answer. Checks probe what arbitrary servers send, so the fields
// are untyped on purpose: every assertion checks the shape it relies on before trusting it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = Record<string, any>;
