import { randomUUID } from 'node:crypto';
import { FieldError, KnowledgeItem, KnowledgeItemKind, ModuleContentBase, ModuleContentInput } from '@kunna/contracts';

/** Module content as stored: knowledge items always carry ids. */
export interface ModuleContent extends ModuleContentBase {
  knowledgeItems: KnowledgeItem[];
}

/**
 * The rules the DTO cannot express: each knowledge item's correct answers name its own options (one for
 * a single-answer item), ids are unique, DigComp codes exist, glossary words are not repeated. Returns the
 * problems with dotted field paths under `prefix` (e.g. `content.knowledgeItems.2.correctOptionIds`).
 */
export function checkModuleContent(content: ModuleContentInput, digCompCodes: ReadonlySet<string>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);

  content.digCompCodes.forEach((code, index) => {
    if (!digCompCodes.has(code)) errors.push({ field: at(`digCompCodes.${index}`), message: `DigComp 2.2 har ingen kompetens ${code}.` });
  });

  const terms = new Set<string>();
  content.glossary.forEach((entry, index) => {
    const key = entry.term.toLocaleLowerCase('sv');
    if (terms.has(key)) errors.push({ field: at(`glossary.${index}.term`), message: `Ordet ”${entry.term}” finns redan i ordlistan.` });
    terms.add(key);
  });

  const itemIds = new Set<string>();
  content.knowledgeItems.forEach((item, index) => {
    const field = (name: string) => at(`knowledgeItems.${index}.${name}`);
    if (item.id !== undefined) {
      if (itemIds.has(item.id)) errors.push({ field: field('id'), message: `Två frågor har samma id (${item.id}).` });
      itemIds.add(item.id);
    }
    const optionIds = new Set<string>();
    item.options.forEach((option, optionIndex) => {
      if (optionIds.has(option.id)) {
        errors.push({ field: field(`options.${optionIndex}.id`), message: `Två svarsalternativ har samma id (${option.id}).` });
      }
      optionIds.add(option.id);
    });
    const correct = new Set(item.correctOptionIds);
    if (correct.size !== item.correctOptionIds.length) {
      errors.push({ field: field('correctOptionIds'), message: 'Samma rätta svar är angivet två gånger.' });
    } else if (item.correctOptionIds.some((id) => !optionIds.has(id))) {
      errors.push({ field: field('correctOptionIds'), message: 'Rätta svar måste vara bland frågans svarsalternativ.' });
    } else if (item.kind === KnowledgeItemKind.Single && correct.size !== 1) {
      errors.push({ field: field('correctOptionIds'), message: 'En fråga med ett rätt svar ska ha exakt ett rätt svar markerat.' });
    } else if (correct.size === item.options.length && item.kind === KnowledgeItemKind.Multiple && item.options.length > 1) {
      errors.push({ field: field('correctOptionIds'), message: 'Minst ett svarsalternativ ska vara fel.' });
    }
  });
  return errors;
}

/**
 * The content to store: new knowledge items get ids (kept by later versions, so before/after checks can
 * compare the same item), repeated list values are removed, a missing repeat interval is null.
 */
export function normaliseModuleContent(content: ModuleContentInput, newId: () => string = randomUUID): ModuleContent {
  const unique = <T>(values: T[]): T[] => [...new Set(values)];
  return {
    title: content.title,
    summary: content.summary,
    learningGoals: content.learningGoals,
    competenceDimensions: unique(content.competenceDimensions),
    digCompCodes: unique(content.digCompCodes).sort(compareDigComp),
    targetGroups: unique(content.targetGroups),
    format: content.format,
    durationMinutes: content.durationMinutes,
    glossary: content.glossary.map((entry) => ({ term: entry.term, explanation: entry.explanation })),
    facilitatorGuide: content.facilitatorGuide,
    exercises: content.exercises.map((exercise) => ({ title: exercise.title, scenario: exercise.scenario, tasks: exercise.tasks })),
    links: content.links.map((link) => ({ title: link.title, url: new URL(link.url.trim()).href })),
    knowledgeItems: content.knowledgeItems.map((item) => ({
      id: item.id ?? newId(),
      kind: item.kind,
      question: item.question,
      options: item.options.map((option) => ({ id: option.id, text: option.text })),
      correctOptionIds: item.correctOptionIds,
      explanation: item.explanation,
    })),
    repeatIntervalWeeks: content.repeatIntervalWeeks ?? null,
  };
}

export function compareDigComp(a: string, b: string): number {
  const [areaA, numberA] = a.split('.').map(Number);
  const [areaB, numberB] = b.split('.').map(Number);
  return areaA - areaB || numberA - numberB;
}
