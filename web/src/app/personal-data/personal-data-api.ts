import { Injectable, inject } from '@angular/core';
import { ApiRoutes, MyPersonalData, PersonalDataRetention, PseudonymiseResult } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The signed-in person's own data; retention and pseudonymisation for administrators. */
@Injectable({ providedIn: 'root' })
export class PersonalDataApi {
  private readonly client = inject(ApiClient);

  mine(): Promise<MyPersonalData> {
    return this.client.call('GET', ApiRoutes.personalData.mine);
  }

  retention(): Promise<PersonalDataRetention> {
    return this.client.call('GET', ApiRoutes.personalData.retention);
  }

  setRetention(retentionMonths: number | null): Promise<PersonalDataRetention> {
    return this.client.call('PUT', ApiRoutes.personalData.retention, { body: { retentionMonths } });
  }

  pseudonymise(personId: string): Promise<PseudonymiseResult> {
    return this.client.call('POST', ApiRoutes.personalData.pseudonymise, { params: { personId } });
  }
}
