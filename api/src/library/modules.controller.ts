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
import {
  ApiRoutes,
  DigCompArea,
  ModuleAttachment,
  ModuleDetail,
  ModuleProposal,
  ModuleSummary,
  ModuleVersion,
  Role,
  StarterLibraryResult,
} from '@kunna/contracts';
import { Access, ANY, type Caller, CallerParam } from '../auth';
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
import { LibraryTarget } from './library-access.guard';
import { ModulesService, UploadedFile as UploadedAttachment } from './modules.service';
import { ProposalsService } from './proposals.service';
import { StarterLibraryService } from './starter-library.service';

/** Everyone signed in reads; network coordinators edit network modules, HR and administrators their organisation's. */
const EDITOR_ROLES = [Role.NetworkCoordinator, Role.Hr, Role.OrgAdmin];
const ADAPTER_ROLES = [Role.Hr, Role.OrgAdmin];

@ApiTags('library')
@Controller()
export class ModulesController {
  constructor(
    private readonly modules: ModulesService,
    private readonly starter: StarterLibraryService,
    private readonly proposals: ProposalsService,
  ) {}

  @Access({ roles: [Role.Staff], target: ANY })
  @Get(ApiRoutes.library.digComp)
  digComp(): Promise<DigCompArea[]> {
    return this.modules.digComp();
  }

  /** The network's published modules and the caller's organisation's own; drafts for their editors. */
  @Access({ roles: [Role.Staff], target: ANY })
  @Get(ApiRoutes.library.modules)
  list(@CallerParam() caller: Caller, @Query() query: ModuleListQueryDto): Promise<ModuleSummary[]> {
    return this.modules.list(caller, query);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @Post(ApiRoutes.library.modules)
  create(@CallerParam() caller: Caller, @Body() body: CreateModuleDto): Promise<ModuleDetail> {
    return this.modules.create(caller, body);
  }

  @Access({ roles: [Role.Staff], target: ANY })
  @LibraryTarget('module', 'read', 'moduleId')
  @Get(ApiRoutes.library.module)
  detail(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<ModuleDetail> {
    return this.modules.detail(caller, moduleId);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Patch(ApiRoutes.library.module)
  update(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: UpdateModuleDto): Promise<ModuleDetail> {
    return this.modules.setArchived(caller, moduleId, body.archived);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Put(ApiRoutes.library.draft)
  saveDraft(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: ModuleContentDto): Promise<ModuleDetail> {
    return this.modules.saveDraft(caller, moduleId, body);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Delete(ApiRoutes.library.draft)
  @HttpCode(204)
  discardDraft(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<void> {
    return this.modules.discardDraft(caller, moduleId);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Post(ApiRoutes.library.draftFromSource)
  @HttpCode(200)
  draftFromSource(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string): Promise<ModuleDetail> {
    return this.modules.draftFromSource(caller, moduleId);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Post(ApiRoutes.library.publish)
  @HttpCode(200)
  publish(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: PublishModuleDto): Promise<ModuleDetail> {
    return this.modules.publish(caller, moduleId, body.changeNote ?? null);
  }

  @Access({ roles: ADAPTER_ROLES, target: ANY })
  @LibraryTarget('module', 'adapt', 'moduleId')
  @Post(ApiRoutes.library.adapt)
  adapt(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: AdaptModuleDto): Promise<ModuleDetail> {
    return this.modules.adapt(caller, moduleId, body);
  }

  /** The organisation's editors propose its own module to the network; a pending proposal is answered as it is. */
  @Access({ roles: ADAPTER_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Post(ApiRoutes.library.propose)
  @HttpCode(200)
  propose(@CallerParam() caller: Caller, @Param('moduleId') moduleId: string, @Body() body: ProposeModuleDto): Promise<ModuleProposal> {
    return this.proposals.propose(caller, moduleId, body.note ?? null);
  }

  /** The network's pending proposals, for its coordinators. */
  @Access({ roles: [Role.NetworkCoordinator], target: ANY })
  @Get(ApiRoutes.library.proposals)
  pendingProposals(@CallerParam() caller: Caller): Promise<ModuleProposal[]> {
    return this.proposals.pending(caller);
  }

  @Access({ roles: [Role.NetworkCoordinator], target: ANY })
  @Post(ApiRoutes.library.acceptProposal)
  @HttpCode(200)
  acceptProposal(@CallerParam() caller: Caller, @Param('proposalId', ParseUUIDPipe) proposalId: string): Promise<ModuleProposal> {
    return this.proposals.accept(caller, proposalId);
  }

  @Access({ roles: [Role.NetworkCoordinator], target: ANY })
  @Post(ApiRoutes.library.declineProposal)
  @HttpCode(200)
  declineProposal(
    @CallerParam() caller: Caller,
    @Param('proposalId', ParseUUIDPipe) proposalId: string,
    @Body() body: DeclineProposalDto,
  ): Promise<ModuleProposal> {
    return this.proposals.decline(caller, proposalId, body.reason);
  }

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
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

  @Access({ roles: EDITOR_ROLES, target: ANY })
  @LibraryTarget('module', 'edit', 'moduleId')
  @Delete(ApiRoutes.library.draftAttachment)
  @HttpCode(204)
  removeAttachment(@Param('moduleId') moduleId: string, @Param('attachmentId') attachmentId: string): Promise<void> {
    return this.modules.removeAttachment(moduleId, attachmentId);
  }

  /** One version, as a session used it (published versions; drafts for editors). */
  @Access({ roles: [Role.Staff], target: ANY })
  @LibraryTarget('version', 'read', 'versionId')
  @Get(ApiRoutes.library.version)
  version(@CallerParam() caller: Caller, @Param('versionId') versionId: string): Promise<ModuleVersion> {
    return this.modules.version(caller, versionId);
  }

  /** Always a download (never shown inline), with the type detected from the content at upload. */
  @Access({ roles: [Role.Staff], target: ANY })
  @LibraryTarget('attachment', 'read', 'attachmentId')
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
  @Access({ roles: [Role.NetworkCoordinator], target: ANY })
  @Post(ApiRoutes.library.starterLibrary)
  @HttpCode(200)
  loadStarterLibrary(@CallerParam() caller: Caller): Promise<StarterLibraryResult> {
    return this.starter.load(caller);
  }
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
