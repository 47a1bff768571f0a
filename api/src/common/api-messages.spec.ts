import { join } from 'node:path';
import { API_MESSAGES, ApiError, ApiMessageCode } from '@kunna/contracts';
import { scanApiMessages, shapeOf } from '../test-support/api-message-scan';
import { messageCodeOf, withMessageCodes } from './message-codes';

const CATALOGUE = Object.entries(API_MESSAGES) as [ApiMessageCode, string][];

describe('API message catalogue', () => {
  const found = scanApiMessages(join(__dirname, '..', '..', '..'));

  it('finds the messages of api/src (the scan itself works)', () => {
    expect(found.length).toBeGreaterThan(600);
    expect(found.some((message) => message.template === 'Enheten {} är stängd.' && message.file.startsWith('api/src/people/'))).toBe(true);
  });

  it('holds every message the API can answer with: no error leaves without a code', () => {
    const shapes = new Set(CATALOGUE.map(([, text]) => shapeOf(text)));
    const missing = found.filter((message) => !shapes.has(message.template)).map((message) => `${message.file}:${message.line}  ${message.template}`);
    expect(missing).toEqual([]);
  });

  it('holds no message the API no longer writes', () => {
    const written = new Set(found.map((message) => message.template));
    expect(CATALOGUE.filter(([, text]) => !written.has(shapeOf(text))).map(([code]) => code)).toEqual([]);
  });

  it('reads back each message’s own code and values from its text', () => {
    for (const [code, text] of CATALOGUE) {
      let index = 0;
      const values: Record<string, string> = {};
      const filled = text.replace(/\{(\w+)\}/g, (_match, name: string) => (values[name] = `värde${index++}`));
      const read = messageCodeOf(filled);
      expect({ code, read: read?.messageCode, params: read?.messageParams ?? {} }).toEqual({ code, read: code, params: values });
    }
  });

  it('puts the code and values on an error and its field messages', () => {
    const body: ApiError = withMessageCodes<ApiError>({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Uppgifterna är inte giltiga.',
      details: [
        { field: 'unitId', message: 'Enheten Solgården är stängd.' },
        { field: 'x', message: 'Något helt annat' },
      ],
    });
    expect(body.messageCode).toBe('common.detailsNotValid');
    expect(body.details).toEqual([
      { field: 'unitId', message: 'Enheten Solgården är stängd.', messageCode: 'people.unitClosed', messageParams: { name: 'Solgården' } },
      { field: 'x', message: 'Något helt annat' },
    ]);
  });
});
