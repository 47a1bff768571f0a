import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TodayMine } from '@kunna/contracts';
import { DateFormatPipe } from '../i18n/format';
import { checkKindKey } from '../checks/labels';
import { TranslatePipe } from '../i18n/i18n';
import { PluralPipe } from './formatting';
import { SessionLine } from './session-line';

/** Everyone's "to do now": the check waiting ("Svara nu"), the next sessions and a short summary of the own progress. */
@Component({
  selector: 'k-mine-today',
  imports: [TranslatePipe, RouterLink, DateFormatPipe, PluralPipe, SessionLine],
  styleUrl: './today.css',
  template: `
    <section aria-labelledby="mine-today">
      <h2 id="mine-today">{{ 'today.mine.title' | t }}</h2>
      <div class="today-grid">
        <div>
          <h3>{{ 'today.mine.checks' | t }}</h3>
          <ul class="plain todo">
            @for (check of mine().pendingChecks; track check.code) {
              <li>
                <span>
                  <strong>{{ check.title }}</strong>
                  <span class="muted">
                    · {{ checkKindKey(check.kind) | t }}
                    @if (check.status === 'in_progress') {
                      ({{ 'today.mine.started' | t }})
                    }
                  </span>
                </span>
                <a class="button" [routerLink]="['/m', check.code]"
                  >{{ 'today.mine.answerNow' | t }}<span class="visually-hidden">: {{ check.title }}</span></a
                >
              </li>
            } @empty {
              <li class="muted">{{ 'today.mine.noChecks' | t }}</li>
            }
          </ul>
        </div>
        <div>
          <h3>{{ 'today.mine.sessions' | t }}</h3>
          <ul class="plain todo">
            @for (session of mine().nextSessions; track session.id) {
              <li>
                <span><k-session-line [session]="session" /></span>
              </li>
            } @empty {
              <li class="muted">{{ 'today.mine.noSessions' | t }}</li>
            }
          </ul>
        </div>
        <div>
          <h3>{{ 'today.mine.progress' | t }}</h3>
          <p>
            {{ 'today.mine.progressSince' | t: { date: (mine().progress.from | kDate) } }}
            {{ 'today.counts.sessionsAttended' | kPlural: mine().progress.sessionsAttended }}, {{ 'today.counts.hours' | kPlural: mine().progress.hours }},
            {{ 'today.counts.checksAnswered' | kPlural: mine().progress.checksAnswered }}.
          </p>
          <p>
            <a routerLink="/min-utveckling">{{ 'today.mine.myDevelopment' | t }}</a>
          </p>
        </div>
      </div>
    </section>
  `,
})
export class MineToday {
  protected readonly checkKindKey = checkKindKey;
  readonly mine = input.required<TodayMine>();
}
