import { expect } from 'chai';
import { SessionExpiredError } from '@salesops/org/browser';
import { errorMessage, MissingClientError } from './errorText.js';

const withCode = (errorCode: unknown) => Object.assign(new Error('<b>server text</b>'), { errorCode });

describe('errorMessage', () => {
  it('maps errors to translated messages by code, never to the server text', () => {
    expect(errorMessage(new MissingClientError())).to.deep.equal(['noClient']);
    expect(errorMessage(new SessionExpiredError())).to.deep.equal(['sessionExpired']);
    expect(errorMessage(withCode('INVALID_SESSION_ID'))).to.deep.equal(['sessionExpired']);
    expect(errorMessage(new TypeError('Failed to fetch'))).to.deep.equal(['error.network']);
    expect(errorMessage(withCode('REQUEST_LIMIT_EXCEEDED'))).to.deep.equal(['error.limit']);
    expect(errorMessage(withCode('INVALID_FIELD'))).to.deep.equal(['error.setup']);
    expect(errorMessage(withCode('UNKNOWN_EXCEPTION'))).to.deep.equal(['error.code', 'UNKNOWN_EXCEPTION']);
    // A code that is not a Salesforce code (free text, markup) is not shown.
    expect(errorMessage(withCode('<img src=x>'))).to.deep.equal(['error.other']);
    expect(errorMessage(new Error('boom'))).to.deep.equal(['error.other']);
    // A programming error is not a network failure.
    expect(errorMessage(new TypeError('x is undefined'))).to.deep.equal(['error.other']);
  });
});
