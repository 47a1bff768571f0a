import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { Feedback } from './feedback';

describe('Feedback (toast and announcement)', () => {
  let feedback: Feedback;
  let spoken: Array<[string, string | undefined]>;

  beforeEach(() => {
    jest.useFakeTimers();
    spoken = [];
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        { provide: LiveAnnouncer, useValue: { announce: (text: string, politeness?: string) => (spoken.push([text, politeness]), Promise.resolve()) } },
      ],
    });
    feedback = TestBed.inject(Feedback);
  });
  afterEach(() => {
    document.querySelector('.cdk-overlay-container')?.remove();
    jest.useRealTimers();
  });

  it('shows the message in a toast and says it politely; an error assertively; the toast goes after its time', () => {
    feedback.tell('Tillfället är sparat.');
    expect(feedback.current()?.text).toBe('Tillfället är sparat.');
    expect(spoken).toEqual([['Tillfället är sparat.', 'polite']]);
    TestBed.tick();
    expect(document.querySelector('[data-testid="toast"]')?.textContent).toContain('Tillfället är sparat.');
    jest.advanceTimersByTime(6_000);
    expect(feedback.current()).toBeNull();

    feedback.tell('Det gick inte.', { kind: 'error' });
    expect(spoken.at(-1)).toEqual(['Det gick inte.', 'assertive']);
    jest.advanceTimersByTime(6_000);
    expect(feedback.current()?.text).toBe('Det gick inte.');
    jest.advanceTimersByTime(4_000);
    expect(feedback.current()).toBeNull();
  });

  it('runs an offered action once, within its ten seconds, and closes the toast', async () => {
    let undone = 0;
    const first = feedback.tell('Markerade som närvarande: 3.', { action: { label: 'Ångra', run: () => void undone++ } });
    expect(spoken.at(-1)?.[0]).toBe('Markerade som närvarande: 3. Ångra?');
    await feedback.act(first.id);
    await feedback.act(first.id);
    expect(undone).toBe(1);
    expect(feedback.current()).toBeNull();

    const second = feedback.tell('Markerade som närvarande: 2.', { action: { label: 'Ångra', run: () => void undone++ } });
    jest.advanceTimersByTime(10_000);
    await feedback.act(second.id);
    expect(undone).toBe(1);
  });

  it('a toast with an action takes the focus and gives it back when it closes (Escape, its time, its action); one without leaves it', async () => {
    const origin = document.body.appendChild(document.createElement('button'));
    origin.focus();
    feedback.tell('Sparat.');
    TestBed.tick();
    expect(document.activeElement).toBe(origin);

    const undo = { label: 'Ångra', run: () => undefined };
    feedback.tell('Markerade som närvarande: 3.', { action: undo });
    TestBed.tick();
    const actionButton = () =>
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="toast"] button')].find((button) => button.textContent.trim() === 'Ångra');
    expect(document.activeElement).toBe(actionButton());
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(feedback.current()).toBeNull();
    expect(document.activeElement).toBe(origin);

    feedback.tell('Markerade som närvarande: 2.', { action: undo });
    TestBed.tick();
    expect(document.activeElement).toBe(actionButton());
    jest.advanceTimersByTime(10_000);
    expect(document.activeElement).toBe(origin);

    const last = feedback.tell('Markerade som närvarande: 1.', { action: undo });
    TestBed.tick();
    expect(document.activeElement).toBe(actionButton());
    // The action may disable where the user was until it is done ("mark all" while everyone is marked).
    origin.disabled = true;
    await feedback.act(last.id);
    origin.disabled = false;
    TestBed.tick();
    expect(document.activeElement).toBe(origin);
    origin.remove();
  });

  it('a newer message replaces the toast: the older action can no longer run', async () => {
    let undone = 0;
    const older = feedback.tell('Markerade som närvarande: 3.', { action: { label: 'Ångra', run: () => void undone++ } });
    feedback.tell('Markeringen för Anna är borttagen.');
    await feedback.act(older.id);
    expect(undone).toBe(0);
    expect(feedback.current()?.text).toBe('Markeringen för Anna är borttagen.');
  });
});
