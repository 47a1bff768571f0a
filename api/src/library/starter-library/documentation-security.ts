import { CompetenceDimension as D, KnowledgeItemKind as K, ModuleFormat, ModuleTargetGroup as T } from '@kunna/contracts';
import type { StarterModule } from './starter-types';

/** Documentation in the care record system, information security and confidentiality. */
export const DOCUMENTATION_SECURITY_MODULES: StarterModule[] = [
  {
    key: 'dokumentation-journal',
    content: {
      title: 'Dokumentation i verksamhetssystemet',
      summary:
        'Skriva social dokumentation i verksamhetssystemet (till exempel Treserva, Lifecare eller Combine): vad som ska ' +
        'stå, hur det skrivs så att andra förstår, och varför uppgifter om brukare skickas i systemet och aldrig i mejl.',
      learningGoals: [
        'Du kan hitta brukarens genomförandeplan och läsa vad du ska göra.',
        'Du kan skriva en kort, saklig anteckning om det du har gjort och sett.',
        'Du vet att uppgifter om brukare skickas i verksamhetssystemet, inte i mejl eller sms.',
        'Du vet att det syns vem som har läst och skrivit i journalen (loggning).',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Ability],
      digCompCodes: ['1.3', '2.2', '4.2'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 60,
      glossary: [
        { term: 'Verksamhetssystem', explanation: 'Datasystemet där ni dokumenterar, till exempel Treserva, Lifecare eller Combine.' },
        { term: 'Social dokumentation', explanation: 'Det personalen skriver om brukarens vardag, insatser och händelser.' },
        { term: 'Genomförandeplan', explanation: 'En plan för hur hjälpen ska ges, gjord tillsammans med brukaren.' },
        { term: 'Saklig', explanation: 'Att skriva det som hände och det du såg, utan egna värderingar.' },
        { term: 'Sekretess', explanation: 'Att uppgifter om brukare inte får lämnas till obehöriga.' },
        { term: 'Loggning', explanation: 'Systemet sparar vem som har läst och skrivit. Det följs upp regelbundet.' },
      ],
      facilitatorGuide: `# Före träffen
- Använd övningsmiljön i verksamhetssystemet om ni har en. Använd **aldrig** en riktig brukares journal för övning.
- Ta med två exempel på anteckningar (påhittade): en bra och en mindre bra.

# Under träffen (60 minuter)
1. **Varför dokumenterar vi? (10 min).** Brukarens rättssäkerhet, kollegornas information, att kunna visa vad som gjorts.
2. **Hitta rätt (15 min).** Logga in, sök fram övningsbrukaren, öppna genomförandeplanen.
3. **Skriva sakligt (15 min).** Jämför de två exemplen. Vad är fakta och vad är värdering?
   - Fakta: *”Sara åt halva portionen och drack ett glas mjölk.”*
   - Värdering: *”Sara var besvärlig vid maten.”*
4. **Övningen (15 min).** Fallet med mejlet.
5. **Avslutning (5 min).** Vad tar vi med oss till nästa pass?

# Tänk på
- Många tycker att det är svårt att skriva, särskilt på sitt andraspråk. Korta meningar räcker. Uppmuntra att fråga.
- *”Förut kunde medarbetare skicka sekretessbelagda uppgifter över mejlen, nu skickar de dem via Treserva som man ska.”* (ett digitaliseringsombud)
`,
      exercises: [
        {
          title: 'Mejlet om Sara',
          scenario:
            'Anna vill att kvällspersonalen ska veta att Sara har haft ont i magen och inte ätit. Hon skriver ett mejl ' +
            'till alla i arbetsgruppen med Saras namn och personnummer och vad som hänt.',
          tasks: [
            'Vad är problemet med mejlet?',
            'Skriv i stället en saklig anteckning i övningsmiljön. Vad ska stå med?',
            'Hur ser Anna till att kvällspersonalen läser den?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'mejl',
          kind: K.Single,
          question: 'Hur ska du lämna uppgifter om en brukares hälsa till en kollega på nästa pass?',
          options: [
            { id: 'a', text: 'I verksamhetssystemet, enligt er rutin.' },
            { id: 'b', text: 'I ett mejl till hela arbetsgruppen.' },
            { id: 'c', text: 'I ett sms från din privata telefon.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Uppgifter om brukare skyddas av sekretess eller tystnadsplikt. Verksamhetssystemet är gjort för det; mejl och sms är det inte.',
        },
        {
          id: 'saklig',
          kind: K.Single,
          question: 'Vilken anteckning är saklig?',
          options: [
            { id: 'a', text: 'Olle var sur och jobbig i morse.' },
            { id: 'b', text: 'Olle ville inte duscha i morse. Han sa att han var trött. Vi bestämde att försöka igen efter lunch.' },
            { id: 'c', text: 'Olle vägrade som vanligt.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'En saklig anteckning beskriver vad som hände och vad som sades, utan värderande ord som ”sur” eller ”som vanligt”.',
        },
        {
          id: 'loggning-journal',
          kind: K.Single,
          question: 'Får du läsa journalen för en brukare som du inte arbetar med, av nyfikenhet?',
          options: [
            { id: 'a', text: 'Ja, alla som har inloggning får läsa allt.' },
            { id: 'b', text: 'Nej. Du läser bara om dem du arbetar med, och det syns i loggen vem som har läst.' },
            { id: 'c', text: 'Ja, om ingen ser det.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Du får bara läsa det du behöver för ditt arbete. Systemet loggar vem som läst vad, och loggen följs upp.',
        },
        {
          id: 'genomforandeplan',
          kind: K.Single,
          question: 'Var ser du hur en brukare vill ha sin hjälp?',
          options: [
            { id: 'a', text: 'I genomförandeplanen.' },
            { id: 'b', text: 'På en lapp på kylskåpet.' },
            { id: 'c', text: 'I arbetsgruppens chatt.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Genomförandeplanen beskriver hur hjälpen ska ges och är gjord tillsammans med brukaren.',
        },
      ],
      repeatIntervalWeeks: 12,
    },
  },
  {
    key: 'informationssakerhet-sekretess',
    content: {
      title: 'Informationssäkerhet och tystnadsplikt',
      summary:
        'Skydda uppgifter om brukare och kollegor i det digitala arbetet: tystnadsplikt och sekretess, privata ' +
        'telefoner och sociala medier, falska mejl och vad du gör när något har gått fel.',
      learningGoals: [
        'Du vet vad tystnadsplikt och sekretess betyder i ditt arbete, även digitalt.',
        'Du känner igen ett falskt mejl eller sms (nätfiske) och vet vad du gör med det.',
        'Du vet att du inte tar bilder på brukare eller delar uppgifter om dem i privata kanaler.',
        'Du vet hur du rapporterar en incident, till exempel ett mejl som skickats till fel person.',
      ],
      competenceDimensions: [D.Knowledge, D.Ability, D.Will],
      digCompCodes: ['1.2', '2.5', '4.1', '4.2'],
      targetGroups: [T.Staff, T.Ambassadors, T.Managers],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Tystnadsplikt', explanation: 'Du får inte berätta om brukares personliga förhållanden för någon som inte behöver veta det i arbetet.' },
        { term: 'Sekretess', explanation: 'Lagens regler om att uppgifter inte får lämnas ut. Gäller i kommunen; i privat verksamhet gäller tystnadsplikt.' },
        { term: 'Personuppgift', explanation: 'En uppgift som kan kopplas till en person, till exempel namn, personnummer eller en bild.' },
        { term: 'Nätfiske', explanation: 'Falska mejl eller sms som försöker lura dig att klicka på en länk eller lämna ut lösenord.' },
        { term: 'Incident', explanation: 'Något som gått fel med information, till exempel ett mejl till fel person eller en borttappad telefon.' },
        { term: 'Obehörig', explanation: 'Någon som inte har rätt att få veta eller se uppgiften.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på er rutin för att rapportera incidenter och vem som är informationssäkerhetsansvarig.
- Ta med ett par exempel på falska mejl (skärmbilder utan riktiga namn).

# Under träffen (45 minuter)
1. **Tystnadsplikt, även digitalt (10 min).** Det som gäller i fikarummet gäller också i telefonen, i chatten och på sociala medier.
2. **Falska mejl (10 min).** Titta på exemplen. Vad avslöjar dem? Avsändaren, brådskan, länken.
3. **Övningen (15 min).** Fallen med bilden och mejlet.
4. **När något gått fel (5 min).** Rapportera direkt. Ingen blir straffad för att säga till – det är så vi lär oss.
5. **Avslutning (5 min).** En sak var och en ska tänka på från i dag.

# Tänk på
- Skapa ett klimat där det är lätt att säga ”jag klickade på en konstig länk”.
- Skilj på kommunal verksamhet (offentlighets- och sekretesslagen) och privat verksamhet (tystnadsplikt enligt socialtjänstlagen) om ni har båda.
`,
      exercises: [
        {
          title: 'Bilden från födelsedagen',
          scenario:
            'Det har varit tårtkalas för Elsa som fyllt 100 år. En kollega tar en fin bild på Elsa med tårtan med sin egen ' +
            'telefon och vill lägga upp den i arbetsgruppens chatt och på sin Facebook.',
          tasks: [
            'Vad behöver kollegan tänka på innan bilden tas och delas?',
            'Var får bilden sparas, om Elsa säger ja?',
            'Hur kan ni på arbetsplatsen göra för att fira och dela glädjen utan att bryta tystnadsplikten?',
          ],
        },
        {
          title: 'Mejlet från ”IT-avdelningen”',
          scenario:
            'Du får ett mejl: ”Ditt konto stängs i dag. Logga in här inom en timme för att behålla det.” ' +
            'Avsändaren ser nästan ut som kommunens IT-avdelning.',
          tasks: ['Vilka tecken visar att mejlet kan vara falskt?', 'Vad gör du med mejlet?', 'Vad gör du om du redan har klickat och skrivit ditt lösenord?'],
        },
      ],
      links: [{ title: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se/' }],
      knowledgeItems: [
        {
          id: 'privat-telefon',
          kind: K.Single,
          question: 'Får du ta en bild på en brukare med din privata telefon?',
          options: [
            { id: 'a', text: 'Ja, om bilden är fin.' },
            { id: 'b', text: 'Nej, bilder på brukare tas bara enligt arbetsplatsens rutin och med samtycke – aldrig till privata kanaler.' },
            { id: 'c', text: 'Ja, om du raderar den senare.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'En bild är en personuppgift. Privata telefoner och sociala medier är inte skyddade för det, och tystnadsplikten gäller.',
        },
        {
          id: 'natfiske',
          kind: K.Multiple,
          question: 'Vilka tecken kan visa att ett mejl är falskt (nätfiske)?',
          options: [
            { id: 'a', text: 'Det är bråttom och du hotas med att något stängs.' },
            { id: 'b', text: 'Du ombeds logga in via en länk i mejlet.' },
            { id: 'c', text: 'Avsändarens adress ser nästan, men inte helt, rätt ut.' },
            { id: 'd', text: 'Mejlet är en vanlig kallelse till arbetsplatsträffen från din chef.' },
          ],
          correctOptionIds: ['a', 'b', 'c'],
          explanation: 'Brådska, inloggningslänkar och konstiga avsändare är vanliga tecken. Klicka inte – rapportera enligt rutinen.',
        },
        {
          id: 'klickat',
          kind: K.Single,
          question: 'Du har skrivit ditt lösenord på en falsk sida. Vad gör du?',
          options: [
            { id: 'a', text: 'Inget, det märks nog inte.' },
            { id: 'b', text: 'Byter lösenord direkt och kontaktar IT-support eller rapporterar enligt rutinen.' },
            { id: 'c', text: 'Väntar och ser om något händer.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Ju snabbare du säger till, desto mindre skada. Ingen blir straffad för att rapportera.',
        },
        {
          id: 'obehorig',
          kind: K.Single,
          question: 'En granne till en brukare frågar dig i affären hur brukaren mår. Vad svarar du?',
          options: [
            { id: 'a', text: 'Berättar kort, grannen menar väl.' },
            { id: 'b', text: 'Säger vänligt att du inte kan berätta något om dem du arbetar hos.' },
            { id: 'c', text: 'Ger grannen brukarens telefonnummer.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Tystnadsplikten gäller även på fritiden. Du kan säga det vänligt – det skyddar brukaren.',
        },
        {
          id: 'incident',
          kind: K.Single,
          question: 'Du har skickat ett mejl med uppgifter om en brukare till fel person. Vad gör du?',
          options: [
            { id: 'a', text: 'Rapporterar det direkt enligt rutinen för incidenter.' },
            { id: 'b', text: 'Hoppas att mottagaren inte läser det.' },
            { id: 'c', text: 'Skickar ett nytt mejl och ber mottagaren radera.' },
          ],
          correctOptionIds: ['a'],
          explanation:
            'Ett felskickat mejl med personuppgifter är en incident som ska rapporteras direkt. Ibland måste den anmälas till Integritetsskyddsmyndigheten inom 72 timmar.',
        },
      ],
      repeatIntervalWeeks: 52,
    },
  },
];
