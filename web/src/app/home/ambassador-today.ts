import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TodayAmbassador } from '@kunna/contracts';
import { DateFormatPipe } from '../i18n/format';
import { checkKindKey } from '../checks/labels';
import { TranslatePipe } from '../i18n/i18n';
import { PluralPipe } from './formatting';
import { SessionLine } from './session-line';

/** The ambassador's day: today's sessions with one-tap attendance, what is next, open checks, catch-ups and support. */
@Component({
  selector: 'k-ambassador-today',
  imports: [TranslatePipe, RouterLink, DateFormatPipe, PluralPipe, SessionLine],
  styleUrl: './today.css',
  template: `
    <div class="today-grid">
      <div>
        <h3>{{ 'today.ambassador.today' | t }}</h3>
        <ul class="plain todo">
          @for (session of ambassador().today; track session.id) {
            <li>
              <span>
                <k-session-line [session]="session" [withDate]="false" />
                <br /><span class="muted">{{ 'today.counts.attended' | kPlural: session.attendedCount : { invited: session.invitedCount } }}</span>
              </span>
              <a class="button" [routerLink]="['/tillfallen', session.id, 'narvaro']"
                >{{ 'today.ambassador.takeAttendance' | t }}<span class="visually-hidden">: {{ session.title }}</span></a
              >
            </li>
          } @empty {
            <li class="muted">{{ 'today.ambassador.noToday' | t }}</li>
          }
        </ul>
      </div>
      <div>
        <h3>{{ 'today.ambassador.upcoming' | t }}</h3>
        <ul class="plain todo">
          @for (session of ambassador().upcoming; track session.id) {
            <li>
              <span><k-session-line [session]="session" /></span>
            </li>
          } @empty {
            <li class="muted">{{ 'today.ambassador.noUpcoming' | t }}</li>
          }
        </ul>
        <p>
          <a routerLink="/tillfallen">{{ 'nav.sessions' | t }}</a>
        </p>
      </div>
      <div>
        <h3>{{ 'today.ambassador.rounds' | t }}</h3>
        <ul class="plain todo">
          @for (round of ambassador().openRounds; track round.roundId) {
            <li>
              <span>
                <strong>{{ round.title }}</strong>
                <span class="muted"> · {{ checkKindKey(round.kind) | t }} · {{ round.unit.name }}</span>
                <br />{{ 'today.counts.answered' | kPlural: round.answered : { invited: round.invited } }}
                @if (round.closesOn) {
                  · {{ 'today.ambassador.closesOn' | t: { date: (round.closesOn | kDate) } }}
                }
              </span>
            </li>
          } @empty {
            <li class="muted">{{ 'today.ambassador.noRounds' | t }}</li>
          }
        </ul>
        <p>
          <a routerLink="/matningar">{{ 'today.ambassador.toChecks' | t }}</a>
        </p>
      </div>
      <div>
        <h3>{{ 'today.ambassador.catchUp' | t }}</h3>
        <ul class="plain todo">
          @for (unit of ambassador().units; track unit.unit.id) {
            <li>
              <span>
                <strong>{{ unit.unit.name }}</strong><br />
                @if (unit.catchUpPeople || unit.followUpsDue) {
                  {{ 'today.counts.catchUp' | kPlural: unit.catchUpPeople }}, {{ 'today.counts.followUps' | kPlural: unit.followUpsDue }}
                } @else {
                  <span class="muted">{{ 'today.ambassador.nothingToCatchUp' | t }}</span>
                }
                <br /><a [routerLink]="['/enheter', unit.unit.id]"
                  >{{ 'home.ambassador.staffList' | t }}<span class="visually-hidden">: {{ unit.unit.name }}</span></a
                >
              </span>
            </li>
          }
        </ul>
        <p>
          <a routerLink="/tillfallen/uppfoljning">{{ 'today.ambassador.planCatchUp' | t }}</a>
        </p>
      </div>
      <div>
        <h3>{{ 'today.ambassador.support' | t }}</h3>
        <ul class="plain todo">
          @for (entry of ambassador().recentSupport; track entry.id) {
            <li>
              <span>{{ entry.date | kDate }}: {{ entry.topic }} ({{ 'today.counts.minutes' | kPlural: entry.minutes }})</span>
            </li>
          } @empty {
            <li class="muted">{{ 'today.ambassador.noSupport' | t }}</li>
          }
        </ul>
        <p>
          <a routerLink="/tillfallen/stod">{{ 'today.ambassador.logSupport' | t }}</a>
        </p>
      </div>
    </div>
  `,
})
export class AmbassadorToday {
  protected readonly checkKindKey = checkKindKey;
  readonly ambassador = input.required<TodayAmbassador>();
}
