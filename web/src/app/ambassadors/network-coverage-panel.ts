import { Component, inject } from '@angular/core';
import { NetworkCoverage, NetworkReach } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { NumberFormatPipe } from '../i18n/format';
import { TranslatePipe } from '../i18n/i18n';
import { AmbassadorsApi } from './ambassadors-api';

/** For network coordinators: coverage and reach per organisation, counts only (part of the ambassadors page). */
@Component({
  selector: 'k-network-coverage-panel',
  imports: [TranslatePipe, NumberFormatPipe],
  templateUrl: './network-coverage-panel.html',
  styleUrl: './ambassadors.css',
})
export class NetworkCoveragePanel {
  private readonly api = inject(AmbassadorsApi);
  protected readonly network = remoteOnce<NetworkCoverage[]>(() => this.api.networkCoverage());
  protected readonly networkReach = remoteOnce<NetworkReach[]>(() => this.api.networkReach());
}
