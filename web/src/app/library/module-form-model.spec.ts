import { CompetenceDimension, KnowledgeItemKind, ModuleFormat, ModuleTargetGroup, ModuleVersion, ModuleVersionStatus } from '@kunna/contracts';
import { contentFromModel, emptyModel, modelFromVersion, nextOptionId } from './module-form-model';

const version: ModuleVersion = {
  id: 'v1',
  moduleId: 'm1',
  versionNumber: 1,
  status: ModuleVersionStatus.Published,
  publishedAt: '2026-11-01T10:00:00.000Z',
  changeNote: null,
  title: 'Trygghetslarm',
  summary: 'Om larmet.',
  learningGoals: ['Du kan testa larmet.', 'Du vet vem du ringer.'],
  competenceDimensions: [CompetenceDimension.Skills],
  digCompCodes: ['4.2', '2.1'],
  targetGroups: [ModuleTargetGroup.Staff],
  format: ModuleFormat.WorkplaceSession,
  durationMinutes: 30,
  glossary: [{ term: 'Larmknapp', explanation: 'Knappen brukaren trycker på.' }],
  facilitatorGuide: '# Före',
  facilitatorGuideHtml: '<h2>Före</h2>',
  exercises: [{ title: 'Sonja larmar', scenario: 'Hon svarar inte.', tasks: ['Vad gör du först?', 'Vem ringer du?'] }],
  links: [{ title: 'Leverantören', url: 'https://example.se' }],
  knowledgeItems: [
    {
      id: 'item-1',
      kind: KnowledgeItemKind.Single,
      question: 'Hur ofta testas larmet?',
      options: [
        { id: 'a', text: 'Varje månad' },
        { id: 'b', text: 'Aldrig' },
      ],
      correctOptionIds: ['a'],
      explanation: 'Ett larm som inte testas kan sluta fungera.',
    },
  ],
  knowledgeItemCount: 1,
  attachments: [],
  sourceVersion: null,
  repeatIntervalWeeks: 12,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('module form model', () => {
  it('round-trips a version: the content sent equals the content read, item ids kept', () => {
    const content = contentFromModel(modelFromVersion(version));
    expect(content).toEqual({
      title: version.title,
      summary: version.summary,
      learningGoals: version.learningGoals,
      competenceDimensions: version.competenceDimensions,
      digCompCodes: ['2.1', '4.2'],
      targetGroups: version.targetGroups,
      format: version.format,
      durationMinutes: 30,
      repeatIntervalWeeks: 12,
      glossary: version.glossary,
      facilitatorGuide: version.facilitatorGuide,
      exercises: version.exercises,
      links: version.links,
      knowledgeItems: version.knowledgeItems,
    });
  });

  it('drops empty rows and trims, but sends a half-filled row so the API can name what is missing', () => {
    const model = emptyModel();
    model.title = '  Teams  ';
    model.goals = [{ text: ' ' }, { text: 'Du kan starta ett möte. ' }];
    model.glossary = [
      { term: '', explanation: '' },
      { term: 'Chatt', explanation: '' },
    ];
    model.exercises = [{ title: 'Mötet', scenario: '', tasks: 'Ett\n\n Två \n' }];
    model.links = [{ title: '', url: '' }];
    const content = contentFromModel(model);
    expect(content.title).toBe('Teams');
    expect(content.learningGoals).toEqual(['Du kan starta ett möte.']);
    expect(content.glossary).toEqual([{ term: 'Chatt', explanation: '' }]);
    expect(content.exercises).toEqual([{ title: 'Mötet', scenario: '', tasks: ['Ett', 'Två'] }]);
    expect(content.links).toEqual([]);
    expect(content.repeatIntervalWeeks).toBeNull();
  });

  it('sends only filled options, the correct ones by id; a new item has no id', () => {
    const model = emptyModel();
    model.items = [
      {
        kind: KnowledgeItemKind.Multiple,
        question: 'Vad är lösenord?',
        options: [
          { id: 'a', text: 'Hemligt', correct: true },
          { id: 'b', text: '', correct: true },
          { id: 'c', text: 'Personligt', correct: true },
        ],
        explanation: '',
      },
    ];
    const [item] = contentFromModel(model).knowledgeItems;
    expect(item).toEqual({
      kind: KnowledgeItemKind.Multiple,
      question: 'Vad är lösenord?',
      options: [
        { id: 'a', text: 'Hemligt' },
        { id: 'c', text: 'Personligt' },
      ],
      correctOptionIds: ['a', 'c'],
      explanation: '',
    });
  });

  it('gives the next free option id', () => {
    expect(nextOptionId([{ id: 'a' }, { id: 'c' }])).toBe('b');
    expect(nextOptionId([])).toBe('a');
  });
});
