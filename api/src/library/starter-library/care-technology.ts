import { CompetenceDimension as D, KnowledgeItemKind as K, ModuleFormat, ModuleTargetGroup as T } from '@kunna/contracts';
import type { StarterModule } from './starter-types';

/** Technology in care work: digital signing, keyless locks, safety alarms, night-time camera supervision, try-outs. */
export const CARE_TECHNOLOGY_MODULES: StarterModule[] = [
  {
    key: 'digital-signering-lakemedel',
    content: {
      title: 'Digital signering av läkemedel',
      summary:
        'Signera läkemedel och insatser i appen i stället för på papperslistor: när du signerar, vad du gör om ' +
        'läkemedlet inte blev givet och vad du gör om appen inte fungerar.',
      learningGoals: [
        'Du kan signera att ett läkemedel är givet, direkt när det är givet.',
        'Du kan signera att ett läkemedel inte blev givet, med orsak, och vet att du ska kontakta sjuksköterskan.',
        'Du vet att du bara signerar det du själv har gjort och att du behöver en delegering.',
        'Du vet var reservrutinen finns om appen eller surfplattan inte fungerar.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Ability],
      digCompCodes: ['1.3', '4.2', '5.1'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Signera', explanation: 'Bekräfta i appen att du har gjort något, till exempel gett ett läkemedel. Det blir din underskrift.' },
        { term: 'Signeringslista', explanation: 'Listan över läkemedel och insatser som ska ges och signeras för en person.' },
        {
          term: 'Delegering',
          explanation: 'Ett skriftligt beslut från sjuksköterskan att du får göra en viss hälso- och sjukvårdsuppgift, till exempel ge läkemedel.',
        },
        { term: 'Vid behov-läkemedel', explanation: 'Läkemedel som bara ges när det behövs, till exempel mot smärta. Det ska också signeras.' },
        { term: 'Avvikelse', explanation: 'Något som inte blev som det skulle, till exempel ett missat läkemedel. Det ska rapporteras enligt rutinen.' },
        { term: 'Reservrutin', explanation: 'Vad man gör när tekniken inte fungerar, till exempel en papperslista som finns på en bestämd plats.' },
      ],
      facilitatorGuide: `# Före träffen
- Prata med ansvarig sjuksköterska. Be hen gärna vara med en stund och svara på frågor om delegering.
- Ta fram en övningsmiljö eller en testperson i signeringsappen om ni har det. Använd **aldrig** en riktig boendes lista för övning.
- Ta reda på var reservrutinen och papperslistorna finns.

# Under träffen (45 minuter)
1. **Varför digitalt? (5 min).** Färre missade doser, sjuksköterskan ser direkt vad som är givet, inga lösa papper.
2. **Signera givet (10 min).** Visa i övningsmiljön. Poängtera: *signera direkt när läkemedlet är givet – inte innan och inte i slutet av passet.*
3. **Inte givet (10 min).** Visa hur man signerar ”ej given” med orsak, till exempel att personen sov eller avböjde. Kontakta sjuksköterskan enligt rutinen.
4. **Övningen (15 min).** Gör fallet med Karl som avböjer.
5. **Reservrutin (5 min).** Var finns den? Alla ska veta det.

# Tänk på
- Ingen signerar åt någon annan, och ingen ger läkemedel utan giltig delegering.
- Den som är osäker ska kunna fråga utan att skämmas. Erbjud enskilt stöd i appen efter träffen.
`,
      exercises: [
        {
          title: 'Karl vill inte ta sin medicin',
          scenario:
            'Klockan 08 ska Karl ha sina morgontabletter. Han är trött och säger att han inte vill ta dem nu. ' +
            'Du har delegering och surfplattan med signeringsappen.',
          tasks: [
            'Vad signerar du i appen, och vilken orsak väljer du?',
            'Vem kontaktar du, och vad säger du?',
            'Karl vill ta tabletterna en timme senare. Vad gör du då, och hur signeras det?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'nar-signera',
          kind: K.Single,
          question: 'När ska du signera att ett läkemedel är givet?',
          options: [
            { id: 'a', text: 'Direkt när personen har tagit läkemedlet.' },
            { id: 'b', text: 'Innan du går in till personen, så att du inte glömmer.' },
            { id: 'c', text: 'I slutet av arbetspasset, allt på en gång.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Signera direkt efter att läkemedlet är givet. Då stämmer listan, och ingen annan ger samma dos en gång till.',
        },
        {
          id: 'ej-given',
          kind: K.Multiple,
          question: 'En boende avböjer sitt läkemedel. Vad gör du?',
          options: [
            { id: 'a', text: 'Signerar att läkemedlet inte är givet och anger orsak.' },
            { id: 'b', text: 'Kontaktar sjuksköterskan enligt rutinen.' },
            { id: 'c', text: 'Signerar som givet, eftersom du erbjöd det.' },
            { id: 'd', text: 'Lägger tabletterna i maten utan att säga något.' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation:
            'Signera ”ej given” med orsak och kontakta sjuksköterskan. Att gömma läkemedel i maten utan att personen vet är aldrig tillåtet utan särskilt beslut.',
        },
        {
          id: 'signera-annan',
          kind: K.Single,
          question: 'Din kollega gav ett läkemedel men glömde signera och har gått hem. Vad gör du?',
          options: [
            { id: 'a', text: 'Signerar åt kollegan.' },
            { id: 'b', text: 'Kontaktar kollegan eller sjuksköterskan – du signerar bara det du själv har gjort.' },
            { id: 'c', text: 'Ger läkemedlet en gång till för säkerhets skull.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Din signatur betyder att du själv har gett läkemedlet. Kontakta kollegan eller sjuksköterskan och följ rutinen för avvikelser.',
        },
        {
          id: 'appen-nere',
          kind: K.Single,
          question: 'Signeringsappen fungerar inte under läkemedelsrundan. Vad gör du?',
          options: [
            { id: 'a', text: 'Väntar med att ge läkemedel tills appen fungerar.' },
            { id: 'b', text: 'Följer reservrutinen, till exempel papperslistan, och för in signeringarna enligt rutinen efteråt.' },
            { id: 'c', text: 'Ger läkemedlen och skriver inget.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Läkemedlen ska ges i tid. Reservrutinen gör att det ändå blir rätt signerat. Alla ska veta var den finns.',
        },
      ],
      repeatIntervalWeeks: 12,
    },
  },
  {
    key: 'nyckelfria-las',
    content: {
      title: 'Nyckelfria lås i hemtjänsten',
      summary:
        'Öppna dörren hos brukaren med telefonen i stället för med nyckel. Hur det fungerar, varför varje öppning ' +
        'registreras och vad du gör när låset eller telefonen krånglar.',
      learningGoals: [
        'Du kan öppna och låsa ett nyckelfritt lås med appen.',
        'Du vet att varje öppning registreras och varför det är en trygghet för både brukare och personal.',
        'Du vet vad du gör om låset inte öppnas eller om telefonen är borta.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Will],
      digCompCodes: ['4.1', '4.2', '5.1'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 30,
      glossary: [
        { term: 'Nyckelfritt lås', explanation: 'Ett lås på brukarens dörr som öppnas med en app i telefonen i stället för med en vanlig nyckel.' },
        { term: 'Bluetooth', explanation: 'Trådlös kontakt på kort avstånd mellan telefonen och låset. Den måste vara påslagen.' },
        { term: 'Loggning', explanation: 'Att systemet sparar vem som öppnade dörren och när.' },
        { term: 'Behörighet', explanation: 'Att du har fått rätt att öppna just de dörrar du behöver i ditt arbete.' },
        { term: 'Brukare', explanation: 'Den som får hjälp av hemtjänsten.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på hur ert lås och er app fungerar, och be om ett övningslås om det finns.
- Ta reda på reservrutinen: vem ringer man om låset inte öppnas, och var finns reservnycklar?

# Under träffen (30 minuter)
1. **Så fungerar det (5 min).** Appen, Bluetooth och behörighet. Ingen nyckel att tappa, ingen nyckel att lämna över.
2. **Öva (10 min).** Alla öppnar och låser övningslåset. Visa hur man ser att dörren verkligen är låst.
3. **Loggning (5 min).** Varje öppning sparas. Det skyddar brukaren och det skyddar dig om något ifrågasätts.
4. **Övningen (8 min).** Fallet med låset som inte öppnas.
5. **Avslutning (2 min).** Alla har numret till planeringen eller larmcentralen i telefonen.

# Tänk på
- Telefonen med appen är som en knippa nycklar: lämna den aldrig obevakad och anmäl direkt om den är borta.
- *I utvärderingarna berättar nattpersonal att nyckelfria lås gjort dem tryggare – det slipper leta nycklar i mörkret.*
`,
      exercises: [
        {
          title: 'Låset öppnas inte klockan 22',
          scenario:
            'Fatima kommer till Arne för kvällsbesöket. Appen säger ”ingen kontakt med låset”. Det regnar, och Arne ' + 'väntar på hjälp att lägga sig.',
          tasks: [
            'Vad kan Fatima kontrollera i telefonen först?',
            'Vem ringer hon om det fortfarande inte fungerar?',
            'Hur ser ni till att Arne får sin hjälp i tid, och hur dokumenteras det som hänt?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'bluetooth',
          kind: K.Single,
          question: 'Appen får inte kontakt med låset. Vad är det första du kontrollerar?',
          options: [
            { id: 'a', text: 'Att Bluetooth är påslaget och att du står nära dörren.' },
            { id: 'b', text: 'Att telefonen har fulla staplar för mobilnätet.' },
            { id: 'c', text: 'Att dörren är stängd.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Telefonen pratar med låset via Bluetooth på kort avstånd. Slå på Bluetooth och gå nära låset.',
        },
        {
          id: 'tappad-telefon',
          kind: K.Single,
          question: 'Du har tappat tjänstetelefonen med låsappen. Vad gör du?',
          options: [
            { id: 'a', text: 'Anmäler det direkt enligt rutinen så att behörigheten stängs av.' },
            { id: 'b', text: 'Letar själv i lugn och ro och säger till om några dagar.' },
            { id: 'c', text: 'Lånar en kollegas telefon och inloggning.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Telefonen öppnar brukarnas dörrar. Anmäl direkt, så stängs behörigheten av och ingen obehörig kan öppna.',
        },
        {
          id: 'loggning',
          kind: K.Single,
          question: 'Varför sparas varje öppning av låset?',
          options: [
            { id: 'a', text: 'För att chefen ska kunna kontrollera hur snabbt du arbetar.' },
            { id: 'b', text: 'För brukarens trygghet och för att kunna reda ut vad som hänt om något ifrågasätts.' },
            { id: 'c', text: 'Det sparas inte.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Loggen visar vem som öppnade och när. Det skyddar brukaren mot obehöriga och kan också visa att du gjorde ditt besök.',
        },
      ],
      repeatIntervalWeeks: 26,
    },
  },
  {
    key: 'trygghetslarm',
    content: {
      title: 'Trygghetslarm',
      summary:
        'Så går ett larm från brukarens larmknapp via larmcentralen till dig. Ta emot och kvittera larm i telefonen, ' +
        'registrera att du är på plats och kontrollera att larmet fungerar.',
      learningGoals: [
        'Du kan beskriva vägen ett larm tar från brukaren till personalen.',
        'Du kan ta emot, kvittera och avsluta ett larm i telefonen.',
        'Du vet hur och hur ofta larmet ska provas, och vad du gör om det inte fungerar.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Ability],
      digCompCodes: ['2.1', '5.1', '5.2'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Trygghetslarm', explanation: 'En larmknapp, ofta på handleden eller runt halsen, som brukaren trycker på för att få hjälp.' },
        { term: 'Larmcentral', explanation: 'De som tar emot larmet först, pratar med brukaren och skickar vidare till hemtjänsten.' },
        { term: 'Kvittera', explanation: 'Bekräfta i telefonen att du har tagit emot larmet och är på väg.' },
        { term: 'Närvaroregistrering', explanation: 'Att registrera i telefonen att du är hos brukaren. Då syns det att hjälpen har kommit.' },
        { term: 'Provlarm', explanation: 'Ett larm som görs för att kontrollera att allt fungerar.' },
        { term: 'GPS-larm', explanation: 'Ett larm som också visar var personen är, till exempel för den som går ut ensam.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på er larmkedja: vilken larmcentral, vilka telefoner och vilken app tar emot larmen.
- Fråga om ni kan göra ett provlarm tillsammans under träffen.

# Under träffen (45 minuter)
1. **Larmkedjan (10 min).** Rita kedjan på tavlan: larmknapp → larmcentral → telefonen → besök → avslutat larm.
2. **Kvittera och registrera (10 min).** Visa i appen. Kvittera direkt – då vet larmcentralen att någon är på väg.
3. **Provlarm (10 min).** Gör ett provlarm om det går. Prata om hur ofta larmen ska provas hos er och vem som gör det.
4. **Övningen (12 min).** Fallet med Sonja.
5. **Avslutning (3 min).** Vad gör vi om ett larm inte kvitteras av någon?

# Tänk på
- Ett larm är alltid på riktigt tills du vet något annat.
- Låt deltagarna berätta om larm de varit med om. Det ger bra exempel.
`,
      exercises: [
        {
          title: 'Sonja larmar men svarar inte',
          scenario:
            'Klockan 02.40 kommer ett larm från Sonja, 88 år. Larmcentralen har försökt prata med henne men hon svarar inte. ' +
            'Du och en kollega har nattpatrullens telefon.',
          tasks: [
            'Vad gör du i telefonen när larmet kommer?',
            'Vad gör ni när ni kommer fram, och hur registrerar ni att ni är på plats?',
            'Larmet visade sig komma från en knapp som Sonja råkat ligga på. Hur avslutar och dokumenterar ni?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'kvittera',
          kind: K.Single,
          question: 'Varför ska du kvittera ett larm direkt när du tar emot det?',
          options: [
            { id: 'a', text: 'Så att larmcentralen och kollegorna vet att någon är på väg.' },
            { id: 'b', text: 'Så att larmet försvinner från telefonen.' },
            { id: 'c', text: 'Det behövs bara om brukaren är skadad.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'När du kvitterar syns det att larmet är taget. Annars kan larmet skickas vidare eller bli liggande.',
        },
        {
          id: 'larmkedja',
          kind: K.Single,
          question: 'Vart går larmet oftast först när brukaren trycker på larmknappen?',
          options: [
            { id: 'a', text: 'Till larmcentralen.' },
            { id: 'b', text: 'Direkt till ambulansen.' },
            { id: 'c', text: 'Till brukarens anhöriga.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Larmcentralen tar emot larmet, försöker prata med brukaren och skickar det vidare till den personal som ska åka.',
        },
        {
          id: 'provlarm',
          kind: K.Multiple,
          question: 'Vad är viktigt när det gäller att larmet fungerar?',
          options: [
            { id: 'a', text: 'Att larmet provas regelbundet enligt rutinen.' },
            { id: 'b', text: 'Att säga till om batteriet är dåligt eller om brukaren inte bär larmknappen.' },
            { id: 'c', text: 'Att brukaren aldrig provar larmet själv.' },
          ],
          correctOptionIds: ['a', 'b'],
          explanation: 'Regelbundna provlarm visar att hela kedjan fungerar. Ett larm hjälper bara om det fungerar och finns nära brukaren.',
        },
      ],
      repeatIntervalWeeks: 26,
    },
  },
  {
    key: 'nattillsyn-kamera',
    content: {
      title: 'Digital nattillsyn med kamera',
      summary:
        'Titta till en brukare på natten med kamera i stället för att gå in och väcka. Vad som krävs (samtycke och ' +
        'beslut), hur tillsynen går till och varför kameran inte spelar in.',
      learningGoals: [
        'Du vet att kameratillsyn kräver brukarens samtycke och ett beslut.',
        'Du kan genomföra en tillsyn vid den planerade tiden och dokumentera den.',
        'Du vet vad du gör om du ser något oväntat eller om bilden inte fungerar.',
        'Du kan förklara för brukare och anhöriga hur integriteten skyddas.',
      ],
      competenceDimensions: [D.Knowledge, D.Skills, D.Ability, D.Will],
      digCompCodes: ['2.1', '4.2', '4.3'],
      targetGroups: [T.Staff],
      format: ModuleFormat.WorkplaceSession,
      durationMinutes: 45,
      glossary: [
        { term: 'Nattillsyn', explanation: 'Att personal tittar till en person på natten för att se att allt är bra.' },
        { term: 'Kameratillsyn', explanation: 'Tillsyn genom en kamera i bostaden. Personalen tittar en kort stund vid bestämda tider.' },
        { term: 'Samtycke', explanation: 'Att personen själv säger ja. Personen kan ändra sig när som helst.' },
        { term: 'Biståndsbeslut', explanation: 'Kommunens beslut om vilken hjälp personen ska få.' },
        { term: 'Integritet', explanation: 'Rätten att ha sitt privatliv i fred och bestämma över uppgifter om sig själv.' },
      ],
      facilitatorGuide: `# Före träffen
- Ta reda på er rutin: vem fattar beslut, hur samtycke dokumenteras och hur tillsynen görs i systemet.
- Kameran hos er spelar troligen **inte** in. Kontrollera det så att ni kan svara rätt.

# Under träffen (45 minuter)
1. **Varför? (5 min).** Många sover bättre när ingen öppnar dörren mitt i natten. Tillsynen blir också snabbare.
2. **Förutsättningar (10 min).** Samtycke från personen, beslut och en planerad tid. Inget av det får hoppas över.
3. **Så går det till (10 min).** Visa appen eller datorn. Tillsynen är kort, görs vid planerad tid och dokumenteras.
4. **Övningen (15 min).** Fallet med Bertil.
5. **Avslutning (5 min).** Hur förklarar vi kameratillsyn för en orolig anhörig?

# Tänk på
- Ta integritetsfrågorna på allvar. Deltagare som tycker att kamera känns fel har en poäng: därför krävs samtycke.
- Tekniken ersätter inte ett fysiskt besök när något ser oroande ut.
`,
      exercises: [
        {
          title: 'Bertil ligger på golvet',
          scenario:
            'Vid tillsynen klockan 03.00 ser du i kameran att Bertil ligger på golvet bredvid sängen. Han rör sig lite. ' +
            'Bilden är grynig och du kan inte se hans ansikte.',
          tasks: ['Vad gör du direkt?', 'Vem kontaktar du, och i vilken ordning?', 'Hur dokumenterar du tillsynen och det som hände?'],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'samtycke',
          kind: K.Single,
          question: 'Vad krävs innan kameratillsyn får börja hos en brukare?',
          options: [
            { id: 'a', text: 'Att anhöriga tycker att det är en bra idé.' },
            { id: 'b', text: 'Brukarens samtycke och ett beslut om insatsen.' },
            { id: 'c', text: 'Att nattpersonalen har för mycket att göra.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Kameratillsyn rör privatlivet. Personen själv måste säga ja, och det ska finnas ett beslut. Personen kan ändra sig.',
        },
        {
          id: 'inspelning',
          kind: K.Single,
          question: 'Får du spara en bild från kameratillsynen för att visa en kollega?',
          options: [
            { id: 'a', text: 'Ja, om det är något viktigt.' },
            { id: 'b', text: 'Nej. Tillsynen är en kort titt i realtid, och inget ska sparas.' },
            { id: 'c', text: 'Ja, med din egen telefon.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Det som syns i kameran skyddas av tystnadsplikten. Bilder sparas inte. Det du ser dokumenterar du i journalen.',
        },
        {
          id: 'oroande',
          kind: K.Single,
          question: 'Du ser något oroande i kameran. Vad gör du?',
          options: [
            { id: 'a', text: 'Tittar igen vid nästa planerade tillsyn.' },
            { id: 'b', text: 'Ser till att någon åker dit direkt, enligt rutinen.' },
            { id: 'c', text: 'Skickar ett sms till anhöriga.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Kameran ersätter inte ett besök när något ser fel ut. Någon ska åka dit direkt, och sjuksköterska kontaktas vid behov.',
        },
      ],
      repeatIntervalWeeks: 26,
    },
  },
  {
    key: 'prova-valfardsteknik',
    content: {
      title: 'Prova ny välfärdsteknik',
      summary:
        'Prova en ny teknik på den egna arbetsplatsen, till exempel en läkemedelsrobot, en rörelsesensor eller en ' +
        'surfplatta för aktiviteter. Utgå från behovet, låt brukaren vara med och följ upp om det blev bättre.',
      learningGoals: [
        'Du kan beskriva ett behov hos en brukare eller i arbetet som tekniken ska lösa.',
        'Du kan prova tekniken tillsammans med kollegor och brukare på ett tryggt sätt.',
        'Du kan följa upp och berätta om tekniken gjorde skillnad.',
        'Du vågar föreslå nya lösningar och säga ifrån när något inte fungerar.',
      ],
      competenceDimensions: [D.Ability, D.Will, D.Skills],
      digCompCodes: ['5.2', '5.3', '5.4'],
      targetGroups: [T.Staff, T.Managers],
      format: ModuleFormat.TechnologyTryout,
      durationMinutes: 60,
      glossary: [
        { term: 'Välfärdsteknik', explanation: 'Digital teknik som hjälper personer att klara sig själva, känna sig trygga eller vara delaktiga.' },
        { term: 'Behov', explanation: 'Det som behöver bli bättre, till exempel att en person glömmer sina tabletter.' },
        { term: 'Läkemedelsrobot', explanation: 'En apparat som säger till och lämnar ut rätt tabletter vid rätt tid.' },
        { term: 'Sensor', explanation: 'En liten apparat som känner av något, till exempel om någon går upp ur sängen.' },
        { term: 'Uppföljning', explanation: 'Att efter en tid titta på om det blev som man tänkt.' },
      ],
      facilitatorGuide: `# Före träffen
- Bestäm vilken teknik ni provar, och låna den (många kommuner har ett tekniklån eller en testbädd).
- Ta reda på vem som ansvarar för tekniken, till exempel sjuksköterska eller arbetsterapeut.

# Under träffen (60 minuter)
1. **Behovet först (10 min).** Vilket problem ska tekniken lösa? Skriv behovet i en mening.
2. **Prova själva (20 min).** Alla provar tekniken. Vad är lätt, vad är svårt?
3. **Brukarens perspektiv (10 min).** Hur frågar vi brukaren, och hur blir hen delaktig? Samtycke behövs.
4. **Övningen (15 min).** Fallet med läkemedelsroboten.
5. **Plan (5 min).** Vem provar vad, hos vem och hur länge? Bestäm en dag för uppföljning om några veckor.

# Tänk på
- Tekniken är till för människan, inte tvärtom.
- *Ett boende testade att lägga matbeställningen på en surfplatta i köket – nu arbetar flera boenden så.* Små idéer räknas.
`,
      exercises: [
        {
          title: 'Läkemedelsroboten hos Maj',
          scenario:
            'Maj, 79 år, bor hemma och glömmer ofta sin lunchmedicin. Hemtjänsten åker dit varje dag bara för den. ' +
            'Sjuksköterskan föreslår en läkemedelsrobot som piper och lämnar ut rätt dos.',
          tasks: [
            'Skriv behovet i en mening, sett från Majs håll.',
            'Vad behöver Maj veta och säga ja till innan ni provar?',
            'Hur och när följer ni upp att roboten fungerar för Maj och för er?',
          ],
        },
      ],
      links: [],
      knowledgeItems: [
        {
          id: 'behov-forst',
          kind: K.Single,
          question: 'Var ska man börja när man vill prova en ny teknik?',
          options: [
            { id: 'a', text: 'Med behovet: vad ska bli bättre och för vem?' },
            { id: 'b', text: 'Med att köpa den nyaste tekniken.' },
            { id: 'c', text: 'Med att läsa hela bruksanvisningen.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Teknik hjälper bara om den löser ett verkligt behov. Börja med behovet och välj sedan teknik.',
        },
        {
          id: 'delaktighet',
          kind: K.Single,
          question: 'Vem ska vara med och bestämma när teknik provas hemma hos en brukare?',
          options: [
            { id: 'a', text: 'Bara personalen.' },
            { id: 'b', text: 'Brukaren själv, tillsammans med personal och vid behov anhöriga.' },
            { id: 'c', text: 'Bara den som säljer tekniken.' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Det är brukarens hem och liv. Brukaren ska förstå, vara delaktig och säga ja.',
        },
        {
          id: 'uppfoljning',
          kind: K.Single,
          question: 'Varför följer man upp efter några veckor?',
          options: [
            { id: 'a', text: 'För att se om tekniken verkligen gjorde skillnad, och ändra om det behövs.' },
            { id: 'b', text: 'För att lämna tillbaka tekniken.' },
            { id: 'c', text: 'Det behövs inte om tekniken fungerade första dagen.' },
          ],
          correctOptionIds: ['a'],
          explanation: 'Först efter en tid syns om tekniken används och hjälper. Då kan man behålla, ändra eller sluta.',
        },
      ],
      repeatIntervalWeeks: 8,
    },
  },
];
