import { CompetenceDimension as D, KnowledgeItemKind as K, ModuleFormat, ModuleTargetGroup as T } from '@kunna/contracts';
import type { StarterModule } from './starter-types';

/** Everyday digital tools at work: the basics, Teams, signing in with an e-ID, calendars and schedules. */
export const EVERYDAY_IT_MODULES: StarterModule[] = [
  {
    key: 'it-pa-jobbet',
    content: {
      title: 'Grundläggande IT på jobbet',
      summary:
        'Logga in, hitta rätt, hålla surfplattan och telefonen i ordning och veta vart man vänder sig när något krånglar. ' +
        'För dig som vill känna dig trygg med de digitala verktyg vi använder varje dag.',
      learningGoals: [
        'Du kan logga in och logga ut på arbetsplatsens dator, surfplatta och telefon.',
        'Du kan byta lösenord och vet hur ett starkt lösenord ser ut.',
        'Du vet vad du gör när något inte fungerar och vem du frågar.',
        'Du vågar fråga en kollega om hjälp – alla har varit nybörjare.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Will],
      digCompCodes: ['1.1', '4.1', '5.1', '5.4'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Logga in', explanation: 'Visa vem du är för datorn eller appen, oftast med användarnamn och lösenord eller med kort och kod.' },
        { term: 'Logga ut', explanation: 'Avsluta så att nästa person inte kan se eller ändra något i ditt namn.' },
        { term: 'Lösenord', explanation: 'En hemlig kod som bara du kan. Den ska aldrig skrivas på en lapp vid datorn.' },
        { term: 'Surfplatta', explanation: 'En liten dator med pekskärm, till exempel en iPad.' },
        { term: 'Wifi', explanation: 'Trådlöst internet på arbetsplatsen. Telefonen eller surfplattan kopplar upp sig utan sladd.' },
        { term: 'Uppdatera', explanation: 'Installera den senaste versionen av ett program. Det rättar fel och gör enheten säkrare.' },
        { term: 'IT-support', explanation: 'De som hjälper till när tekniken inte fungerar. Numret ska finnas uppsatt på arbetsplatsen.' },
      ],
      facilitatorGuide: `# Före träffen
- Boka ett rum med en dator och en surfplatta som alla kan se, gärna kopplad till en skärm.
- Ta reda på numret till IT-support och hur man gör en felanmälan hos er. Skriv upp det på en lapp att dela ut.
- Tänk på att flera kanske känner sig osäkra. **Ingen fråga är dum.**

# Under träffen (45 minuter)
1. **Start (5 min).** Fråga: *Vad använder ni datorn, surfplattan och telefonen till på jobbet?* Skriv upp svaren.
2. **Logga in och ut (10 min).** Visa hur man loggar in och ut. Låt var och en prova på en egen enhet. Visa hur man låser skärmen när man går ifrån en stund.
3. **Lösenord (10 min).** Prata om varför man inte delar lösenord. Visa hur man byter lösenord hos er. Tips: en mening med flera ord är lätt att minnas och svår att gissa.
4. **När något krånglar (10 min).** Gå igenom ordningen: starta om – fråga en kollega – kontakta IT-support. Visa var numret finns.
5. **Övningen (8 min).** Gör övningen ”Surfplattan startar inte” i par.
6. **Avslutning (2 min).** Fråga vad var och en ska prova själv den här veckan.

# Tänk på
- Låt deltagarna själva hålla i musen och skärmen. Visa, men ta inte över.
- Använd orden i ordlistan och förklara dem med egna exempel.
- Den som inte vill prova inför gruppen kan få enskilt stöd efteråt.
`,
      exercises: [
        {
          title: 'Surfplattan startar inte',
          scenario:
            'Det är morgon på boendet. Amina ska signera läkemedel på surfplattan, men skärmen är svart. ' +
            'Kollegan som brukar hjälpa till har inte kommit än, och läkemedelsrundan börjar om tio minuter.',
          tasks: [
            'Vad kan Amina prova själv först? Gör en lista i rätt ordning.',
            'När ska hon kontakta IT-support, och var hittar hon numret hos er?',
            'Vad gör hon om surfplattan inte går att använda alls innan rundan? Vilken reservrutin har ni?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'losenord-dela',
          kind: K.Single,
          question: 'En kollega har glömt sitt lösenord och vill låna ditt för att dokumentera. Vad gör du?',
          options: [
            { id: 'a', text: 'Lånar ut det, men bara den här gången.' },
            { id: 'b', text: 'Säger nej och hjälper kollegan att kontakta IT-support för att få ett nytt.' },
            { id: 'c', text: 'Loggar in själv och låter kollegan skriva.' },
          ],
          correctOptionIds: ['b'],
          explanation:
            'Allt som görs med ditt lösenord registreras i ditt namn. Kollegan ska ha ett eget konto – IT-support kan hjälpa till att byta lösenord.',
        },
        {
          id: 'las-skarmen',
          kind: K.Single,
          question: 'Du blir kallad till en boende och lämnar datorn i personalrummet. Vad ska du göra först?',
          options: [
            { id: 'a', text: 'Låsa skärmen eller logga ut.' },
            { id: 'b', text: 'Stänga av skärmen med knappen.' },
            { id: 'c', text: 'Ingenting, du är snart tillbaka.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'En släckt skärm är inte låst. Lås datorn (till exempel Windows-tangenten + L) så att ingen annan kan använda den i ditt namn.',
        },
        {
          id: 'krangel-ordning',
          kind: K.Multiple,
          question: 'Appen på telefonen fungerar inte. Vilka av de här är bra att prova först?',
          options: [
            { id: 'a', text: 'Stänga appen och öppna den igen.' },
            { id: 'b', text: 'Starta om telefonen.' },
            { id: 'c', text: 'Ta bort appen och alla inställningar.' },
            { id: 'd', text: 'Fråga en kollega som kan appen.' },
          ],
          correctOptionIds: ['a', 'b', 'd'],
          explanation:
            'Att starta om löser många problem. En kollega kan ofta hjälpa snabbt. Ta aldrig bort appar eller inställningar själv – kontakta IT-support om det inte hjälper.',
        },
        {
          id: 'starkt-losenord',
          kind: K.Single,
          question: 'Vilket lösenord är starkast?',
          options: [
            { id: 'a', text: 'Sommar2025' },
            { id: 'b', text: 'Kaffe-i-Solgården-smakar-gott' },
            { id: 'c', text: '123456' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Långa lösenord med flera ord är både lätta att minnas och svåra att gissa. Årstid och årtal är bland det första någon gissar.',
        },
      ],
      repeatIntervalWeeks: 12,
    },
  },
  {
    key: 'teams-digitala-moten',
    content: {
      title: 'Teams och digitala möten',
      summary:
        'Delta i arbetsplatsträffar, utbildningar och samtal med anhöriga via Teams. Mikrofon, kamera, chatt och ' + 'hur man beter sig i ett digitalt möte.',
      learningGoals: [
        'Du kan gå med i ett Teams-möte från en länk i kalendern eller i ett mejl.',
        'Du kan slå på och av mikrofon och kamera och använda chatten.',
        'Du vet vad som är bra att tänka på i ett digitalt möte (nätetikett).',
        'Du kan hjälpa en boende att ringa ett videosamtal till en anhörig.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Ability],
      digCompCodes: ['2.1', '2.4', '2.5'],
      targetGroups: [T.Staff, T.Managers],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Teams', explanation: 'Ett program för möten, chatt och samarbete via dator, surfplatta eller telefon.' },
        { term: 'Möteslänk', explanation: 'En länk som du trycker på för att komma in i mötet.' },
        { term: 'Mikrofon av (ljud av)', explanation: 'De andra hör dig inte. Slå av när du inte pratar, så stör inte ljud runt omkring.' },
        { term: 'Chatt', explanation: 'Skriva korta meddelanden i mötet eller till en kollega.' },
        { term: 'Dela skärm', explanation: 'Visa det du har på din skärm för de andra i mötet.' },
        { term: 'Nätetikett', explanation: 'Hur man beter sig väl på nätet och i digitala möten, till exempel att inte prata i mun på varandra.' },
      ],
      facilitatorGuide: `# Före träffen
- Boka ett testmöte i Teams som alla deltagare får en länk till.
- Se till att det finns hörlurar eller att ni sitter i olika rum, så att det inte blir rundgång.
- Ha en surfplatta redo för övningen med videosamtal.

# Under träffen (45 minuter)
1. **Gå med i mötet (10 min).** Alla går med i testmötet från sin egen enhet. Hjälp den som fastnar – det är vanligt.
2. **Mikrofon, kamera och chatt (10 min).** Turas om att säga något, slå av ljudet, skriva i chatten och räcka upp handen.
3. **Nätetikett (5 min).** Prata om: slå av mikrofonen när du inte pratar, vänta på din tur, tänk på vad som syns bakom dig. *Prata aldrig om en boende så att obehöriga hör.*
4. **Övningen (15 min).** Gör övningen med videosamtalet till en anhörig.
5. **Avslutning (5 min).** När har ni nästa digitala möte? Bestäm att alla ska gå med från egen enhet.

# Tänk på
- Visa på samma utrustning som används på arbetsplatsen.
- Möten med känsliga uppgifter om boende ska följa er rutin för sekretess.
`,
      exercises: [
        {
          title: 'Videosamtal till dottern',
          scenario:
            'Greta, 91 år, bor på boendet. Hennes dotter bor i Umeå och vill gärna se henne på söndag. ' +
            'Greta har aldrig gjort ett videosamtal och hör dåligt.',
          tasks: [
            'Hur förbereder ni samtalet? Vem skickar länk eller ringer upp, och på vilken enhet?',
            'Öva samtalet i par: en är Greta, en är personal. Tänk på ljudet och var surfplattan står.',
            'Vad behöver ni tänka på så att Gretas integritet skyddas, till exempel vilka andra som syns eller hörs?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'mikrofon',
          kind: K.Single,
          question: 'Du är med i ett Teams-möte men ska inte prata just nu. Det är stökigt omkring dig. Vad gör du?',
          options: [
            { id: 'a', text: 'Slår av mikrofonen.' },
            { id: 'b', text: 'Lämnar mötet.' },
            { id: 'c', text: 'Stänger av kameran.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Med mikrofonen av hörs inte ljudet runt dig. Slå på den igen när du vill säga något.',
        },
        {
          id: 'ga-med',
          kind: K.Single,
          question: 'Hur går du oftast med i ett Teams-möte?',
          options: [
            { id: 'a', text: 'Trycker på mötets länk i kalendern eller mejlet.' },
            { id: 'b', text: 'Ringer till den som har bokat mötet.' },
            { id: 'c', text: 'Söker på mötets namn på internet.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Mötet har en egen länk. Den finns i kalenderinbjudan eller i mejlet du fick.',
        },
        {
          id: 'kansliga-uppgifter',
          kind: K.Multiple,
          question: 'Vad är bra att tänka på om ni pratar om en boende i ett digitalt möte?',
          options: [
            { id: 'a', text: 'Att sitta där obehöriga inte hör eller ser.' },
            { id: 'b', text: 'Att bara de som behöver uppgifterna är med i mötet.' },
            { id: 'c', text: 'Att spela in mötet så att alla kan titta senare.' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation: 'Samma tystnadsplikt gäller i digitala möten. Välj en plats där ingen annan hör, och spela inte in möten med uppgifter om boende.',
        },
      ],
      repeatIntervalWeeks: 8,
    },
  },
  {
    key: 'siths-bankid-inloggning',
    content: {
      title: 'Logga in med SITHS-kort eller BankID',
      summary:
        'E-legitimation på jobbet: SITHS-kort med PIN-kod, Mobilt SITHS och BankID. Hur du loggar in säkert och vad ' +
        'du gör om kortet är borta eller koden spärrad.',
      learningGoals: [
        'Du vet vad en e-legitimation är och varför den är personlig.',
        'Du kan logga in med SITHS-kort (eller Mobilt SITHS) och PIN-kod.',
        'Du tar alltid med kortet och låser datorn när du går ifrån.',
        'Du vet vad du gör om kortet försvinner eller PIN-koden spärras.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Will],
      digCompCodes: ['2.6', '4.1', '4.2'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 30,
      glossary: [
        { term: 'E-legitimation', explanation: 'En digital id-handling. Den visar vem du är när du loggar in, ungefär som ett id-kort.' },
        { term: 'SITHS-kort', explanation: 'Ett id-kort för personal i vård och omsorg. Det sitter ett chip i kortet som läses av i datorn.' },
        { term: 'Mobilt SITHS', explanation: 'SITHS i en app i telefonen i stället för ett kort.' },
        { term: 'PIN-kod', explanation: 'En hemlig sifferkod som hör till kortet. Bara du får kunna den.' },
        { term: 'PUK-kod', explanation: 'En kod för att låsa upp kortet om du har skrivit fel PIN-kod för många gånger.' },
        { term: 'BankID', explanation: 'En e-legitimation från banken. Vissa tjänster på jobbet kan använda den.' },
        { term: 'Spärra', explanation: 'Stänga av kortet så att ingen annan kan använda det, till exempel om det är borttappat.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på hur ni loggar in hos er: SITHS-kort, Mobilt SITHS eller BankID, och till vilka system.
- Ta reda på vem som spärrar kort och beställer nya (ofta en id-administratör), och numret dit.

# Under träffen (30 minuter)
1. **Vad är en e-legitimation? (5 min)** Jämför med ett id-kort. Den som använder din e-legitimation gör det **i ditt namn**.
2. **Logga in (10 min).** Visa inloggningen steg för steg. Låt alla prova med eget kort.
3. **Gå ifrån datorn (5 min).** Ta med kortet och lås skärmen. Kortet i läsaren betyder att vem som helst kan fortsätta i ditt namn.
4. **Övningen (8 min).** Prata om fallet med det glömda kortet.
5. **Avslutning (2 min).** Alla vet vem de ringer om kortet är borta.

# Tänk på
- Säg tydligt: man lånar aldrig ut kort eller kod, inte ens till en nära kollega.
- Den som har svårt att minnas koder kan få tips, men koden skrivs aldrig på kortet.
`,
      exercises: [
        {
          title: 'Kortet satt kvar',
          scenario:
            'På kvällen hittar Johan en kollegas SITHS-kort i läsaren på expeditionen. Kollegan har gått hem. ' +
            'Datorn är inte låst och journalsystemet är öppet.',
          tasks: [
            'Vad gör Johan först med datorn och kortet?',
            'Vem ska han kontakta, i kväll och i morgon?',
            'Vad kan ni göra på arbetsplatsen så att det inte händer igen?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'pin-dela',
          kind: K.Single,
          question: 'Får en kollega använda ditt SITHS-kort om du säger att det är okej?',
          options: [
            { id: 'a', text: 'Ja, om det är bråttom.' },
            { id: 'b', text: 'Nej, kortet och PIN-koden är personliga.' },
            { id: 'c', text: 'Ja, om chefen har sagt ja.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Allt som görs med ditt kort registreras i ditt namn. Ingen annan får använda det, inte ens med lov.',
        },
        {
          id: 'tappat-kort',
          kind: K.Single,
          question: 'Du har tappat ditt SITHS-kort. Vad gör du?',
          options: [
            { id: 'a', text: 'Väntar några dagar, det kanske dyker upp.' },
            { id: 'b', text: 'Ser till att kortet spärras direkt enligt er rutin och säger till din chef.' },
            { id: 'c', text: 'Lånar en kollegas kort tills vidare.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Ett borttappat kort ska spärras direkt så att ingen annan kan använda det. Ett nytt kort beställs enligt er rutin.',
        },
        {
          id: 'ga-ifran',
          kind: K.Multiple,
          question: 'Du går ifrån datorn en stund. Vad gör du?',
          options: [
            { id: 'a', text: 'Tar med SITHS-kortet.' },
            { id: 'b', text: 'Låser datorn.' },
            { id: 'c', text: 'Skriver PIN-koden på en lapp till kollegan.' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation: 'Ta med kortet och lås datorn. Då kan ingen fortsätta arbeta i ditt namn.',
        },
      ],
      repeatIntervalWeeks: 26,
    },
  },
  {
    key: 'digital-kalender-schema',
    content: {
      title: 'Digitala kalendrar och schema',
      summary: 'Använda den digitala kalendern och schemaappen: se arbetspass, boka och svara på möten, dela arbetsplatsens ' + 'kalender och få påminnelser.',
      learningGoals: [
        'Du kan se ditt schema och dina arbetspass i appen eller på datorn.',
        'Du kan svara på en mötesinbjudan och se mötet i din kalender.',
        'Du kan använda arbetsplatsens gemensamma kalender, till exempel för aktiviteter och besök.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills],
      digCompCodes: ['1.3', '2.4'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 30,
      glossary: [
        { term: 'Kalender', explanation: 'En digital almanacka där möten och aktiviteter står. Den finns i datorn och i telefonen.' },
        { term: 'Mötesinbjudan', explanation: 'Ett meddelande om ett möte. Du svarar ja, nej eller kanske.' },
        { term: 'Gemensam kalender', explanation: 'En kalender som alla på arbetsplatsen kan se, till exempel för aktiviteter med de boende.' },
        { term: 'Påminnelse', explanation: 'En signal eller ett meddelande som säger till innan något börjar.' },
        { term: 'Schemaapp', explanation: 'En app där du ser dina arbetspass och kan anmäla intresse för lediga pass.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på vilka kalendrar och vilken schemaapp ni använder och vem som har tillgång.
- Skicka en mötesinbjudan till deltagarna som de kan öva på att svara på.

# Under träffen (30 minuter)
1. **Mitt schema (10 min).** Alla öppnar schemaappen och letar fram nästa veckas pass.
2. **Mötesinbjudan (5 min).** Svara på inbjudan du skickade. Visa var mötet syns sedan.
3. **Gemensam kalender (10 min).** Gör övningen om fotvården.
4. **Avslutning (5 min).** Vilka papperslappar på anslagstavlan skulle kunna bli en gemensam kalender?
`,
      exercises: [
        {
          title: 'Fotvården kommer på tisdag',
          scenario:
            'Fotvårdaren kommer till boendet på tisdag klockan 10–14. Förra gången visste ingen på kvällspasset att ' +
            'tre boende hade fått tid, och lappen på anslagstavlan hade försvunnit.',
          tasks: [
            'Lägg in besöket i arbetsplatsens gemensamma kalender. Vad ska stå i rubriken, och vad ska inte stå där?',
            'Lägg till en påminnelse dagen innan.',
            'Hur får ni reda på vilka boende som har tid utan att skriva namnen där många kan se dem?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'svara-inbjudan',
          kind: K.Single,
          question: 'Du får en mötesinbjudan till arbetsplatsträffen. Varför är det bra att svara?',
          options: [
            { id: 'a', text: 'Då vet den som bjöd in om du kommer, och mötet läggs in i din kalender.' },
            { id: 'b', text: 'Annars försvinner mötet.' },
            { id: 'c', text: 'Det behövs inte, man svarar bara på mejl.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'När du svarar ser den som bjöd in vilka som kommer, och mötet finns kvar i din kalender med länk och tid.',
        },
        {
          id: 'kalender-kansligt',
          kind: K.Single,
          question: 'Vad ska INTE stå i en gemensam kalender som många kan se?',
          options: [
            { id: 'a', text: 'Att fotvården kommer på tisdag.' },
            { id: 'b', text: 'En boendes diagnos och namn.' },
            { id: 'c', text: 'Tid för arbetsplatsträffen.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Uppgifter om hälsa och vem som har vilken vård hör hemma i journalsystemet, inte i en kalender som många kan se.',
        },
        {
          id: 'paminnelse',
          kind: K.Single,
          question: 'Hur kan kalendern hjälpa dig att inte glömma ett möte?',
          options: [
            { id: 'a', text: 'Genom en påminnelse en stund innan mötet.' },
            { id: 'b', text: 'Kalendern ringer upp dig.' },
            { id: 'c', text: 'Den kan inte hjälpa till med det.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Du kan ställa in en påminnelse, till exempel 15 minuter innan. Då plingar det i telefonen eller datorn.',
        },
      ],
      repeatIntervalWeeks: 26,
    },
  },
];
