import { AllocationKind } from '@kunna/contracts';
import { allocatedHours, computeReach, computeWorkload, daysInMonth, FULL_TIME_HOURS_PER_MONTH } from './reach';

const leyla = { id: 'leyla', name: 'Leyla Gustafsson' };
const omar = { id: 'omar', name: 'Omar Ali' };
const unit = { id: 'u1', name: 'Solgården' };

describe('ambassador reach', () => {
  const sessions = [
    { facilitatorId: 'leyla', sessionId: 's1', moduleId: 'teams', moduleTitle: 'Teams', durationMinutes: 30, delivered: true },
    { facilitatorId: 'leyla', sessionId: 's2', moduleId: 'larm', moduleTitle: 'Larm', durationMinutes: 60, delivered: true },
    { facilitatorId: 'leyla', sessionId: 's3', moduleId: 'teams', moduleTitle: 'Teams', durationMinutes: 40, delivered: false },
    // Led together: both count the hour.
    { facilitatorId: 'omar', sessionId: 's2', moduleId: 'larm', moduleTitle: 'Larm', durationMinutes: 60, delivered: true },
  ];
  const attended = [
    { sessionId: 's1', personId: 'anna', minutes: 30 },
    { sessionId: 's1', personId: 'bo', minutes: 20 },
    { sessionId: 's1', personId: 'leyla', minutes: 30 },
    { sessionId: 's2', personId: 'anna', minutes: 60 },
    { sessionId: 's2', personId: 'cia', minutes: 60 },
    // Someone marked for a session that has not taken place yet is never counted.
    { sessionId: 's3', personId: 'dan', minutes: 40 },
  ];
  const trainers = [
    { traineeId: 'leyla', trainer: { id: 'karin', name: 'Karin Holm' } },
    { traineeId: 'leyla', trainer: { id: 'bertil', name: 'Bertil Ek' } },
    { traineeId: 'leyla', trainer: { id: 'karin', name: 'Karin Holm' } },
    { traineeId: 'omar', trainer: { id: 'omar', name: 'Omar Ali' } },
  ];
  const [leylaReach, omarReach] = computeReach(
    [
      { person: leyla, units: [unit] },
      { person: omar, units: [unit] },
    ],
    sessions,
    attended,
    trainers,
  );

  it('counts delivered sessions, their hours and distinct colleagues, not the ambassador, and planned ones apart', () => {
    expect(leylaReach).toMatchObject({
      sessionsDelivered: 2,
      hoursDelivered: 1.5,
      colleaguesReached: 3,
      // anna 30 + bo 20 + anna 60 + cia 60 = 170 minutes
      participantHours: 2.8,
      sessionsPlanned: 1,
      hoursPlanned: 0.7,
    });
  });

  it('breaks the reach down per module, widest reach first', () => {
    expect(leylaReach.perModule).toEqual([
      { module: { id: 'larm', title: 'Larm' }, sessionsDelivered: 1, hoursDelivered: 1, colleaguesReached: 2 },
      { module: { id: 'teams', title: 'Teams' }, sessionsDelivered: 1, hoursDelivered: 0.5, colleaguesReached: 2 },
    ]);
  });

  it('lists each trainer once, by name, and never the ambassador as their own trainer', () => {
    expect(leylaReach.trainedBy).toEqual([
      { id: 'bertil', name: 'Bertil Ek' },
      { id: 'karin', name: 'Karin Holm' },
    ]);
    expect(omarReach.trainedBy).toEqual([]);
    expect(omarReach).toMatchObject({ sessionsDelivered: 1, hoursDelivered: 1, colleaguesReached: 2 });
  });
});

describe('ambassador workload', () => {
  it('knows the length of months', () => {
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2025-03')).toBe(31);
  });

  it('allocates hours per month, or a share of a 40-hour week, in proportion to the days covered', () => {
    expect(FULL_TIME_HOURS_PER_MONTH).toBeCloseTo(173.33, 2);
    expect(allocatedHours(AllocationKind.HoursPerMonth, 8, '2024-01-01', null, '2025-03')).toBe(8);
    // 10 % of 173.33 hours
    expect(allocatedHours(AllocationKind.Percent, 10, '2024-01-01', null, '2025-03')).toBe(17.3);
    // From the 17th: 15 of 31 days, 8 × 15 / 31 = 3.87
    expect(allocatedHours(AllocationKind.HoursPerMonth, 8, '2025-03-17', null, '2025-03')).toBe(3.9);
    // Until the 14th of a 28-day month: half
    expect(allocatedHours(AllocationKind.HoursPerMonth, 8, '2024-01-01', '2025-02-14', '2025-02')).toBe(4);
    expect(allocatedHours(AllocationKind.HoursPerMonth, 8, '2025-04-01', null, '2025-03')).toBe(0);
    expect(allocatedHours(AllocationKind.HoursPerMonth, 8, '2024-01-01', '2025-02-28', '2025-03')).toBe(0);
  });

  it('sets delivered, support and planned hours against the allocation', () => {
    const workload = computeWorkload(
      {
        appointmentId: 'a1',
        person: leyla,
        units: [unit],
        allocations: [{ allocationKind: AllocationKind.HoursPerMonth, allocationValue: 8, startDate: '2024-01-01', endDate: null }],
        deliveredMinutes: 90,
        plannedMinutes: 400,
        supportMinutes: 20,
      },
      '2025-03',
    );
    expect(workload).toMatchObject({ allocatedHours: 8, deliveredHours: 1.5, supportHours: 0.3, plannedHours: 6.7, remainingHours: -0.5 });
  });
});
