import { expect } from 'chai';

import type { DirectoryUser } from '../../../provisioner/directory/users.ts';
import { parseExpression } from '../../../provisioner/mapping/expression.ts';
import { buildPayloads, type CompiledRow } from '../../../provisioner/mapping/payload.ts';
import { formatTarget, parseTarget } from '../../../provisioner/mapping/target-path.ts';
import { ENTERPRISE_USER_URN } from '../../../scim/urns.ts';

const user: DirectoryUser = {
  id: 'id-1',
  userName: 'ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
  active: true,
  attributes: { dept: 'R&D' },
  source: 'local',
};

function row(target: string, source: string, applyOn: 'create' | 'always' = 'always'): CompiledRow {
  const path = parseTarget(target, 'scim2');
  return { target: formatTarget(path), path, source: parseExpression(source), applyOn };
}

describe('provisioner/mapping/payload', () => {
  it('builds nested, multi-valued and extension attributes in row order', () => {
    const { payload } = buildPayloads(
      [
        row('userName', 'user.userName'),
        row('name.givenName', 'user.firstName'),
        row('emails[type eq "work"].value', 'user.email'),
        row('emails[type eq "home"].value', '"home@example.com"'),
        row(`${ENTERPRISE_USER_URN}:department`, 'attr.dept'),
      ],
      user,
    );
    expect(JSON.stringify(payload)).to.equal(
      JSON.stringify({
        userName: 'ada',
        name: { givenName: 'Ada' },
        emails: [
          { value: 'ada@example.com', type: 'work', primary: true },
          { value: 'home@example.com', type: 'home' },
        ],
        [ENTERPRISE_USER_URN]: { department: 'R&D' },
      }),
    );
  });

  it('splits create-only rows from always rows and leaves empty values out', () => {
    const result = buildPayloads(
      [
        row('userName', 'user.userName'),
        row('title', '"Engineer"', 'create'),
        row('phoneNumbers[type eq "work"].value', 'user.phone'),
      ],
      user,
    );
    expect(result.payload).to.deep.equal({ userName: 'ada' });
    expect(result.createOnly).to.deep.equal({ title: 'Engineer' });
    expect(result.empty).to.deep.equal(['phoneNumbers[type eq "work"].value']);
  });
});
