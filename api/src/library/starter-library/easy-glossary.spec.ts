import { EASY_GLOSSARY, withEasyExplanations } from './easy-glossary';
import { STARTER_MODULES } from './load-starter-library';

describe('glossary in lätt svenska', () => {
  const starterTerms = new Set(STARTER_MODULES.flatMap((module) => module.content.glossary.map((entry) => entry.term)));

  it('explains every word of the starter library, and only those', () => {
    expect([...starterTerms].filter((term) => !EASY_GLOSSARY[term])).toEqual([]);
    expect(Object.keys(EASY_GLOSSARY).filter((term) => !starterTerms.has(term))).toEqual([]);
  });

  it('keeps the easy explanations short: sentences of at most 20 words', () => {
    for (const [term, text] of Object.entries(EASY_GLOSSARY)) {
      for (const sentence of text.split(/[.?!]\s*/).filter(Boolean)) {
        expect({ term, words: sentence.split(/\s+/).length <= 20 }).toEqual({ term, words: true });
      }
    }
  });

  it('adds the easy explanation to the starter library’s entries, not to an organisation’s own word', () => {
    const [starter] = STARTER_MODULES.flatMap((module) => module.content.glossary);
    const glossary = withEasyExplanations([starter, { term: starter.term, explanation: 'Vår egen förklaring.' }]);
    expect(glossary[0]).toEqual({ ...starter, explanationEasy: EASY_GLOSSARY[starter.term] });
    expect(glossary[1]).toEqual({ term: starter.term, explanation: 'Vår egen förklaring.' });
  });
});
