import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  AssignRoleRequest,
  CreatePersonRequest,
  EndEmploymentRequest,
  IssueOneTimeCodeRequest,
  MovePersonRequest,
  OneTimeCredential,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
  RoleGrant,
  UpdatePersonRequest,
} from '@kunna/contracts';
import { ApiClient, Page } from '../core/api-client';

/** People of the caller's organisation, narrowed by the API to what the caller may see. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly client = inject(ApiClient);

  list(query: PeopleQuery): Promise<Page<PersonSummary>> {
    return this.client.page(ApiRoutes.people.list, { query });
  }

  get(personId: string): Promise<PersonDetail> {
    return this.client.call('GET', ApiRoutes.people.one, { params: { personId } });
  }

  create(request: CreatePersonRequest): Promise<PersonDetail> {
    return this.client.call('POST', ApiRoutes.people.list, { body: request });
  }

  update(personId: string, request: UpdatePersonRequest): Promise<PersonDetail> {
    return this.client.call('PATCH', ApiRoutes.people.one, { params: { personId }, body: request });
  }

  move(personId: string, request: MovePersonRequest): Promise<PersonDetail> {
    return this.client.call('POST', ApiRoutes.people.move, { params: { personId }, body: request });
  }

  end(personId: string, request: EndEmploymentRequest): Promise<PersonDetail> {
    return this.client.call('POST', ApiRoutes.people.end, { params: { personId }, body: request });
  }

  assignRole(personId: string, request: AssignRoleRequest): Promise<RoleGrant> {
    return this.client.call('POST', ApiRoutes.people.roles, { params: { personId }, body: request });
  }

  revokeRole(personId: string, roleId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.people.role, { params: { personId, roleId } });
  }

  issueCode(personId: string, request: IssueOneTimeCodeRequest): Promise<OneTimeCredential> {
    return this.client.call('POST', ApiRoutes.people.oneTimeCode, { params: { personId }, body: request });
  }

  // Only success matters here: the page that asked reloads the person.
  async disable(personId: string): Promise<void> {
    await this.client.call('POST', ApiRoutes.people.disable, { params: { personId } });
  }

  async enable(personId: string): Promise<void> {
    await this.client.call('POST', ApiRoutes.people.enable, { params: { personId } });
  }
}
