import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiRoutes, DigCompArea, ModuleAttachment, ModuleDetail, ModuleProposal, ModuleSummary, ModuleVersion, StarterLibraryResult } from '@kunna/contracts';
import { type Caller, CallerParam, Permit } from '../auth';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import {
  AdaptModuleDto,
  AttachmentFormDto,
  CreateModuleDto,
  DeclineProposalDto,
  ModuleContentDto,
  ModuleListQueryDto,
  ProposeModuleDto,
  PublishModuleDto,
  UpdateModuleDto,
} from './dto/library.dto';
import { ModulesService, UploadedFile as UploadedAttachment } from './modules.service';
import { ProposalsService } from './proposals.service';
import { StarterLibraryService } from './starter-library.service';

@ApiTags('library')
@Controller()
export class ModulesController {
  constructor(
    private readonly modules: ModulesService,
    private readonly starter: StarterLibraryService,
    private readonly proposals: ProposalsService,
  ) {}

  @Permit('modules.digComp')
  @Get(ApiRoutes.library.digComp)
  digComp(): Promise<DigCompArea[]> {
    return this.modules.digComp();
  }

  /** The network's published modules and the caller's organisation's own; drafts for their editors. */
  @Permit('modules.list')
  @Get(ApiRoutes.library.modules)
  list(@CallerParam() caller: Caller, @Query() query: ModuleListQueryDto): Promise<ModuleSummary[]> {
    return this.modules.list(caller, query);
  }

  @Permit('modules.create')
  @Post(ApiRoutes.library.modules)
  create(@CallerParam() caller: Caller, @Body() body: CreateModuleDto): Promise<ModuleDetail> {
    return this.modules.create(caller, body);
  }

  @Permit('modules.detail', { module: 'moduleId' })
  @Get(ApiRoutes.library.module)
  detail(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<ModuleDetail> {
    return this.modules.detail(caller, moduleId);
  }

  @Permit('modules.update', { module: 'moduleId' })
  @Patch(ApiRoutes.library.module)
  update(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: UpdateModuleDto): Promise<ModuleDetail> {
    return this.modules.setArchived(caller, moduleId, body.archived);
  }

  @Permit('modules.saveDraft', { module: 'moduleId' })
  @Put(ApiRoutes.library.draft)
  saveDraft(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: ModuleContentDto): Promise<ModuleDetail> {
    return this.modules.saveDraft(caller, moduleId, body);
  }

  @Permit('modules.discardDraft', { module: 'moduleId' })
  @Delete(ApiRoutes.library.draft)
  @HttpCode(204)
  discardDraft(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<void> {
    return this.modules.discardDraft(caller, moduleId);
  }

  @Permit('modules.draftFromSource', { module: 'moduleId' })
  @Post(ApiRoutes.library.draftFromSource)
  @HttpCode(200)
  draftFromSource(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<ModuleDetail> {
    return this.modules.draftFromSource(caller, moduleId);
  }

  @Permit('modules.publish', { module: 'moduleId' })
  @Post(ApiRoutes.library.publish)
  @HttpCode(200)
  publish(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: PublishModuleDto): Promise<ModuleDetail> {
    return this.modules.publish(caller, moduleId, body.changeNote ?? null);
  }

  @Permit('modules.adapt', { module: 'moduleId' })
  @Post(ApiRoutes.library.adapt)
  adapt(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: AdaptModuleDto): Promise<ModuleDetail> {
    return this.modules.adapt(caller, moduleId, body);
  }

  /** The organisation's editors propose its own module to the network; a pending proposal is answered as it is. */
  @Permit('modules.propose', { module: 'moduleId' })
  @Post(ApiRoutes.library.propose)
  @HttpCode(200)
  propose(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: ProposeModuleDto): Promise<ModuleProposal> {
    return this.proposals.propose(caller, moduleId, body.note ?? null);
  }

  /** The network's pending proposals, for its coordinators. */
  @Permit('modules.pendingProposals')
  @Get(ApiRoutes.library.proposals)
  pendingProposals(@CallerParam() caller: Caller): Promise<ModuleProposal[]> {
    return this.proposals.pending(caller);
  }

  @Permit('modules.acceptProposal')
  @Post(ApiRoutes.library.acceptProposal)
  @HttpCode(200)
  acceptProposal(@CallerParam() caller: Caller, @Param('proposalId', ParseUUIDPipe) proposalId: string): Promise<ModuleProposal> {
    return this.proposals.accept(caller, proposalId);
  }

  @Permit('modules.declineProposal')
  @Post(ApiRoutes.library.declineProposal)
  @HttpCode(200)
  declineProposal(
    @CallerParam() caller: Caller,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: DeclineProposalDto,
  ): Promise<ModuleProposal> {
    return this.proposals.decline(caller, proposalId, body.reason);
  }

  @Permit('modules.addAttachment', { module: 'moduleId' })
  @Post(ApiRoutes.library.draftAttachments)
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' } },
    },
  })
  addAttachment(
    @CallerParam() caller: Caller,
    @Param('moduleId') moduleId: string,
    @UploadedFile() file: UploadedAttachment | undefined,
    @Body() body: AttachmentFormDto,
  ): Promise<ModuleAttachment> {
    return this.modules.addAttachment(caller, moduleId, file, body.title);
  }

  @Permit('modules.removeAttachment', { module: 'moduleId' })
  @Delete(ApiRoutes.library.draftAttachment)
  @HttpCode(204)
  removeAttachment(@Param('moduleId') moduleId: string, @Param('attachmentId') attachmentId: string): Promise<void> {
    return this.modules.removeAttachment(moduleId, attachmentId);
  }

  /** One version, as a session used it (published versions; drafts for editors). */
  @Permit('modules.version', { moduleVersion: 'versionId' })
  @Get(ApiRoutes.library.version)
  version(@CallerParam() caller: Caller, @Param('versionId') versionId: string): Promise<ModuleVersion> {
    return this.modules.version(caller, versionId);
  }

  /** Always a download (never shown inline), with the type detected from the content at upload. */
  @Permit('modules.attachment', { attachment: 'attachmentId' })
  @Get(ApiRoutes.library.attachment)
  async attachment(@Param('attachmentId') attachmentId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.modules.download(attachmentId);
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: contentDisposition(file.fileName),
    });
  }

  /** Loads the starter library into the coordinator's network; running it again adds only what is missing. */
  @Permit('modules.loadStarterLibrary')
  @Post(ApiRoutes.library.starterLibrary)
  @HttpCode(200)
  loadStarterLibrary(@CallerParam() caller: Caller): Promise<StarterLibraryResult> {
    return this.starter.load(caller);
  }
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
