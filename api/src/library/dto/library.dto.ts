import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  AdaptModuleRequest,
  CompetenceDimension,
  CreateModuleRequest,
  CreateProgramAssignmentRequest,
  CreateProgramRequest,
  DeclineProposalRequest,
  GlossaryEntry,
  KnowledgeItemInput,
  KnowledgeItemKind,
  KnowledgeOption,
  LIBRARY_LIMITS as L,
  ModuleContentInput,
  ModuleExercise,
  ModuleFormat,
  ModuleLink,
  ModuleListQuery,
  ModuleTargetGroup,
  Ownership,
  ProgramAssignmentListQuery,
  ProgramAssignmentTarget,
  ProgramDeadlineBase,
  ProgramKind,
  ProgramListQuery,
  ProgramStepInput,
  ProposeModuleRequest,
  PublishModuleRequest,
  UpdateModuleRequest,
  UpdateProgramRequest,
} from '@kunna/contracts';
import { IfNotNull, IfPresent, IsDateOnly, Trim, TrimToNull } from '../../common/validation';
import { safeHref } from '../markdown';

/*
 * class-validator runs a property's validators in the order they are registered and, with
 * `stopAtFirstError`, reports the first failure. Decorators apply from the property upwards, and
 * applyDecorators applies its list in order: the type check comes first in each list below.
 */

/** Required text: trimmed, not empty, at most `max` characters. */
function RequiredText(label: string, max: number) {
  return applyDecorators(
    IsString({ message: `${label} måste vara text.` }),
    IsNotEmpty({ message: `Fyll i ${label.toLowerCase()}.` }),
    MaxLength(max, { message: `${label} får ha högst ${max} tecken.` }),
    Trim(),
  );
}

/** Text that may be empty (but must be sent). */
function Text(label: string, max: number) {
  return applyDecorators(IsString({ message: `${label} måste vara text.` }), MaxLength(max, { message: `${label} får ha högst ${max} tecken.` }), Trim());
}

/** Optional text: may be left out or null; an empty string becomes null. */
function OptionalText(label: string, max: number) {
  return applyDecorators(
    IsString({ message: `${label} måste vara text.` }),
    MaxLength(max, { message: `${label} får ha högst ${max} tecken.` }),
    IfNotNull(),
    TrimToNull(),
  );
}

/** A list of non-empty texts. */
function TextList(label: string, maxItems: number, maxLength: number, minItems = 0) {
  const decorators = [
    IsArray({ message: `${label} måste vara en lista.` }),
    ArrayMaxSize(maxItems, { message: `${label}: högst ${maxItems} st.` }),
    IsString({ each: true, message: `${label}: varje rad måste vara text.` }),
    IsNotEmpty({ each: true, message: `${label}: tomma rader går inte att spara.` }),
    MaxLength(maxLength, { each: true, message: `${label}: varje rad får ha högst ${maxLength} tecken.` }),
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value,
    ),
  ];
  if (minItems > 0) decorators.splice(1, 0, ArrayMinSize(minItems, { message: `${label}: minst ${minItems} st.` }));
  return applyDecorators(...decorators);
}

/** A list of nested objects of `type`. */
function NestedList(label: string, type: () => new () => object, maxItems: number, minItems = 0) {
  const decorators = [
    IsArray({ message: `${label} måste vara en lista.` }),
    ArrayMaxSize(maxItems, { message: `${label}: högst ${maxItems} st.` }),
    IsObject({ each: true, message: `${label}: varje post måste vara ett objekt.` }),
    ValidateNested({ each: true }),
    Type(type),
  ];
  if (minItems > 0) decorators.splice(1, 0, ArrayMinSize(minItems, { message: `${label}: minst ${minItems} st.` }));
  return applyDecorators(...decorators);
}

const IsHttpUrl = () =>
  ValidateBy(
    {
      name: 'isHttpUrl',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^https?:\/\//i.test(value.trim()) && safeHref(value) !== null,
      },
    },
    { message: 'Länken måste vara en fullständig webbadress som börjar med https:// eller http://.' },
  );

const ITEM_ID = new RegExp(L.itemIdPattern);
const ITEM_ID_MESSAGE = 'Id får bara innehålla bokstäver a–z, siffror, - och _ (högst 64 tecken).';

export class GlossaryEntryDto implements GlossaryEntry {
  @ApiProperty({ description: 'Ordet som används på arbetsplatsen' })
  @RequiredText('Ord', L.termMax)
  term!: string;

  @ApiProperty({ description: 'Förklaring på enkel svenska' })
  @RequiredText('Förklaring', L.explanationMax)
  explanation!: string;

  /** Set by the server for the starter library's words; a copy sent back with a draft is accepted and dropped. */
  @ApiPropertyOptional({ readOnly: true, nullable: true, description: 'Förklaring på lätt svenska (startbibliotekets ord)' })
  @Allow()
  explanationEasy?: string | null;
}

export class ModuleExerciseDto implements ModuleExercise {
  @ApiProperty()
  @RequiredText('Övningens rubrik', L.titleMax)
  title!: string;

  @ApiProperty({ description: 'Fallet, ett verkligt exempel från arbetet' })
  @RequiredText('Fallbeskrivning', L.exerciseTextMax)
  scenario!: string;

  @ApiProperty({ type: [String] })
  @TextList('Uppgifter', L.tasksMax, L.taskMax, 1)
  tasks!: string[];
}

export class ModuleLinkDto implements ModuleLink {
  @ApiProperty()
  @RequiredText('Länkens namn', L.titleMax)
  title!: string;

  @ApiProperty({ description: 'http:// eller https://' })
  @IsHttpUrl()
  @MaxLength(L.urlMax, { message: `Länken får ha högst ${L.urlMax} tecken.` })
  @IsString({ message: 'Länken måste vara text.' })
  @Trim()
  url!: string;
}

export class KnowledgeOptionDto implements KnowledgeOption {
  @ApiProperty()
  @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  @IsString({ message: 'Svarsalternativets id måste vara text.' })
  id!: string;

  @ApiProperty()
  @RequiredText('Svarsalternativ', L.optionMax)
  text!: string;
}

export class KnowledgeItemDto implements KnowledgeItemInput {
  @ApiPropertyOptional({ description: 'Lämna tomt för en ny fråga: API:t ger den ett id som följer med till nya versioner.' })
  @Matches(ITEM_ID, { message: ITEM_ID_MESSAGE })
  @IsString({ message: 'Frågans id måste vara text.' })
  @IfPresent()
  id?: string;

  @ApiProperty({ enum: KnowledgeItemKind })
  @IsEnum(KnowledgeItemKind, { message: 'Välj frågetyp: ett rätt svar (single) eller flera rätta svar (multiple).' })
  kind!: KnowledgeItemKind;

  @ApiProperty()
  @RequiredText('Fråga', L.questionMax)
  question!: string;

  @ApiProperty({ type: [KnowledgeOptionDto] })
  @NestedList('Svarsalternativ', () => KnowledgeOptionDto, L.optionsMax, L.optionsMin)
  options!: KnowledgeOptionDto[];

  @ApiProperty({ type: [String] })
  @IsString({ each: true, message: 'Rätta svar anges med svarsalternativens id.' })
  @ArrayMaxSize(L.optionsMax, { message: `Rätta svar: högst ${L.optionsMax} st.` })
  @ArrayMinSize(1, { message: 'Markera minst ett rätt svar.' })
  @IsArray({ message: 'Rätta svar måste vara en lista.' })
  correctOptionIds!: string[];

  @ApiProperty({ description: 'Varför svaret är rätt, på enkel svenska' })
  @RequiredText('Förklaring', L.explanationMax)
  explanation!: string;
}

export class ModuleContentDto implements ModuleContentInput {
  @ApiProperty()
  @RequiredText('Titel', L.titleMax)
  title!: string;

  @ApiProperty()
  @RequiredText('Sammanfattning', L.summaryMax)
  summary!: string;

  @ApiProperty({ type: [String] })
  @TextList('Lärandemål', L.goalsMax, L.goalMax, 1)
  learningGoals!: string[];

  @ApiProperty({ enum: CompetenceDimension, isArray: true })
  @IsEnum(CompetenceDimension, { each: true, message: 'Kompetensdimension måste vara knowledge, skills, ability eller will.' })
  @ArrayMinSize(1, { message: 'Välj minst en kompetensdimension (kunskap, färdigheter, förmåga eller vilja).' })
  @IsArray({ message: 'Kompetensdimensioner måste vara en lista.' })
  competenceDimensions!: CompetenceDimension[];

  @ApiProperty({ type: [String], description: 'DigComp 2.2, t.ex. "4.2"' })
  @Matches(/^[1-5]\.[1-6]$/, { each: true, message: 'DigComp-kompetens anges som område.nummer, t.ex. 4.2.' })
  @IsString({ each: true, message: 'DigComp-kompetens anges som text, t.ex. "4.2".' })
  @ArrayMaxSize(21, { message: 'DigComp-kompetenser: högst 21 st.' })
  @IsArray({ message: 'DigComp-kompetenser måste vara en lista.' })
  digCompCodes!: string[];

  @ApiProperty({ enum: ModuleTargetGroup, isArray: true })
  @IsEnum(ModuleTargetGroup, { each: true, message: 'Målgrupp måste vara staff, ambassadors eller managers.' })
  @ArrayMinSize(1, { message: 'Välj minst en målgrupp.' })
  @IsArray({ message: 'Målgrupper måste vara en lista.' })
  targetGroups!: ModuleTargetGroup[];

  @ApiProperty({ enum: ModuleFormat })
  @IsEnum(ModuleFormat, { message: 'Välj form: arbetsplatsträff, webbkurs, enskilt stöd eller prova ny teknik.' })
  format!: ModuleFormat;

  @ApiProperty({ minimum: L.durationMinutesMin, maximum: L.durationMinutesMax })
  @Max(L.durationMinutesMax, { message: `Längden får vara högst ${L.durationMinutesMax} minuter.` })
  @Min(L.durationMinutesMin, { message: `Längden måste vara minst ${L.durationMinutesMin} minuter.` })
  @IsInt({ message: 'Längd i minuter måste vara ett heltal.' })
  durationMinutes!: number;

  @ApiProperty({ type: [GlossaryEntryDto] })
  @NestedList('Ordlista', () => GlossaryEntryDto, L.glossaryMax)
  glossary!: GlossaryEntryDto[];

  @ApiProperty({ description: 'Handledning i Markdown' })
  @Text('Handledningen', L.guideMax)
  facilitatorGuide!: string;

  @ApiProperty({ type: [ModuleExerciseDto] })
  @NestedList('Övningar', () => ModuleExerciseDto, L.exercisesMax)
  exercises!: ModuleExerciseDto[];

  @ApiProperty({ type: [ModuleLinkDto] })
  @NestedList('Länkar', () => ModuleLinkDto, L.linksMax)
  links!: ModuleLinkDto[];

  @ApiProperty({ type: [KnowledgeItemDto] })
  @NestedList('Kunskapsfrågor', () => KnowledgeItemDto, L.knowledgeItemsMax)
  knowledgeItems!: KnowledgeItemDto[];

  @ApiProperty({ nullable: true, description: 'Rekommenderad repetition eller uppföljning i veckor' })
  @Max(L.repeatWeeksMax, { message: `Repetition: högst ${L.repeatWeeksMax} veckor.` })
  @Min(L.repeatWeeksMin, { message: `Repetition: minst ${L.repeatWeeksMin} vecka.` })
  @IsInt({ message: 'Repetition i veckor måste vara ett heltal.' })
  @IfNotNull()
  repeatIntervalWeeks!: number | null;
}

export class CreateModuleDto implements CreateModuleRequest {
  @ApiProperty({ enum: Ownership, description: 'network: delas i nätverket (samordnare); organisation: egen (HR, administratör)' })
  @IsEnum(Ownership, { message: 'Välj om modulen delas i nätverket (network) eller är egen för organisationen (organisation).' })
  ownership!: Ownership;

  @ApiProperty({ type: ModuleContentDto })
  @IsObject({ message: 'Innehållet (content) saknas.' })
  @IsDefined({ message: 'Innehållet (content) saknas.' })
  @ValidateNested()
  @Type(() => ModuleContentDto)
  content!: ModuleContentDto;
}

export class UpdateModuleDto implements UpdateModuleRequest {
  @ApiProperty({ description: 'true arkiverar modulen (den finns kvar i historiken), false tar tillbaka den' })
  @IsBoolean({ message: 'Arkiverad (archived) måste vara true eller false.' })
  archived!: boolean;
}

export class PublishModuleDto implements PublishModuleRequest {
  @ApiPropertyOptional({ nullable: true, description: 'Vad som är nytt i versionen' })
  @OptionalText('Ändringsnoteringen', L.changeNoteMax)
  changeNote?: string | null;
}

export class AdaptModuleDto implements AdaptModuleRequest {
  @ApiPropertyOptional({ description: 'Titel på den egna kopian; annars källans titel' })
  @RequiredText('Titel', L.titleMax)
  @IfPresent()
  title?: string;
}

export class ProposeModuleDto implements ProposeModuleRequest {
  @ApiPropertyOptional({ nullable: true, description: 'Varför modulen passar nätverket' })
  @OptionalText('Motiveringen', L.proposalTextMax)
  note?: string | null;
}

export class DeclineProposalDto implements DeclineProposalRequest {
  @ApiProperty({ description: 'Varför förslaget avböjs (visas för organisationen)' })
  @RequiredText('Anledningen', L.proposalTextMax)
  reason!: string;
}

/** The text field sent with an uploaded attachment (multipart). */
export class AttachmentFormDto {
  @ApiPropertyOptional({ description: 'Bilagans namn; annars filnamnet' })
  @OptionalText('Bilagans namn', L.titleMax)
  title?: string | null;
}

export class ModuleListQueryDto implements ModuleListQuery {
  @ApiPropertyOptional({ description: 'Söker i titel och sammanfattning' })
  @MaxLength(100, { message: 'Sökningen får ha högst 100 tecken.' })
  @IsString({ message: 'Sökningen måste vara text.' })
  @IfPresent()
  @Trim()
  q?: string;

  @ApiPropertyOptional({ enum: Ownership })
  @IsEnum(Ownership, { message: 'Ägare (ownership) måste vara network eller organisation.' })
  @IfPresent()
  ownership?: Ownership;

  @ApiPropertyOptional()
  @Matches(/^[1-5]\.[1-6]$/, { message: 'DigComp-kompetens anges som område.nummer, t.ex. 4.2.' })
  @IsString({ message: 'DigComp-kompetens anges som text.' })
  @IfPresent()
  digCompCode?: string;

  @ApiPropertyOptional({ enum: ModuleTargetGroup })
  @IsEnum(ModuleTargetGroup, { message: 'Målgrupp måste vara staff, ambassadors eller managers.' })
  @IfPresent()
  targetGroup?: ModuleTargetGroup;

  @ApiPropertyOptional({ enum: ModuleFormat })
  @IsEnum(ModuleFormat, { message: 'Form (format) är inte giltig.' })
  @IfPresent()
  format?: ModuleFormat;

  @ApiPropertyOptional({ enum: CompetenceDimension })
  @IsEnum(CompetenceDimension, { message: 'Kompetensdimension (dimension) måste vara knowledge, skills, ability eller will.' })
  @IfPresent()
  dimension?: CompetenceDimension;

  @ApiPropertyOptional({ description: 'Längst så här många minuter' })
  @Matches(/^[1-9][0-9]{0,2}$/, { message: 'Längsta tid (maxMinutes) anges i hela minuter, 1–999.' })
  @IsString({ message: 'Längsta tid (maxMinutes) anges i hela minuter.' })
  @IfPresent()
  maxMinutes?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'Visa arkiverade (includeArchived) måste vara true eller false.' })
  @IfPresent()
  includeArchived?: string;
}

// --- Programs ---

export class ProgramListQueryDto implements ProgramListQuery {
  @ApiPropertyOptional({ enum: ProgramKind })
  @IsEnum(ProgramKind, { message: 'Typ av program (kind) är inte giltig.' })
  @IfPresent()
  kind?: ProgramKind;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'Visa arkiverade (includeArchived) måste vara true eller false.' })
  @IfPresent()
  includeArchived?: string;
}

export class ProgramAssignmentListQueryDto implements ProgramAssignmentListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'Visa avslutade (includeEnded) måste vara true eller false.' })
  @IfPresent()
  includeEnded?: string;
}

export class ProgramStepDto implements ProgramStepInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en modul.' })
  moduleId!: string;

  @ApiProperty({ minimum: 0, maximum: L.stepDaysMax, description: 'Dagar efter föregående steg' })
  @Max(L.stepDaysMax, { message: `Dagar efter föregående steg: högst ${L.stepDaysMax}.` })
  @Min(0, { message: 'Dagar efter föregående steg kan inte vara negativt.' })
  @IsInt({ message: 'Dagar efter föregående steg måste vara ett heltal.' })
  daysAfterPrevious!: number;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText('Anteckningen', 500)
  note?: string | null;
}

export class CreateProgramDto implements CreateProgramRequest {
  @ApiProperty({ enum: Ownership })
  @IsEnum(Ownership, { message: 'Välj om programmet delas i nätverket (network) eller är eget för organisationen (organisation).' })
  ownership!: Ownership;

  @ApiProperty()
  @RequiredText('Titel', L.titleMax)
  title!: string;

  @ApiProperty()
  @Text('Sammanfattningen', L.summaryMax)
  summary!: string;

  @ApiProperty({ enum: ProgramKind })
  @IsEnum(ProgramKind, { message: 'Välj typ av program.' })
  kind!: ProgramKind;

  @ApiPropertyOptional({ nullable: true, description: 'Ska vara klart inom så många dagar' })
  @Max(L.completeWithinDaysMax, { message: `Klart inom dagar: högst ${L.completeWithinDaysMax}.` })
  @Min(1, { message: 'Klart inom dagar: minst 1.' })
  @IsInt({ message: 'Klart inom dagar måste vara ett heltal.' })
  @IfNotNull()
  completeWithinDays?: number | null;

  @ApiPropertyOptional({ enum: ProgramDeadlineBase })
  @IsEnum(ProgramDeadlineBase, { message: 'Räkna från anställningens start (employment_start) eller tilldelningens start (assignment_start).' })
  @IfPresent()
  deadlineBase?: ProgramDeadlineBase;

  @ApiProperty({ type: [ProgramStepDto] })
  @NestedList('Steg', () => ProgramStepDto, L.programStepsMax, 1)
  steps!: ProgramStepDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ombudsutbildning: moduler som programmet ger behörighet att leda' })
  @IsUUID('all', { each: true, message: 'Ger behörighet för: välj moduler.' })
  @ArrayMaxSize(100, { message: 'Ger behörighet för: högst 100 moduler.' })
  @IsArray({ message: 'Ger behörighet för måste vara en lista.' })
  @IfPresent()
  qualifiesModuleIds?: string[];
}

export class UpdateProgramDto implements UpdateProgramRequest {
  @ApiPropertyOptional()
  @RequiredText('Titel', L.titleMax)
  @IfPresent()
  title?: string;

  @ApiPropertyOptional()
  @Text('Sammanfattningen', L.summaryMax)
  @IfPresent()
  summary?: string;

  @ApiPropertyOptional({ enum: ProgramKind })
  @IsEnum(ProgramKind, { message: 'Välj typ av program.' })
  @IfPresent()
  kind?: ProgramKind;

  @ApiPropertyOptional({ nullable: true })
  @Max(L.completeWithinDaysMax, { message: `Klart inom dagar: högst ${L.completeWithinDaysMax}.` })
  @Min(1, { message: 'Klart inom dagar: minst 1.' })
  @IsInt({ message: 'Klart inom dagar måste vara ett heltal.' })
  @IfNotNull()
  completeWithinDays?: number | null;

  @ApiPropertyOptional({ enum: ProgramDeadlineBase })
  @IsEnum(ProgramDeadlineBase, { message: 'Räkna från anställningens start (employment_start) eller tilldelningens start (assignment_start).' })
  @IfPresent()
  deadlineBase?: ProgramDeadlineBase;

  @ApiPropertyOptional({ type: [ProgramStepDto] })
  @NestedList('Steg', () => ProgramStepDto, L.programStepsMax, 1)
  @IfPresent()
  steps?: ProgramStepDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsUUID('all', { each: true, message: 'Ger behörighet för: välj moduler.' })
  @ArrayMaxSize(100, { message: 'Ger behörighet för: högst 100 moduler.' })
  @IsArray({ message: 'Ger behörighet för måste vara en lista.' })
  @IfPresent()
  qualifiesModuleIds?: string[];

  @ApiPropertyOptional()
  @IsBoolean({ message: 'Arkiverad (archived) måste vara true eller false.' })
  @IfPresent()
  archived?: boolean;
}

export class CreateProgramAssignmentDto implements CreateProgramAssignmentRequest {
  @ApiProperty({ enum: ProgramAssignmentTarget })
  @IsEnum(ProgramAssignmentTarget, { message: 'Välj vem programmet gäller: organisation, area, unit, role eller role_title.' })
  targetType!: ProgramAssignmentTarget;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en enhet.' })
  @IfPresent()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj ett område.' })
  @IfPresent()
  areaId?: string;

  @ApiPropertyOptional({ enum: ['ambassador', 'manager'] })
  @IsIn(['ambassador', 'manager'], { message: 'Roll måste vara ombud (ambassador) eller enhetschef (manager).' })
  @IfPresent()
  role?: 'ambassador' | 'manager';

  @ApiPropertyOptional({ description: 'Befattning, t.ex. undersköterska' })
  @RequiredText('Befattning', 100)
  @IfPresent()
  roleTitle?: string;

  @ApiProperty({ example: '2026-01-15' })
  @IsDateOnly({ message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  startDate!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsDateOnly({ message: 'Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' })
  @IfNotNull()
  endDate?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalText('Anteckningen', 500)
  note?: string | null;
}
