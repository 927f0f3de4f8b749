import { expect } from 'chai';

import {
  AWS_DETAIL,
  ConfigError,
  ScimError,
  awsErrorTimestamp,
  awsMetaTimestamp,
  renderAwsError,
} from '../../scim/errors.ts';
import { ERROR_URN } from '../../scim/urns.ts';

describe('scim/errors', () => {
  const at = new Date(Date.UTC(2022, 3, 15, 14, 9, 3, 693));

  it('renders the AWS error body with schema and schemas, a string status and the request id', () => {
    const body = renderAwsError(400, AWS_DETAIL.invalidRequest, 'req-1', at);
    expect(Object.keys(body)).to.deep.equal([
      'schema',
      'schemas',
      'detail',
      'status',
      'exceptionRequestId',
      'timeStamp',
    ]);
    expect(body).to.deep.include({ status: '400', exceptionRequestId: 'req-1' });
    expect(body.schema).to.deep.equal([ERROR_URN]);
    expect(body.timeStamp).to.equal('2022-04-15 14:09:03.693');
  });

  it('formats meta timestamps without milliseconds', () => {
    expect(awsMetaTimestamp(at)).to.equal('2022-04-15T14:09:03Z');
    expect(awsErrorTimestamp(at)).to.equal('2022-04-15 14:09:03.693');
  });

  it('names the AWS exception of each status and keeps the reason apart from the detail', () => {
    const error = ScimError.invalid('emails holds 2 values', 'AWS-USER-SINGLE-VALUED');
    expect(error).to.include({ status: 400, code: 'ValidationException', name: 'ScimError' });
    expect(error.detail).to.equal(AWS_DETAIL.invalidRequest);
    expect(error.message).to.contain('emails holds 2 values');
    expect(ScimError.conflict('dup').code).to.equal('ConflictException');
    expect(ScimError.notFound('gone').status).to.equal(404);
  });

  it('prefixes harness errors and gives config errors their own code', () => {
    const error = new ConfigError('listCap must be 50 or 100, got 7');
    expect(error.message).to.equal('[scim-harness] listCap must be 50 or 100, got 7');
    expect(error).to.include({ code: 'CONFIG_ERROR', name: 'ConfigError' });
  });
});
