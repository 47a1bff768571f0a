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
  routePath,
} from '@kunna/contracts';
import { ApiClient, Page } from '../core/api-client';

const one = (template: string, personId: string, extra: Record<string, string> = {}) => routePath(template, { personId, ...extra });

/** People of the caller's organisation, narrowed by the API to what the caller may see. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly client = inject(ApiClient);

  list(query: PeopleQuery): Promise<Page<PersonSummary>> {
    return this.client.page<PersonSummary>(ApiRoutes.people.list, { ...query });
  }

  get(personId: string): Promise<PersonDetail> {
    return this.client.get<PersonDetail>(one(ApiRoutes.people.one, personId));
  }

  create(request: CreatePersonRequest): Promise<PersonDetail> {
    return this.client.post<PersonDetail>(ApiRoutes.people.list, request);
  }

  update(personId: string, request: UpdatePersonRequest): Promise<PersonDetail> {
    return this.client.patch<PersonDetail>(one(ApiRoutes.people.one, personId), request);
  }

  move(personId: string, request: MovePersonRequest): Promise<PersonDetail> {
    return this.client.post<PersonDetail>(one(ApiRoutes.people.move, personId), request);
  }

  end(personId: string, request: EndEmploymentRequest): Promise<PersonDetail> {
    return this.client.post<PersonDetail>(one(ApiRoutes.people.end, personId), request);
  }

  assignRole(personId: string, request: AssignRoleRequest): Promise<RoleGrant> {
    return this.client.post<RoleGrant>(one(ApiRoutes.people.roles, personId), request);
  }

  revokeRole(personId: string, roleId: string): Promise<void> {
    return this.client.delete(one(ApiRoutes.people.role, personId, { roleId }));
  }

  issueCode(personId: string, request: IssueOneTimeCodeRequest): Promise<OneTimeCredential> {
    return this.client.post<OneTimeCredential>(one(ApiRoutes.people.oneTimeCode, personId), request);
  }

  disable(personId: string): Promise<void> {
    return this.client.post(one(ApiRoutes.people.disable, personId));
  }

  enable(personId: string): Promise<void> {
    return this.client.post(one(ApiRoutes.people.enable, personId));
  }
}
