import { AmbassadorQualification, QualificationSource, QualificationStatus } from '@kunna/contracts';
import { addDays, renewalDue } from './renewal';

function qualification(overrides: Partial<AmbassadorQualification>): AmbassadorQualification {
  return {
    id: 'q1',
    person: { id: 'p1', name: 'Leyla Gustafsson' },
    module: { id: 'm1', title: 'Trygghetslarm' },
    source: QualificationSource.Explicit,
    programId: null,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    status: QualificationStatus.Valid,
    renewsId: null,
    revokedAt: null,
    revokeReason: null,
    note: null,
    ...overrides,
  };
}

describe('renewal due', () => {
  const none = new Set<string>();

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-11-24', 60)).toBe('2027-01-23');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('is due when a valid qualification ends within 60 days, the 60th day included', () => {
    expect(renewalDue(qualification({ validUntil: '2027-01-23' }), '2026-11-24', none)).toBe(true);
    expect(renewalDue(qualification({ validUntil: '2027-01-24' }), '2026-11-24', none)).toBe(false);
  });

  it('is not due without an end, when not valid, or once a later qualification renews it', () => {
    expect(renewalDue(qualification({ validUntil: null }), '2026-11-24', none)).toBe(false);
    expect(renewalDue(qualification({ validUntil: '2026-12-01', status: QualificationStatus.Revoked }), '2026-11-24', none)).toBe(false);
    expect(renewalDue(qualification({ validUntil: '2026-12-01' }), '2026-11-24', new Set(['q1']))).toBe(false);
  });
});
