import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ModuleFormat, ModuleTargetGroup, ProgramDeadlineBase, ProgramKind } from '@kunna/contracts';
import { flattenValidationErrors } from '../../common/errors';
import { ModuleContentDto } from '../dto/library.dto';
import { checkModuleContent } from '../module-content';
import { renderSafeMarkdown } from '../markdown';
import { STARTER_MODULES, STARTER_PROGRAMS } from './load-starter-library';

/** DigComp 2.2's 21 competences (the migration seeds the same codes). */
const DIGCOMP = new Set([
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
]);

describe('starter library', () => {
  it('has at least ten workplace modules with unique keys and titles', () => {
    const workplace = STARTER_MODULES.filter((module) => module.content.targetGroups.includes(ModuleTargetGroup.Staff));
    expect(workplace.length).toBeGreaterThanOrEqual(10);
    expect(new Set(STARTER_MODULES.map((module) => module.key)).size).toBe(STARTER_MODULES.length);
    expect(new Set(STARTER_MODULES.map((module) => module.content.title)).size).toBe(STARTER_MODULES.length);
  });

  it('covers the themes the issue names', () => {
    const titles = STARTER_MODULES.map((module) => module.content.title.toLowerCase()).join(' | ');
    for (const theme of [
      'it på jobbet',
      'teams',
      'signering av läkemedel',
      'nyckelfria lås',
      'trygghetslarm',
      'nattillsyn',
      'verksamhetssystemet',
      'siths',
      'informationssäkerhet',
      'välfärdsteknik',
      'kalendrar',
    ]) {
      expect(titles).toContain(theme);
    }
  });

  describe.each(STARTER_MODULES.map((module) => [module.key, module] as const))('%s', (_key, module) => {
    const content = module.content;

    it('passes the same validation as content saved through the API', () => {
      const dto = plainToInstance(ModuleContentDto, JSON.parse(JSON.stringify(content)));
      const errors = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));
      expect(errors).toEqual([]);
      expect(checkModuleContent(dto, DIGCOMP, '')).toEqual([]);
    });

    it('has goals, a DigComp mapping, a glossary, a guide, a real case and 3–5 knowledge items with explanations', () => {
      expect(content.learningGoals.length).toBeGreaterThanOrEqual(3);
      expect(content.digCompCodes.length).toBeGreaterThanOrEqual(1);
      expect(content.glossary.length).toBeGreaterThanOrEqual(4);
      expect(content.facilitatorGuide.length).toBeGreaterThan(300);
      expect(content.exercises.length).toBeGreaterThanOrEqual(1);
      expect(content.knowledgeItems.length).toBeGreaterThanOrEqual(3);
      expect(content.knowledgeItems.length).toBeLessThanOrEqual(5);
      for (const item of content.knowledgeItems) expect(item.explanation.length).toBeGreaterThan(20);
      expect(content.durationMinutes).toBeGreaterThanOrEqual(20);
    });

    it('has a facilitator guide that renders headings and lists', () => {
      const html = renderSafeMarkdown(content.facilitatorGuide);
      expect(html).toContain('<h2>');
      expect(html).toMatch(/<(ul|ol)>/);
    });
  });

  it('has the ambassador training, which qualifies for every workplace module', () => {
    const training = STARTER_PROGRAMS.filter((program) => program.kind === ProgramKind.AmbassadorTraining);
    expect(training).toHaveLength(1);
    const workplace = STARTER_MODULES.filter((module) => module.content.targetGroups.includes(ModuleTargetGroup.Staff)).map((module) => module.key);
    expect([...training[0].qualifies].sort()).toEqual([...workplace].sort());
  });

  it('has an onboarding program whose steps all fall within 30 days of the start date', () => {
    const onboarding = STARTER_PROGRAMS.find((program) => program.kind === ProgramKind.Onboarding);
    expect(onboarding).toMatchObject({ title: 'Introduktion för nyanställda', completeWithinDays: 30, deadlineBase: ProgramDeadlineBase.EmploymentStart });
    const lastDay = (onboarding?.steps ?? []).reduce((sum, step) => sum + step.daysAfterPrevious, 0);
    expect(lastDay).toBeLessThanOrEqual(30);
  });

  it('names only modules of the starter library in its programs', () => {
    const keys = new Set(STARTER_MODULES.map((module) => module.key));
    for (const program of STARTER_PROGRAMS) {
      for (const step of program.steps) expect(keys).toContain(step.module);
      for (const key of program.qualifies) expect(keys).toContain(key);
    }
  });

  it('includes a try-out of new technology and individual support formats', () => {
    const formats = new Set(STARTER_MODULES.map((module) => module.content.format));
    expect(formats).toContain(ModuleFormat.TechnologyTryout);
    expect(formats).toContain(ModuleFormat.IndividualSupport);
  });
});
