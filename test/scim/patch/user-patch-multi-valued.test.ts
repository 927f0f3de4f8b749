// Proves user PATCH on emails, phoneNumbers and addresses, with and without eq value filters
// (AWS-PATCH-VALUE-FILTER; RFC 7644 §3.5.2.1-3).
import { expect } from 'chai';

import { AWS_DETAIL, ScimError } from '../../../scim/errors.ts';
import { applyUserPatch } from '../../../scim/patch/user-patch.ts';
import { PATCH_OP_URN } from '../../../scim/urns.ts';

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations });
const workEmail = { value: 'b@example.com', type: 'work', primary: true };

function user(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { userName: 'b@example.com', emails: [{ ...workEmail }], ...extra };
}

function expectRefused(body: unknown, behaviour: string, reason: RegExp): void {
  expect(() => applyUserPatch(user(), body))
    .to.throw(ScimError)
    .that.deep.includes({ status: 400, detail: AWS_DETAIL.invalidRequest, behaviour })
    .and.has.property('reason')
    .that.matches(reason);
}

describe('scim/patch/user-patch multi-valued attributes', () => {
  describe('with a value filter', () => {
    it('AWS-PATCH-VALUE-FILTER: replaces the sub-attribute of the matching element', () => {
      const result = applyUserPatch(
        user(),
        patch({ op: 'replace', path: 'emails[type eq "WORK"].value', value: 'new@example.com' }),
      );
      expect(result.emails).to.deep.equal([{ ...workEmail, value: 'new@example.com' }]);
    });

    it('AWS-PATCH-VALUE-FILTER: creates the element when nothing matches (a first email from Okta/Entra)', () => {
      for (const op of ['add', 'replace']) {
        const result = applyUserPatch(
          { userName: 'b' },
          patch({ op, path: 'emails[type eq "work"].value', value: 'b@example.com' }),
        );
        expect(result.emails).to.deep.equal([{ type: 'work', value: 'b@example.com' }]);
      }
    });

    it('AWS-PATCH-VALUE-FILTER: creates phone and address elements the same way', () => {
      const result = applyUserPatch(
        { userName: 'b' },
        patch(
          { op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
          { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Seattle' },
        ),
      );
      expect(result.phoneNumbers).to.deep.equal([{ type: 'mobile', value: '+1 555 0100' }]);
      expect(result.addresses).to.deep.equal([{ type: 'work', locality: 'Seattle' }]);
    });

    it('AWS-PATCH-VALUE-FILTER: appends a new element beside non-matching ones', () => {
      const result = applyUserPatch(
        user(),
        patch({ op: 'add', path: 'emails[type eq "home"].value', value: 'h@example.com' }),
      );
      expect(result.emails).to.deep.equal([workEmail, { type: 'home', value: 'h@example.com' }]);
    });

    it('AWS-PATCH-VALUE-FILTER: merges an object into the match on add, swaps it on replace', () => {
      const value = { value: 'n@example.com' };
      const added = applyUserPatch(
        user(),
        patch({ op: 'add', path: 'emails[type eq "work"]', value }),
      );
      expect(added.emails).to.deep.equal([{ ...workEmail, value: 'n@example.com' }]);
      const replaced = applyUserPatch(
        user(),
        patch({ op: 'replace', path: 'emails[type eq "work"]', value }),
      );
      expect(replaced.emails).to.deep.equal([{ type: 'work', value: 'n@example.com' }]);
    });

    it('AWS-PATCH-VALUE-FILTER: creates an element from an object when nothing matches', () => {
      const result = applyUserPatch(
        { userName: 'b' },
        patch({
          op: 'replace',
          path: 'emails[primary eq true]',
          value: { value: 'p@example.com' },
        }),
      );
      expect(result.emails).to.deep.equal([{ primary: true, value: 'p@example.com' }]);
    });

    it('AWS-PATCH-VALUE-FILTER: removes the matching element and drops an emptied list', () => {
      const result = applyUserPatch(
        user(),
        patch({ op: 'remove', path: 'emails[type eq "work"]' }),
      );
      expect(result).not.to.have.property('emails');
      const untouched = applyUserPatch(
        user(),
        patch({ op: 'remove', path: 'emails[type eq "home"]' }),
      );
      expect(untouched.emails).to.deep.equal([workEmail]);
    });

    it('AWS-PATCH-VALUE-FILTER: removes a sub-attribute of the match, and an element left with no data', () => {
      const address = { type: 'work', locality: 'Seattle', region: 'WA' };
      const patched = applyUserPatch(
        user({ addresses: [address] }),
        patch({ op: 'remove', path: 'addresses[type eq "work"].region' }),
      );
      expect(patched.addresses).to.deep.equal([{ type: 'work', locality: 'Seattle' }]);
      const emptied = applyUserPatch(
        user(),
        patch({ op: 'remove', path: 'emails[type eq "work"].value' }),
      );
      expect(emptied).not.to.have.property('emails');
    });

    it('AWS-PATCH-VALUE-FILTER: matches on a boolean and leaves non-object elements alone', () => {
      const result = applyUserPatch(
        user({ emails: ['odd', { ...workEmail }] }),
        patch({ op: 'replace', path: 'emails[primary eq true].type', value: 'home' }),
      );
      expect(result.emails).to.deep.equal(['odd', { ...workEmail, type: 'home' }]);
    });

    const refused: Array<[string, unknown, string, RegExp]> = [
      [
        'a filter with co',
        { op: 'replace', path: 'emails[type co "wo"].value', value: 'x' },
        'AWS-PATCH-VALUE-FILTER',
        /operator "co" is not supported/,
      ],
      [
        'a filter on a sub-attribute the attribute lacks',
        { op: 'replace', path: 'emails[display eq "x"].value', value: 'x' },
        'AWS-PATCH-VALUE-FILTER',
        /"emails" has no sub-attribute "display" to filter on/,
      ],
      [
        'a filter on a single-valued attribute',
        { op: 'replace', path: 'name[givenName eq "B"].familyName', value: 'x' },
        'AWS-PATCH-VALUE-FILTER',
        /"name" is single-valued/,
      ],
      [
        'a filtered value that is no object',
        { op: 'add', path: 'emails[type eq "work"]', value: 'b@example.com' },
        'AWS-PATCH-VALUE-FILTER',
        /a filtered "emails" value must be an object/,
      ],
      [
        'emails display (AWS-USER-NO-DISPLAY-SUBATTR)',
        { op: 'add', path: 'emails[type eq "work"].display', value: 'B' },
        'AWS-PATCH-USER-ATTRS',
        /"emails" has no sub-attribute "display"/,
      ],
    ];
    for (const [what, operation, behaviour, reason] of refused) {
      it(`${behaviour}: refuses ${what}`, () => {
        expectRefused(patch(operation), behaviour, reason);
      });
    }
  });

  describe('without a filter', () => {
    it('appends on add, so that validation can refuse a second element later', () => {
      const second = { value: 'c@example.com', type: 'home' };
      const result = applyUserPatch(user(), patch({ op: 'add', path: 'emails', value: [second] }));
      expect(result.emails).to.deep.equal([workEmail, second]);
    });

    it('sets the list on replace, wrapping a single object', () => {
      const value = { value: 'c@example.com', primary: true };
      const result = applyUserPatch(user(), patch({ op: 'replace', path: 'EMAILS', value }));
      expect(result.emails).to.deep.equal([value]);
    });

    it('removes the whole attribute', () => {
      expect(applyUserPatch(user(), patch({ op: 'remove', path: 'emails' }))).not.to.have.property(
        'emails',
      );
    });

    it('sets a sub-attribute on every element, or creates the element when there is none', () => {
      const changed = applyUserPatch(
        user(),
        patch({ op: 'replace', path: 'emails.value', value: 'x@y' }),
      );
      expect(changed.emails).to.deep.equal([{ ...workEmail, value: 'x@y' }]);
      const created = applyUserPatch(
        { userName: 'b' },
        patch({ op: 'add', path: 'phoneNumbers.value', value: '1' }),
      );
      expect(created.phoneNumbers).to.deep.equal([{ value: '1' }]);
    });

    it('removes a sub-attribute from every element', () => {
      const result = applyUserPatch(user(), patch({ op: 'remove', path: 'emails.primary' }));
      expect(result.emails).to.deep.equal([{ value: 'b@example.com', type: 'work' }]);
    });

    it('takes a no-path value holding the whole list as one attribute', () => {
      const emails = [{ value: 'z@example.com', primary: true }];
      const result = applyUserPatch(user(), patch({ op: 'replace', value: { emails } }));
      expect(result.emails).to.deep.equal(emails);
    });
  });
});
