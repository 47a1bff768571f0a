import { Injectable, inject } from '@angular/core';
import {
  AdaptModuleRequest,
  ApiRoutes,
  CreateModuleRequest,
  CreateProgramAssignmentRequest,
  CreateProgramRequest,
  DigCompArea,
  ModuleAttachment,
  ModuleContentInput,
  ModuleDetail,
  ModuleListQuery,
  ModuleProposal,
  ModuleSummary,
  ModuleVersion,
  ProgramAssignment,
  ProgramDetail,
  ProgramListQuery,
  ProgramSummary,
  UpdateProgramRequest,
  routePath,
} from '@kunna/contracts';
import { api, ApiClient, Query } from '../core/api-client';

/** The module library and programs (the API decides who sees and edits what). */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly client = inject(ApiClient);
  private digCompAreas: Promise<DigCompArea[]> | null = null;

  /** DigComp 2.2 is reference data: fetched once per page load. */
  digComp(): Promise<DigCompArea[]> {
    this.digCompAreas ??= this.client.get<DigCompArea[]>(ApiRoutes.library.digComp).catch((error: unknown) => {
      this.digCompAreas = null;
      throw error;
    });
    return this.digCompAreas;
  }

  modules(query: ModuleListQuery = {}): Promise<ModuleSummary[]> {
    return this.client.get<ModuleSummary[]>(ApiRoutes.library.modules, query as Query);
  }

  module(moduleId: string): Promise<ModuleDetail> {
    return this.client.get<ModuleDetail>(routePath(ApiRoutes.library.module, { moduleId }));
  }

  version(versionId: string): Promise<ModuleVersion> {
    return this.client.get<ModuleVersion>(routePath(ApiRoutes.library.version, { versionId }));
  }

  create(request: CreateModuleRequest): Promise<ModuleDetail> {
    return this.client.post<ModuleDetail>(ApiRoutes.library.modules, request);
  }

  saveDraft(moduleId: string, content: ModuleContentInput): Promise<ModuleDetail> {
    return this.client.put<ModuleDetail>(routePath(ApiRoutes.library.draft, { moduleId }), content);
  }

  discardDraft(moduleId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.library.draft, { moduleId }));
  }

  draftFromSource(moduleId: string): Promise<ModuleDetail> {
    return this.client.post<ModuleDetail>(routePath(ApiRoutes.library.draftFromSource, { moduleId }));
  }

  publish(moduleId: string, changeNote: string | null): Promise<ModuleDetail> {
    return this.client.post<ModuleDetail>(routePath(ApiRoutes.library.publish, { moduleId }), { changeNote });
  }

  setArchived(moduleId: string, archived: boolean): Promise<ModuleDetail> {
    return this.client.patch<ModuleDetail>(routePath(ApiRoutes.library.module, { moduleId }), { archived });
  }

  adapt(moduleId: string, request: AdaptModuleRequest = {}): Promise<ModuleDetail> {
    return this.client.post<ModuleDetail>(routePath(ApiRoutes.library.adapt, { moduleId }), request);
  }

  /** Proposes the organisation's own module to the network (answers the pending proposal when there is one). */
  propose(moduleId: string, note: string | null = null): Promise<ModuleProposal> {
    return this.client.post<ModuleProposal>(routePath(ApiRoutes.library.propose, { moduleId }), { note });
  }

  /** The network's pending proposals (coordinators). */
  proposals(): Promise<ModuleProposal[]> {
    return this.client.get<ModuleProposal[]>(ApiRoutes.library.proposals);
  }

  acceptProposal(proposalId: string): Promise<ModuleProposal> {
    return this.client.post<ModuleProposal>(routePath(ApiRoutes.library.acceptProposal, { proposalId }));
  }

  declineProposal(proposalId: string, reason: string): Promise<ModuleProposal> {
    return this.client.post<ModuleProposal>(routePath(ApiRoutes.library.declineProposal, { proposalId }), { reason });
  }

  addAttachment(moduleId: string, file: File, title: string): Promise<ModuleAttachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (title.trim()) form.append('title', title.trim());
    return this.client.post<ModuleAttachment>(routePath(ApiRoutes.library.draftAttachments, { moduleId }), form);
  }

  removeAttachment(moduleId: string, attachmentId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.library.draftAttachment, { moduleId, attachmentId }));
  }

  /** A plain link: the API answers with a download (Content-Disposition: attachment). */
  attachmentUrl(attachmentId: string): string {
    return api(routePath(ApiRoutes.library.attachment, { attachmentId }));
  }

  programs(query: ProgramListQuery = {}): Promise<ProgramSummary[]> {
    return this.client.get<ProgramSummary[]>(ApiRoutes.library.programs, query as Query);
  }

  program(programId: string): Promise<ProgramDetail> {
    return this.client.get<ProgramDetail>(routePath(ApiRoutes.library.program, { programId }));
  }

  createProgram(request: CreateProgramRequest): Promise<ProgramDetail> {
    return this.client.post<ProgramDetail>(ApiRoutes.library.programs, request);
  }

  updateProgram(programId: string, request: UpdateProgramRequest): Promise<ProgramDetail> {
    return this.client.patch<ProgramDetail>(routePath(ApiRoutes.library.program, { programId }), request);
  }

  assignments(programId: string, includeEnded = false): Promise<ProgramAssignment[]> {
    return this.client.get<ProgramAssignment[]>(routePath(ApiRoutes.library.programAssignments, { programId }), {
      includeEnded: includeEnded ? 'true' : undefined,
    });
  }

  assign(programId: string, request: CreateProgramAssignmentRequest): Promise<ProgramAssignment> {
    return this.client.post<ProgramAssignment>(routePath(ApiRoutes.library.programAssignments, { programId }), request);
  }

  endAssignment(programId: string, assignmentId: string): Promise<void> {
    return this.client.delete(routePath(ApiRoutes.library.programAssignment, { programId, assignmentId }));
  }

  unitPrograms(unitId: string): Promise<ProgramAssignment[]> {
    return this.client.get<ProgramAssignment[]>(routePath(ApiRoutes.library.unitPrograms, { unitId }));
  }
}
