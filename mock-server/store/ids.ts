// Resource and tenant ids shaped like AWS's (AWS-ID-FORMAT): random, so a deleted and
// re-created resource never gets its old id back (AWS-USER-NEW-ID-ON-RECREATE).
import { randomBytes, randomUUID } from 'node:crypto';

export type IdStyle = 'uuid' | 'legacy';

/** `uuid`: `c4488478-a0e1-700e-...`; `legacy`: 10 hex characters, a dash, then a UUID. */
export function newResourceId(style: IdStyle): string {
  if (style === 'legacy') return `${randomBytes(5).toString('hex')}-${randomUUID()}`;
  return randomUUID();
}

const TENANT_HEAD_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Like `f3vd2aa29dc-223c-4e5c-91b9-8ca1bb1faf7b`: 11 characters, then the tail of a UUID. */
export function newTenantId(): string {
  const head = [...randomBytes(11)]
    .map((byte) => TENANT_HEAD_ALPHABET[byte % TENANT_HEAD_ALPHABET.length])
    .join('');
  return `${head}${randomUUID().slice(8)}`;
}
