import { expect } from 'chai';

import type { DirectoryUser } from '../../../provisioner/directory/users.ts';
import {
  evaluate,
  formatExpression,
  parseExpression,
  sourceKind,
} from '../../../provisioner/mapping/expression.ts';
import { ConfigError } from '../../../scim/errors.ts';

const user: DirectoryUser = {
  id: 'id-1',
  userName: 'ada',
  firstName: ' Ada ',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
  email: 'Ada@Example.com',
  active: true,
  attributes: { costCenter: 'R&D' },
  source: 'local',
};

function run(source: string): string {
  return evaluate(parseExpression(source), user);
}

describe('provisioner/mapping/expression', () => {
  it('reads profile fields, loosely named, and custom attributes', () => {
    expect(run('user.userName')).to.equal('ada');
    expect(run('first_name')).to.equal(' Ada ');
    expect(run('user.LASTNAME')).to.equal('Lovelace');
    expect(run('attr.costCenter')).to.equal('R&D');
    expect(run('attr.missing')).to.equal('');
    expect(run('user.phone')).to.equal('');
  });

  it('evaluates constants and nested functions', () => {
    expect(run('"Engineer"')).to.equal('Engineer');
    expect(run("'it\\'s'")).to.equal("it's");
    expect(run('lower(user.email)')).to.equal('ada@example.com');
    expect(run('join(" ", trim(user.firstName), upper(user.lastName))')).to.equal('Ada LOVELACE');
    expect(run('join("-", user.phone, user.userName)')).to.equal('ada');
    expect(run('default(user.phone, attr.none, "n/a")')).to.equal('n/a');
    expect(run('replace(user.displayName, " ", ".")')).to.equal('Ada.Lovelace');
    expect(run('concat(user.userName, "@corp")')).to.equal('ada@corp');
  });

  it('names the kind of each source', () => {
    const kinds = ['user.email', 'attr.x', '"c"', 'lower(user.email)'].map((source) =>
      sourceKind(parseExpression(source)),
    );
    expect(kinds).to.deep.equal(['profile', 'custom', 'constant', 'expression']);
  });

  it('formats a canonical text that parses back to the same expression', () => {
    const parsed = parseExpression("JOIN( ' ', first_name , 'say \"hi\"' )");
    expect(formatExpression(parsed)).to.equal('join(" ", user.firstName, "say \\"hi\\"")');
    expect(parseExpression(formatExpression(parsed))).to.deep.equal(parsed);
  });

  it('refuses unknown names, bad syntax and wrong argument counts, saying where', () => {
    const cases: [string, RegExp][] = [
      ['user.salary', /unknown source 'user.salary'/],
      ['salary', /unknown source 'salary'/],
      ['eval(user.email)', /unknown function 'eval'/],
      ['lower(user.email', /'lower\(' is not closed/],
      ['lower(', /'lower\(' is not closed/],
      ['lower(user.email,', /expected a source but the source ended/],
      ['lower(user.email user.email)', /expected ',' but found 'user'/],
      ['lower(user.email, "x")', /lower\(x\) takes 1–1 arguments/],
      ['"open', /string is not closed at column 1/],
      ['user.email; drop', /unexpected ';' at column 11/],
      ['user.email user.email', /after the end/],
      ['', /source ended/],
    ];
    for (const [source, message] of cases) {
      expect(() => parseExpression(source), source).to.throw(ConfigError, message);
    }
  });

  it('limits length and nesting', () => {
    expect(() => parseExpression(`"${'x'.repeat(4096)}"`)).to.throw(/at most 4096/);
    const deep = `${'lower('.repeat(20)}user.email${')'.repeat(20)}`;
    expect(() => parseExpression(deep)).to.throw(/nesting deeper than 16/);
  });
});
