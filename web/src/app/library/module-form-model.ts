import {
  CompetenceDimension,
  FieldError,
  KnowledgeItemKind,
  LIBRARY_LIMITS,
  ModuleContentInput,
  ModuleFormat,
  ModuleTargetGroup,
  ModuleVersion,
} from '@kunna/contracts';

/** The editor's form state: every text in an object, so inputs bind to a property. */
export interface ModuleFormModel {
  title: string;
  summary: string;
  goals: Array<{ text: string }>;
  competenceDimensions: CompetenceDimension[];
  digCompCodes: string[];
  targetGroups: ModuleTargetGroup[];
  format: ModuleFormat;
  durationMinutes: number | null;
  repeatIntervalWeeks: number | null;
  glossary: Array<{ term: string; explanation: string }>;
  facilitatorGuide: string;
  /** Tasks one per line. */
  exercises: Array<{ title: string; scenario: string; tasks: string }>;
  links: Array<{ title: string; url: string }>;
  items: KnowledgeItemModel[];
}

export interface KnowledgeItemModel {
  /** Kept across versions so before/after checks compare the same item; new items get theirs from the API. */
  id?: string;
  kind: KnowledgeItemKind;
  question: string;
  options: Array<{ id: string; text: string; correct: boolean }>;
  explanation: string;
}

export function emptyModel(): ModuleFormModel {
  return {
    title: '',
    summary: '',
    goals: [{ text: '' }],
    competenceDimensions: [],
    digCompCodes: [],
    targetGroups: [ModuleTargetGroup.Staff],
    format: ModuleFormat.WorkplaceSession,
    durationMinutes: 30,
    repeatIntervalWeeks: null,
    glossary: [],
    facilitatorGuide: '',
    exercises: [],
    links: [],
    items: [],
  };
}

export function modelFromVersion(version: ModuleVersion): ModuleFormModel {
  return {
    title: version.title,
    summary: version.summary,
    goals: version.learningGoals.length ? version.learningGoals.map((text) => ({ text })) : [{ text: '' }],
    competenceDimensions: [...version.competenceDimensions],
    digCompCodes: [...version.digCompCodes],
    targetGroups: [...version.targetGroups],
    format: version.format,
    durationMinutes: version.durationMinutes,
    repeatIntervalWeeks: version.repeatIntervalWeeks,
    glossary: version.glossary.map((entry) => ({ ...entry })),
    facilitatorGuide: version.facilitatorGuide,
    exercises: version.exercises.map((exercise) => ({ title: exercise.title, scenario: exercise.scenario, tasks: exercise.tasks.join('\n') })),
    links: version.links.map((link) => ({ ...link })),
    items: (version.knowledgeItems ?? []).map((item) => ({
      id: item.id,
      kind: item.kind,
      question: item.question,
      options: item.options.map((option) => ({ id: option.id, text: option.text, correct: item.correctOptionIds.includes(option.id) })),
      explanation: item.explanation,
    })),
  };
}

/** What the API receives: empty rows dropped (a half-filled row is sent, so the API can name what is missing). */
export function contentFromModel(model: ModuleFormModel): ModuleContentInput {
  const filled = (...texts: string[]) => texts.some((text) => text.trim() !== '');
  return {
    title: model.title.trim(),
    summary: model.summary.trim(),
    learningGoals: model.goals.map((goal) => goal.text.trim()).filter(Boolean),
    competenceDimensions: model.competenceDimensions,
    digCompCodes: [...model.digCompCodes].sort(),
    targetGroups: model.targetGroups,
    format: model.format,
    durationMinutes: Number(model.durationMinutes ?? 0),
    repeatIntervalWeeks: model.repeatIntervalWeeks === null || String(model.repeatIntervalWeeks) === '' ? null : Number(model.repeatIntervalWeeks),
    glossary: model.glossary
      .filter((entry) => filled(entry.term, entry.explanation))
      .map((entry) => ({ term: entry.term.trim(), explanation: entry.explanation.trim() })),
    facilitatorGuide: model.facilitatorGuide,
    exercises: model.exercises
      .filter((exercise) => filled(exercise.title, exercise.scenario, exercise.tasks))
      .map((exercise) => ({
        title: exercise.title.trim(),
        scenario: exercise.scenario.trim(),
        tasks: exercise.tasks
          .split('\n')
          .map((task) => task.trim())
          .filter(Boolean),
      })),
    links: model.links.filter((link) => filled(link.title, link.url)).map((link) => ({ title: link.title.trim(), url: link.url.trim() })),
    knowledgeItems: model.items.map((item) => {
      const options = item.options.filter((option) => option.text.trim() !== '');
      return {
        ...(item.id ? { id: item.id } : {}),
        kind: item.kind,
        question: item.question.trim(),
        options: options.map((option) => ({ id: option.id, text: option.text.trim() })),
        correctOptionIds: options.filter((option) => option.correct).map((option) => option.id),
        explanation: item.explanation.trim(),
      };
    }),
  };
}

/** The next free option id of an item: a, b, c … (ids only need to be unique within the item). */
export function nextOptionId(options: Array<{ id: string }>): string {
  const used = new Set(options.map((option) => option.id));
  for (let index = 0; ; index++) {
    const id = index < 26 ? String.fromCharCode(97 + index) : `o${index}`;
    if (!used.has(id)) return id;
  }
}

export function newItem(): KnowledgeItemModel {
  return {
    kind: KnowledgeItemKind.Single,
    question: '',
    options: [
      { id: 'a', text: '', correct: true },
      { id: 'b', text: '', correct: false },
    ],
    explanation: '',
  };
}

export const LIMITS = LIBRARY_LIMITS;

/** The server's message for a field, with or without the `content.` prefix of "create". */
export function moduleFieldError(problems: FieldError[], field: string): string | null {
  return problems.find((entry) => entry.field === field || entry.field === `content.${field}`)?.message ?? null;
}

/** Adds `value` to `list` or takes it out, in place (the form binds to the model's arrays). */
export function toggleIn<T>(list: T[], value: T, on: boolean): void {
  const index = list.indexOf(value);
  if (on && index < 0) list.push(value);
  if (!on && index >= 0) list.splice(index, 1);
}
