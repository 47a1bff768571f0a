import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TodayUnitAttention } from '@kunna/contracts';
import { Permissions } from '../core/permissions';
import { TranslatePipe } from '../i18n/i18n';
import { PercentPipe, PluralPipe } from './formatting';

/** What needs a manager's attention in one unit, each item linking to where Insikt shows it (team view, targets, competence). */
@Component({
  selector: 'k-unit-attention',
  imports: [TranslatePipe, RouterLink, PluralPipe, PercentPipe],
  styleUrl: './today.css',
  template: `
    <h3>{{ attention().unit.name }}</h3>
    <ul class="plain attention">
      @if (attention().newWithoutIntroduction) {
        <li>
          <a routerLink="/insikt" [queryParams]="{ unitId: attention().unit.id }" fragment="team-heading">{{
            'today.counts.newStaff' | kPlural: attention().newWithoutIntroduction
          }}</a>
        </li>
      }
      @if (attention().targetsBehind) {
        <li>
          <a routerLink="/insikt" [queryParams]="{ unitId: attention().unit.id }" fragment="targets-heading">{{
            'today.counts.targetsBehind' | kPlural: attention().targetsBehind
          }}</a>
        </li>
      }
      @if (attention().missedModule) {
        <li>
          <a routerLink="/insikt" [queryParams]="{ unitId: attention().unit.id }" fragment="team-heading">{{
            'today.counts.missedModule' | kPlural: attention().missedModule
          }}</a>
        </li>
      }
      @if (attention().pairing.low) {
        <li>
          <a routerLink="/insikt" [queryParams]="{ unitId: attention().unit.id, competenceUnit: attention().unit.id }" fragment="competence-heading">{{
            'today.manager.pairingLow' | t: { percent: (attention().pairing.percent | kPercent) }
          }}</a>
        </li>
      } @else if (attention().pairing.withheld) {
        <li class="muted">{{ 'today.manager.pairingWithheld' | t }}</li>
      }
      @if (allGood()) {
        <li class="muted">{{ 'today.manager.allGood' | t }}</li>
      }
    </ul>
    <p class="actions">
      <a [routerLink]="['/enheter', attention().unit.id]"
        >{{ 'home.ambassador.staffList' | t }}<span class="visually-hidden">: {{ attention().unit.name }}</span></a
      >
      <a routerLink="/insikt" [queryParams]="{ unitId: attention().unit.id }"
        >{{ 'today.manager.openInsights' | t }}<span class="visually-hidden">: {{ attention().unit.name }}</span></a
      >
      @if (permissions.addsTo(attention().unit.id)) {
        <a [routerLink]="['/enheter', attention().unit.id]" fragment="lagg-till"
          >{{ 'home.manager.addPerson' | t }}<span class="visually-hidden">: {{ attention().unit.name }}</span></a
        >
      }
    </p>
  `,
})
export class UnitAttention {
  protected readonly permissions = inject(Permissions);
  readonly attention = input.required<TodayUnitAttention>();
  protected readonly allGood = computed(() => {
    const unit = this.attention();
    return !unit.newWithoutIntroduction && !unit.targetsBehind && !unit.missedModule && !unit.pairing.low && !unit.pairing.withheld;
  });
}
