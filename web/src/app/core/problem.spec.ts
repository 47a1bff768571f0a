import { HttpErrorResponse } from '@angular/common/http';
import { fieldMessage, localProblem, problemKey, problemOf } from './problem';

describe('problemOf', () => {
  it('reads the API error shape: message, code, field details and retry time', () => {
    const problem = problemOf(
      new HttpErrorResponse({
        status: 429,
        error: { statusCode: 429, error: 'Too Many Requests', message: 'För många försök.', code: 'lockedOut', retryAfterSeconds: 600 },
      }),
    );
    expect(problem).toEqual({ status: 429, serverMessage: 'För många försök.', code: 'lockedOut', fields: [], retryAfterSeconds: 600 });
  });

  it('keeps field errors so forms can show them beside the fields', () => {
    const problem = problemOf(
      new HttpErrorResponse({
        status: 400,
        error: { statusCode: 400, error: 'Bad Request', message: 'Uppgifterna är inte giltiga.', details: [{ field: 'newPassword', message: 'För kort.' }] },
      }),
    );
    expect(fieldMessage(problem, 'newPassword')).toBe('För kort.');
    expect(fieldMessage(problem, 'code')).toBeNull();
    expect(fieldMessage(null, 'code')).toBeNull();
  });

  it('copes with a body that is not the API shape (proxy error page, network failure)', () => {
    expect(problemOf(new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }))).toEqual({
      status: 502,
      serverMessage: null,
      code: null,
      fields: [],
      retryAfterSeconds: null,
    });
    expect(problemOf(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).status).toBe(0);
    expect(problemOf(new Error('boom')).status).toBe(-1);
  });

  it('maps statuses to a fallback text', () => {
    expect(problemKey(localProblem([]))).toBe('errors.generic');
    expect(problemKey({ ...localProblem([]), status: 0 })).toBe('errors.network');
    expect(problemKey({ ...localProblem([]), status: 403 })).toBe('errors.forbidden');
    expect(problemKey({ ...localProblem([]), status: 404 })).toBe('errors.notFound');
    expect(problemKey({ ...localProblem([]), status: 409 })).toBe('errors.conflict');
    expect(problemKey({ ...localProblem([]), status: 500 })).toBe('errors.generic');
  });
});
