// Query-string helpers for list requests in the reliability tests.
export const filterQuery = (filter: string): string => `filter=${encodeURIComponent(filter)}`;
