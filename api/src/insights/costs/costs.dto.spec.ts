import { ValidationPipe } from '@nestjs/common';
import { CreateExternalCostDto, HourlyRateDto } from './costs.dto';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

async function fields(metatype: new () => object, body: object): Promise<string[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    const response = (error as { getResponse?: () => { message: string[] } }).getResponse?.();
    if (!response) throw error;
    return response.message.map((message) => message.split(' ')[0]).sort();
  }
}

describe('cost DTOs', () => {
  it('refuse numbers in exponent form and more than two decimals as a validation error, never a crash', async () => {
    const bad = await fields(HourlyRateDto, { validFrom: '../../etc/passwd', participantRate: 1e-323, facilitatorRate: 12.345 });
    expect(bad.length).toBeGreaterThan(0);
    expect(await fields(HourlyRateDto, { validFrom: '2026-01-01', participantRate: 290.5, facilitatorRate: 330 })).toEqual([]);
    expect(
      (
        await fields(CreateExternalCostDto, {
          id: 'x',
          periodStart: '2026-01-01',
          periodEnd: '2026-01-02',
          category: 'try_out',
          amount: 1e21,
          description: 'a',
        })
      ).length,
    ).toBeGreaterThan(0);
  });
});
