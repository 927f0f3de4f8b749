import { expect } from 'chai';

import { parseScimCredentials } from '../../../provisioner/apps/credentials.ts';

describe('provisioner/apps/credentials', () => {
  it("reads the endpoint and token from the mock's start-up lines", () => {
    const banner = [
      'scim-harness mock (profile aws) is listening',
      '  SCIM endpoint: http://127.0.0.1:8787/t1/scim/v2',
      '  Access token:  abc.def',
      '  Admin token:   admin-secret',
    ].join('\n');
    expect(parseScimCredentials(banner)).to.deep.equal({
      endpoint: 'http://127.0.0.1:8787/t1/scim/v2',
      token: 'abc.def',
    });
  });

  it('reads labels with the value on the next line, as copied from the AWS console', () => {
    const copied =
      'SCIM endpoint\r\nhttps://scim.eu-west-1.amazonaws.com/x/scim/v2\r\nAccess token\r\ntok\r\n';
    expect(parseScimCredentials(copied)).to.deep.equal({
      endpoint: 'https://scim.eu-west-1.amazonaws.com/x/scim/v2',
      token: 'tok',
    });
  });

  it('names what it did not find', () => {
    expect(() => parseScimCredentials('SCIM endpoint: http://h/v2')).to.throw(/no "Access token"/);
    expect(() => parseScimCredentials('')).to.throw(/no "SCIM endpoint" or "Access token"/);
  });
});
