import { CompetenceDimension as D, KnowledgeItemKind as K, ModuleFormat, ModuleTargetGroup as T } from '@kunna/contracts';
import type { StarterModule } from './starter-types';

/** For ambassadors (digitaliseringsombud): leading short workplace sessions and giving one-to-one support. */
export const AMBASSADOR_MODULES: StarterModule[] = [
  {
    key: 'ombudsrollen',
    content: {
      title: 'Ombudsrollen: leda korta träffar på arbetsplatsen',
      summary:
        'För dig som är digitaliseringsombud. Planera och leda en kort träff om ett digitalt arbetssätt för dina kollegor, ' +
        'med verkliga exempel från er arbetsplats, och följa upp efteråt.',
      learningGoals: [
        'Du kan planera en träff på 30–45 minuter utifrån en modul och er arbetsplats.',
        'Du kan leda träffen så att alla får prova själva och ingen känner sig dum.',
        'Du kan registrera närvaro och göra en före- och eftermätning.',
        'Du kan följa upp några veckor senare om kollegorna använder det de lärt sig.',
      ],
      competenceDimensions: [D.Ability, D.Will, D.Skills],
      digCompCodes: ['2.4', '3.2', '5.4'],
      targetGroups: [T.Ambassadors],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 90,
      glossary: [
        { term: 'Digitaliseringsombud', explanation: 'En kollega som har fått utbildning för att lära andra kollegor digitala arbetssätt på arbetsplatsen.' },
        { term: 'Tillfälle', explanation: 'En träff där ni går igenom en modul tillsammans.' },
        { term: 'Närvaro', explanation: 'Vilka som var med på tillfället. Registreras så att det syns vem som har gått igenom vad.' },
        { term: 'Före- och eftermätning', explanation: 'Korta frågor före och efter träffen som visar vad man kunde innan och vad man lärt sig.' },
        { term: 'Uppföljning', explanation: 'Att några veckor senare fråga om kollegorna använder det de lärde sig.' },
        { term: 'Digitaliseringsskam', explanation: 'När någon skäms för att inte kunna något digitalt och därför inte frågar om hjälp.' },
      ],
      facilitatorGuide: `# Om den här modulen
Modulen hålls av en samordnare eller ett erfaret ombud för nya ombud. Den är en del av ombudsutbildningen.

# Före träffen
- Be varje deltagare ta med ett exempel på något digitalt som krånglar på deras arbetsplats.

# Under träffen (90 minuter)
1. **Varför kollegor lär kollegor (15 min).** I utvärderingarna av flera stora projekt var det just detta som fungerade bäst: korta, återkommande träffar på arbetsplatsen, med egna system och verkliga exempel.
2. **Planera en träff (20 min).** Använd en modul från biblioteket. Välj ett verkligt exempel från er arbetsplats. Planera tiden: start, visa, prova, övning, avslutning.
3. **Leda så att alla vågar (20 min).** Låt deltagarna hålla i tekniken själva. Fråga öppet. Säg gärna: *”Det här tyckte jag också var svårt i början.”*
4. **Närvaro och mätning (15 min).** Visa hur man registrerar närvaro och gör före- och eftermätningen i Kunna.
5. **Öva (15 min).** Varje deltagare leder fem minuter av en träff för de andra. Ge varandra feedback.
6. **Uppföljning (5 min).** Bestäm hur ni frågar kollegorna några veckor senare om de använder det de lärt sig.

# Tänk på
- Ombud ska ha tid avsatt för uppdraget. Prata med chefen om hur tiden planeras in.
`,
      exercises: [
        {
          title: 'Ingen kom till träffen',
          scenario:
            'Leyla är nytt ombud och har bokat en träff om Teams klockan 14. Två av tio kollegor kommer. ' +
            'De andra säger att de inte hinner, och en säger tyst att hon ”inte är en datormänniska”.',
          tasks: [
            'Vad kan Leyla göra med de två som kom, i dag?',
            'Hur kan hon planera nästa träff så att fler kan vara med? Vem behöver hon prata med?',
            'Hur kan hon närma sig kollegan som inte ser sig som en datormänniska?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'vad-fungerar',
          kind: K.Single,
          question: 'Vilket sätt att lära sig digitala arbetssätt fungerade bäst enligt utvärderingarna?',
          options: [
            { id: 'a', text: 'Korta, återkommande träffar på arbetsplatsen där kollegor lär kollegor med verkliga exempel.' },
            { id: 'b', text: 'En lång föreläsning för alla anställda en gång om året.' },
            { id: 'c', text: 'Att var och en läser en manual själv.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Små grupper på arbetsplatsen, egna system, verkliga fall och upprepning gav bäst resultat.',
        },
        {
          id: 'ta-over',
          kind: K.Single,
          question: 'En kollega har svårt att hitta rätt knapp. Vad gör du?',
          options: [
            { id: 'a', text: 'Tar över musen och gör det åt henne.' },
            { id: 'b', text: 'Visar var knappen finns och låter henne trycka själv.' },
            { id: 'c', text: 'Säger att hon kan fråga någon annan senare.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Man lär sig genom att göra själv. Visa, men låt kollegan hålla i tekniken.',
        },
        {
          id: 'uppfoljning-ombud',
          kind: K.Multiple,
          question: 'Vad hör till ombudets uppdrag efter en träff?',
          options: [
            { id: 'a', text: 'Att registrera närvaro.' },
            { id: 'b', text: 'Att följa upp några veckor senare om kollegorna använder det de lärt sig.' },
            { id: 'c', text: 'Att rapportera vem som svarade fel på frågorna till chefen.' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation: 'Närvaro och uppföljning hör till uppdraget. Svaren på mätningarna är till för lärandet, inte för att peka ut någon.',
        },
      ],
      repeatIntervalWeeks: null,
    },
  },
  {
    key: 'enskilt-stod',
    content: {
      title: 'Enskilt stöd till en kollega',
      summary:
        'För digitaliseringsombud. Ge stöd till en kollega som är osäker på tekniken, i lugn och ro och utan att kollegan ' +
        'känner sig dum. Anpassa till språk, syn och hörsel.',
      learningGoals: [
        'Du kan ta reda på vad kollegan behöver och vill lära sig.',
        'Du kan ge stöd steg för steg: visa, göra tillsammans, låta kollegan göra själv.',
        'Du kan anpassa stödet för den som har svenska som andraspråk eller andra behov.',
        'Du kan bestämma en uppföljning tillsammans med kollegan.',
      ],
      competenceDimensions: [D.Ability, D.Will],
      digCompCodes: ['2.1', '5.4'],
      targetGroups: [T.Ambassadors],
      format: ModuleFormat.IndividualSupport,
      durationMinutes: 60,
      glossary: [
        { term: 'Enskilt stöd', explanation: 'Hjälp till en person i taget, i hennes eller hans egen takt.' },
        { term: 'Steg för steg', explanation: 'Att dela upp något i små delar och ta en del i taget.' },
        { term: 'Andraspråk', explanation: 'Ett språk man har lärt sig efter sitt första språk (modersmål).' },
        { term: 'Lathund', explanation: 'En kort instruktion på papper eller i telefonen, gärna med bilder.' },
      ],
      facilitatorGuide: `# Om den här modulen
Modulen ingår i ombudsutbildningen. Den tränar stödet till de kollegor som har lägst digital kompetens – de som ofta inte frågar.

# Under träffen (60 minuter)
1. **Varför frågar inte alla? (10 min).** Prata om digitaliseringsskam: rädslan att verka dum gör att många inte frågar.
2. **Visa – gör tillsammans – gör själv (15 min).** Öva modellen i par med en vanlig uppgift, till exempel att signera i appen.
3. **Språk och förståelse (15 min).** Korta meningar, ett steg i taget, be kollegan visa i stället för att fråga ”förstår du?”. Använd modulernas ordlistor.
4. **Övningen (15 min).** Fallet med Mohammed.
5. **Avslutning (5 min).** Hur erbjuder du enskilt stöd utan att peka ut någon?

# Tänk på
- Erbjud stöd till alla, så blir det inget konstigt att tacka ja.
- Gör en enkel lathund med bilder tillsammans med kollegan.
`,
      exercises: [
        {
          title: 'Mohammed och signeringsappen',
          scenario:
            'Mohammed har arbetat i hemtjänsten i tolv år. Han är mycket omtyckt av brukarna. Sedan signeringsappen kom ber ' +
            'han ofta kollegor signera åt honom. Han säger att telefonen är krånglig, men du märker att han har svårt med de ' +
            'svenska orden i appen.',
          tasks: [
            'Hur tar du upp det med Mohammed utan att han känner sig dum?',
            'Planera ett första stödtillfälle: var, när, hur länge och vad ni gör.',
            'Vilka ord från ordlistan kan ni gå igenom? Gör en lathund med bilder tillsammans.',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'forstar-du',
          kind: K.Single,
          question: 'Hur kontrollerar du bäst att kollegan har förstått?',
          options: [
            { id: 'a', text: 'Frågar ”förstår du?”.' },
            { id: 'b', text: 'Ber kollegan visa hur hon gör.' },
            { id: 'c', text: 'Förklarar en gång till, snabbare.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Många svarar ja på ”förstår du?” även när de inte gör det. När kollegan visar ser ni båda vad som sitter.',
        },
        {
          id: 'skam',
          kind: K.Single,
          question: 'Vad betyder digitaliseringsskam?',
          options: [
            { id: 'a', text: 'Att man skäms för att inte kunna något digitalt och därför inte frågar om hjälp.' },
            { id: 'b', text: 'Att man skäms över sin gamla telefon.' },
            { id: 'c', text: 'Att en chef skäms för ett dåligt datasystem.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Skammen gör att de som behöver stöd mest ofta inte ber om det. Därför är det viktigt att erbjuda stöd till alla.',
        },
        {
          id: 'modell',
          kind: K.Single,
          question: 'I vilken ordning ger du stöd steg för steg?',
          options: [
            { id: 'a', text: 'Kollegan gör själv – du visar – ni gör tillsammans.' },
            { id: 'b', text: 'Du visar – ni gör tillsammans – kollegan gör själv.' },
            { id: 'c', text: 'Du gör allt och kollegan tittar.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Först visar du, sedan gör ni det tillsammans, och till sist gör kollegan själv medan du finns till hands.',
        },
      ],
      repeatIntervalWeeks: null,
    },
  },
];
