import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AttendanceBatchRequest, AttendanceStatus, CurrentUser } from '@kunna/contracts';
import { Session } from '../core/session';
import { PendingMarks } from './pending-marks';
import { SessionsApi } from './sessions-api';

const USER = { personId: 'ambassador-1', roles: [] } as unknown as CurrentUser;

/** A fake server: answers each batch with what `next` says and remembers what it was sent. */
class FakeApi {
  sent: Array<{ sessionId: string; request: AttendanceBatchRequest }> = [];
  next: 'ok' | 'offline' | 'refuse' = 'ok';
  recordAttendance(sessionId: string, request: AttendanceBatchRequest): Promise<unknown> {
    this.sent.push({ sessionId, request });
    if (this.next === 'offline') return Promise.reject(new HttpErrorResponse({ status: 0 }));
    if (this.next === 'refuse') return Promise.reject(new HttpErrorResponse({ status: 409, error: { message: 'Tillfället är inställt.' } }));
    return Promise.resolve({ results: [], attendance: { sessionId, durationMinutes: 30, rows: [] } });
  }
}

describe('PendingMarks (offline attendance)', () => {
  let api: FakeApi;
  let store: PendingMarks;

  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    api = new FakeApi();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: SessionsApi, useValue: api }] });
    TestBed.inject(Session).user.set(USER);
    store = TestBed.inject(PendingMarks);
  });

  it('keeps marks on the device while there is no network and sends the same marks (same ids) when it returns', async () => {
    api.next = 'offline';
    store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    await store.sync();
    store.add('s1', [{ walkInName: 'Vikarie Vera', status: AttendanceStatus.Present }]);
    await store.sync();
    expect(store.forSession('s1')).toHaveLength(2);
    expect(store.online()).toBe(false);
    expect(JSON.parse(localStorage.getItem('kunna.pendingMarks.ambassador-1') ?? '[]')).toHaveLength(2);
    const ids = store.forSession('s1').map((mark) => mark.id);

    api.next = 'ok';
    await store.sync();
    const last = api.sent.at(-1);
    expect(last?.request.marks.map((mark) => mark.id)).toEqual(ids);
    expect(store.forSession('s1')).toEqual([]);
    expect(localStorage.getItem('kunna.pendingMarks.ambassador-1')).toBeNull();
    expect(store.online()).toBe(true);
  });

  it('withdraws marks: those still waiting are dropped unsent, those the server has are handed back to be cleared there', async () => {
    const sent = store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    await store.sync();
    expect(api.sent).toHaveLength(1);
    api.next = 'offline';
    const waiting = store.add('s1', [{ personId: 'p2', status: AttendanceStatus.Present }]);
    await store.sync();
    expect(store.forSession('s1').map((mark) => mark.id)).toEqual(waiting);

    expect(await store.withdraw([...sent, ...waiting])).toEqual(sent);
    expect(store.forSession('s1')).toEqual([]);
    // The network returns: the withdrawn mark is not sent again (the server never got it).
    const attempts = api.sent.length;
    api.next = 'ok';
    await store.sync();
    expect(api.sent).toHaveLength(attempts);
  });

  it('withdrawing waits for a send in progress, so a mark on its way is cleared on the server rather than lost', async () => {
    const ids = store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    // add() started sending; withdraw must not drop the mark locally while the server is receiving it.
    expect(await store.withdraw(ids)).toEqual(ids);
    expect(api.sent).toHaveLength(1);
  });

  it('replaces an unsent mark of the same person instead of sending both', async () => {
    api.next = 'offline';
    store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Absent }]);
    await store.sync();
    expect(store.forSession('s1').map((mark) => mark.status)).toEqual([AttendanceStatus.Absent]);
  });

  it('shows a batch the server refuses and does not send it again', async () => {
    api.next = 'refuse';
    store.add('s2', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    await store.sync();
    expect(store.rejected().map((rejected) => rejected.message)).toEqual(['Tillfället är inställt.']);
    expect(store.forSession('s2')).toEqual([]);
    const sent = api.sent.length;
    await store.sync();
    expect(api.sent.length).toBe(sent);
  });

  it('keeps each person’s marks apart on a shared tablet', async () => {
    api.next = 'offline';
    store.add('s1', [{ personId: 'p1', status: AttendanceStatus.Present }]);
    await store.sync();
    TestBed.inject(Session).user.set({ ...USER, personId: 'someone-else' });
    await store.sync();
    expect(store.count()).toBe(0);
    expect(localStorage.getItem('kunna.pendingMarks.ambassador-1')).not.toBeNull();
  });
});
