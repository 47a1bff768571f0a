import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MyAmbassadorOverview, UnitRef } from '@kunna/contracts';
import { problemKey } from '../core/problem';
import { remoteOnce } from '../core/remote';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { allocationKindKey, qualificationStatusKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';

/** An ambassador's own appointments and the modules they may deliver (part of the ambassadors page). */
@Component({
  selector: 'k-my-ambassador-panel',
  imports: [TranslatePipe, RouterLink, DateFormatPipe],
  templateUrl: './my-ambassador-panel.html',
  styleUrl: './ambassadors.css',
})
export class MyAmbassadorPanel {
  private readonly api = inject(AmbassadorsApi);
  protected readonly problemKey = problemKey;
  protected readonly allocationKindKey = allocationKindKey;
  protected readonly qualificationStatusKey = qualificationStatusKey;
  protected readonly mine = remoteOnce<MyAmbassadorOverview>(() => this.api.mine());

  protected unitNames(units: UnitRef[]): string {
    return units.map((unit) => unit.name).join(', ');
  }
}
