import { Injectable, inject } from '@angular/core';
import { ApiRoutes, MyPersonalData, PersonalDataRetention, PseudonymiseResult, routePath } from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The signed-in person's own data; retention and pseudonymisation for administrators. */
@Injectable({ providedIn: 'root' })
export class PersonalDataApi {
  private readonly client = inject(ApiClient);

  mine(): Promise<MyPersonalData> {
    return this.client.get<MyPersonalData>(ApiRoutes.personalData.mine);
  }

  retention(): Promise<PersonalDataRetention> {
    return this.client.get<PersonalDataRetention>(ApiRoutes.personalData.retention);
  }

  setRetention(retentionMonths: number | null): Promise<PersonalDataRetention> {
    return this.client.put<PersonalDataRetention>(ApiRoutes.personalData.retention, { retentionMonths });
  }

  pseudonymise(personId: string): Promise<PseudonymiseResult> {
    return this.client.post<PseudonymiseResult>(routePath(ApiRoutes.personalData.pseudonymise, { personId }));
  }
}
