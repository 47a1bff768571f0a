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
} from '@kunna/contracts';
import { ApiClient } from '../core/api-client';

/** The module library and programs (the API decides who sees and edits what). */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly client = inject(ApiClient);
  private digCompAreas: Promise<DigCompArea[]> | null = null;

  /** DigComp 2.2 is reference data: fetched once per page load. */
  digComp(): Promise<DigCompArea[]> {
    this.digCompAreas ??= this.client.call('GET', ApiRoutes.library.digComp).catch((error: unknown) => {
      this.digCompAreas = null;
      throw error;
    });
    return this.digCompAreas;
  }

  modules(query: ModuleListQuery = {}): Promise<ModuleSummary[]> {
    return this.client.call('GET', ApiRoutes.library.modules, { query });
  }

  module(moduleId: string): Promise<ModuleDetail> {
    return this.client.call('GET', ApiRoutes.library.module, { params: { moduleId } });
  }

  version(versionId: string): Promise<ModuleVersion> {
    return this.client.call('GET', ApiRoutes.library.version, { params: { versionId } });
  }

  create(request: CreateModuleRequest): Promise<ModuleDetail> {
    return this.client.call('POST', ApiRoutes.library.modules, { body: request });
  }

  saveDraft(moduleId: string, content: ModuleContentInput): Promise<ModuleDetail> {
    return this.client.call('PUT', ApiRoutes.library.draft, { params: { moduleId }, body: content });
  }

  discardDraft(moduleId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.library.draft, { params: { moduleId } });
  }

  draftFromSource(moduleId: string): Promise<ModuleDetail> {
    return this.client.call('POST', ApiRoutes.library.draftFromSource, { params: { moduleId } });
  }

  publish(moduleId: string, changeNote: string | null): Promise<ModuleDetail> {
    return this.client.call('POST', ApiRoutes.library.publish, { params: { moduleId }, body: { changeNote } });
  }

  setArchived(moduleId: string, archived: boolean): Promise<ModuleDetail> {
    return this.client.call('PATCH', ApiRoutes.library.module, { params: { moduleId }, body: { archived } });
  }

  adapt(moduleId: string, request: AdaptModuleRequest = {}): Promise<ModuleDetail> {
    return this.client.call('POST', ApiRoutes.library.adapt, { params: { moduleId }, body: request });
  }

  /** Proposes the organisation's own module to the network (answers the pending proposal when there is one). */
  propose(moduleId: string, note: string | null = null): Promise<ModuleProposal> {
    return this.client.call('POST', ApiRoutes.library.propose, { params: { moduleId }, body: { note } });
  }

  /** The network's pending proposals (coordinators). */
  proposals(): Promise<ModuleProposal[]> {
    return this.client.call('GET', ApiRoutes.library.proposals);
  }

  acceptProposal(proposalId: string): Promise<ModuleProposal> {
    return this.client.call('POST', ApiRoutes.library.acceptProposal, { params: { proposalId } });
  }

  declineProposal(proposalId: string, reason: string): Promise<ModuleProposal> {
    return this.client.call('POST', ApiRoutes.library.declineProposal, { params: { proposalId }, body: { reason } });
  }

  addAttachment(moduleId: string, file: File, title: string): Promise<ModuleAttachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (title.trim()) form.append('title', title.trim());
    return this.client.call('POST', ApiRoutes.library.draftAttachments, { params: { moduleId }, body: form });
  }

  removeAttachment(moduleId: string, attachmentId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.library.draftAttachment, { params: { moduleId, attachmentId } });
  }

  /** A plain link: the API answers with a download (Content-Disposition: attachment). */
  attachmentUrl(attachmentId: string): string {
    return this.client.link(ApiRoutes.library.attachment, { params: { attachmentId } });
  }

  programs(query: ProgramListQuery = {}): Promise<ProgramSummary[]> {
    return this.client.call('GET', ApiRoutes.library.programs, { query });
  }

  program(programId: string): Promise<ProgramDetail> {
    return this.client.call('GET', ApiRoutes.library.program, { params: { programId } });
  }

  createProgram(request: CreateProgramRequest): Promise<ProgramDetail> {
    return this.client.call('POST', ApiRoutes.library.programs, { body: request });
  }

  updateProgram(programId: string, request: UpdateProgramRequest): Promise<ProgramDetail> {
    return this.client.call('PATCH', ApiRoutes.library.program, { params: { programId }, body: request });
  }

  assignments(programId: string, includeEnded = false): Promise<ProgramAssignment[]> {
    return this.client.call('GET', ApiRoutes.library.programAssignments, { params: { programId }, query: { includeEnded: includeEnded ? 'true' : undefined } });
  }

  assign(programId: string, request: CreateProgramAssignmentRequest): Promise<ProgramAssignment> {
    return this.client.call('POST', ApiRoutes.library.programAssignments, { params: { programId }, body: request });
  }

  endAssignment(programId: string, assignmentId: string): Promise<void> {
    return this.client.call('DELETE', ApiRoutes.library.programAssignment, { params: { programId, assignmentId } });
  }

  unitPrograms(unitId: string): Promise<ProgramAssignment[]> {
    return this.client.call('GET', ApiRoutes.library.unitPrograms, { params: { unitId } });
  }
}
