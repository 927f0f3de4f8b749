// What a user may hold: single values, unsupported attributes, uniqueness, lengths and
// characters (RFC 7643 §4.1, RFC 7644 §3.3; AWS-USER-*). AWS refuses much the RFC allows.
import type { JsonBody } from '../runner/json.ts';
import type { Check, CheckContext } from '../runner/check.ts';
import { expectError } from './support/error-body.ts';
import { expectEqual, expectStatus } from './support/expect.ts';
import { createUser, postTracked, userData } from './support/resources.ts';

const BOTH = ['aws', 'rfc7644'] as const;
const AWS = ['aws'] as const;

type Change = (user: JsonBody) => Promise<void> | void;

async function changedUser(ctx: CheckContext, change: Change): Promise<JsonBody> {
  const user: JsonBody = structuredClone(await userData(ctx));
  await change(user);
  return user;
}

/** A create AWS refuses with 400 and the RFC accepts with 201. */
function refusedByAws(id: string, what: string, references: string[], change: Change): Check {
  return {
    id,
    area: 'users',
    title: `A create with ${what} gets 400 under AWS and 201 under the RFC`,
    level: 'MUST',
    levels: { rfc7644: 'SHOULD' },
    references,
    profiles: BOTH,
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Users', await changedUser(ctx, change));
      if (ctx.profile === 'aws') expectError(ctx, response, 400, `POST /Users with ${what}`);
      else expectStatus(response, 201, `POST /Users with ${what}`);
    },
  };
}

/** A create only the AWS profile expects an answer to (AWS limits the RFC does not know). */
function awsAnswer(
  id: string,
  what: string,
  status: number,
  references: string[],
  change: Change,
): Check {
  return {
    id,
    area: 'users',
    title: `A create with ${what} gets ${status}`,
    level: 'SHOULD',
    references,
    profiles: AWS,
    run: async (ctx) => {
      const response = await postTracked(ctx, '/Users', await changedUser(ctx, change));
      if (status >= 400) expectError(ctx, response, status, `POST /Users with ${what}`);
      else expectStatus(response, status, `POST /Users with ${what}`);
    },
  };
}

/** Creates a user, then sends a second one sharing a value with it. */
async function duplicateOf(ctx: CheckContext, share: (first: JsonBody, second: JsonBody) => void) {
  const first = structuredClone(await userData(ctx));
  await createUser(ctx, first);
  const second: JsonBody = structuredClone(await userData(ctx));
  share(first, second);
  return postTracked(ctx, '/Users', second);
}

const SINGLE = ['RFC 7643 §4.1.2', 'AWS-USER-SINGLE-VALUED'];
const UNSUPPORTED = ['RFC 7643 §4.1.2', 'AWS-USER-UNSUPPORTED-ATTRS'];

export const USER_ATTRIBUTE_CHECKS: readonly Check[] = [
  refusedByAws('SP-USER-TWO-EMAILS', 'two emails', SINGLE, (user) => {
    user.emails.push({ value: `second.${user.userName}`, type: 'home' });
  }),
  refusedByAws('SP-USER-TWO-PHONES', 'two phoneNumbers', SINGLE, (user) => {
    user.phoneNumbers = [
      { value: '+1 555 0100', type: 'work' },
      { value: '+1 555 0101', type: 'mobile' },
    ];
  }),
  refusedByAws('SP-USER-TWO-ADDRESSES', 'two addresses', SINGLE, (user) => {
    user.addresses = [
      { locality: 'Oslo', type: 'work' },
      { locality: 'Bergen', type: 'home' },
    ];
  }),
  refusedByAws('SP-USER-GROUPS-ATTR', 'a groups attribute', UNSUPPORTED, (user) => {
    user.groups = [{ value: crypto.randomUUID() }];
  }),
  refusedByAws('SP-USER-PHOTOS', 'photos', UNSUPPORTED, (user) => {
    user.photos = [{ value: 'https://example.test/photo.jpg', type: 'photo' }];
  }),
  refusedByAws('SP-USER-IMS', 'ims', UNSUPPORTED, (user) => {
    user.ims = [{ value: 'harness-im', type: 'xmpp' }];
  }),
  refusedByAws('SP-USER-ENTITLEMENTS', 'entitlements', UNSUPPORTED, (user) => {
    user.entitlements = [{ value: 'harness-entitlement' }];
  }),
  refusedByAws('SP-USER-X509', 'x509Certificates', UNSUPPORTED, (user) => {
    user.x509Certificates = [{ value: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' }];
  }),
  refusedByAws(
    'SP-USER-EMAIL-DISPLAY',
    'emails[].display',
    ['RFC 7643 §2.4', 'AWS-USER-NO-DISPLAY-SUBATTR'],
    (user) => {
      user.emails[0].display = 'Work mail';
    },
  ),
  awsAnswer(
    'SP-USER-EMAIL-PRIMARY-FALSE',
    'its only email marked primary:false',
    400,
    ['AWS-USER-PRIMARY-EMAIL'],
    (user) => {
      user.emails[0].primary = false;
    },
  ),
  awsAnswer(
    'SP-USER-EMAIL-PRIMARY-OMITTED',
    'an email that omits primary',
    201,
    ['AWS-USER-PRIMARY-EMAIL'],
    (user) => {
      delete user.emails[0].primary;
    },
  ),
  awsAnswer(
    'SP-USER-RESERVED-NAME',
    'the reserved userName Administrator',
    400,
    ['AWS-USER-RESERVED-NAMES'],
    (user) => {
      user.userName = 'Administrator';
    },
  ),
  awsAnswer(
    'SP-USER-USERNAME-129',
    'a 129-character userName',
    400,
    ['AWS-USER-LENGTH-LIMITS'],
    (user) => {
      user.userName = `${user.userName}`.padEnd(129, 'x');
    },
  ),
  awsAnswer(
    'SP-USER-USERNAME-128',
    'a 128-character userName',
    201,
    ['AWS-USER-LENGTH-LIMITS'],
    (user) => {
      user.userName = `${user.userName}`.padEnd(128, 'x');
    },
  ),
  awsAnswer(
    'SP-USER-DISPLAYNAME-1025',
    'a 1025-character displayName',
    400,
    ['AWS-USER-LENGTH-LIMITS'],
    (user) => {
      user.displayName = 'd'.repeat(1025);
    },
  ),
  awsAnswer(
    'SP-USER-CONTROL-CHARS',
    'a tab inside displayName',
    400,
    ['AWS-USER-CONTROL-CHARS'],
    (user) => {
      user.displayName = 'Tab\tSeparated';
    },
  ),
  awsAnswer(
    'SP-USER-FORBIDDEN-CHARS',
    'a < inside displayName',
    400,
    ['AWS-USER-FORBIDDEN-CHARS'],
    (user) => {
      user.displayName = 'Angle <Bracket>';
    },
  ),
  {
    id: 'SP-USER-DUPLICATE-409',
    area: 'users',
    title: 'A second user with the same userName gets 409',
    level: 'MUST',
    references: ['RFC 7644 §3.3', 'RFC 7644 §3.12', 'AWS-USER-USERNAME-UNIQUE', 'AWS-ERROR-BODY'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await duplicateOf(ctx, (first, second) => {
        second.userName = first.userName;
        second.emails = [{ ...second.emails[0], value: `dup.${second.emails[0].value}` }];
      });
      expectError(
        ctx,
        response,
        409,
        'POST /Users with a taken userName',
        ctx.profile === 'rfc7644' ? 'uniqueness' : undefined,
      );
      if (ctx.profile === 'aws')
        expectEqual(
          response.body?.detail,
          'Refused to create a new, duplicate resource.',
          'detail',
        );
    },
  },
  {
    id: 'SP-USER-DUPLICATE-CASE-409',
    area: 'users',
    title: 'A second user whose userName differs only in case gets 409',
    level: 'SHOULD',
    references: ['RFC 7643 §4.1.1', 'AWS-USER-USERNAME-UNIQUE'],
    profiles: BOTH,
    run: async (ctx) => {
      const response = await duplicateOf(ctx, (first, second) => {
        second.userName = String(first.userName).toUpperCase();
      });
      expectStatus(response, 409, 'POST /Users with a taken userName in upper case');
    },
  },
  {
    id: 'SP-USER-EXTERNALID-DUPLICATE',
    area: 'users',
    title: 'A second user with the same externalId gets 409',
    level: 'SHOULD',
    references: ['AWS-USER-EXTERNALID-UNIQUE'],
    profiles: AWS,
    run: async (ctx) => {
      const response = await duplicateOf(ctx, (first, second) => {
        second.externalId = first.externalId;
      });
      expectError(ctx, response, 409, 'POST /Users with a taken externalId');
    },
  },
  {
    id: 'SP-USER-EMAIL-DUPLICATE',
    area: 'users',
    title: 'A second user with the same primary email gets 409',
    level: 'SHOULD',
    references: ['AWS-USER-EMAIL-UNIQUE'],
    profiles: AWS,
    run: async (ctx) => {
      const response = await duplicateOf(ctx, (first, second) => {
        second.emails = [{ ...first.emails[0] }];
      });
      expectError(ctx, response, 409, 'POST /Users with a taken primary email');
    },
  },
];
