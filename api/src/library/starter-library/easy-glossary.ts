import type { GlossaryEntry } from '@kunna/contracts';
import { STARTER_MODULES } from './load-starter-library';

/**
 * The starter library's glossary words explained in lätt svenska (easy Swedish): short sentences, everyday words,
 * one thing at a time. Shown beside the ordinary explanation to staff who read Kunna in lätt svenska, or who ask for it.
 * A word used in two modules has one easy explanation that fits both.
 */
export const EASY_GLOSSARY: Readonly<Record<string, string>> = {
  Digitaliseringsombud: 'En kollega som har gått en utbildning. Hen hjälper dig och andra att lära sig datorn, telefonen och apparna på jobbet.',
  Tillfälle: 'En träff på jobbet. Ni lär er något tillsammans.',
  Närvaro: 'Vem som var med på träffen. Det skrivs upp.',
  'Före- och eftermätning': 'Några korta frågor före träffen och efter träffen. De visar vad du har lärt dig.',
  Uppföljning: 'Att titta igen efter en tid. Blev det bra? Använder vi det vi lärde oss?',
  Digitaliseringsskam: 'Att skämmas för att man inte kan datorn eller telefonen. Då vågar man inte fråga. Alla får fråga.',
  'Enskilt stöd': 'Hjälp till bara dig. Ni tar det i din takt.',
  'Steg för steg': 'Att göra en liten sak i taget.',
  Andraspråk: 'Ett språk som du har lärt dig efter ditt första språk.',
  Lathund: 'En kort lapp som visar hur man gör. Ofta med bilder.',
  Signera: 'Att trycka i appen att du har gjort något. Till exempel gett medicin. Det är som din namnteckning.',
  Signeringslista: 'En lista över medicin och hjälp som en person ska få. Du signerar på listan.',
  Delegering: 'Ett papper från sjuksköterskan. Det säger att du får göra en viss sak, till exempel ge medicin.',
  'Vid behov-läkemedel': 'Medicin som personen bara får när den behövs. Till exempel mot ont. Du signerar den också.',
  Avvikelse: 'Något blev fel. Till exempel att någon inte fick sin medicin. Du ska berätta det enligt rutinen.',
  Reservrutin: 'Vad du gör när tekniken inte fungerar. Till exempel en lista på papper.',
  'Nyckelfritt lås': 'Ett lås som du öppnar med telefonen. Du behöver ingen vanlig nyckel.',
  Bluetooth: 'Telefonen pratar med låset utan sladd. Bluetooth måste vara på.',
  Loggning: 'Datorn sparar vem som gjorde något och när.',
  Behörighet: 'Att du får öppna eller läsa det du behöver i ditt jobb.',
  Brukare: 'Personen som får hjälp av er.',
  Trygghetslarm: 'En knapp som personen trycker på när hen behöver hjälp.',
  Larmcentral: 'De som får larmet först. De pratar med personen och ringer till er.',
  Kvittera: 'Att trycka i telefonen att du har fått larmet och att du kommer.',
  Närvaroregistrering: 'Att trycka i telefonen att du är hos personen.',
  Provlarm: 'Ett larm på låtsas. Man testar att larmet fungerar.',
  'GPS-larm': 'Ett larm som visar var personen är.',
  Nattillsyn: 'Att titta till en person på natten. Är allt bra?',
  Kameratillsyn: 'Att titta till en person med en kamera. Bara en kort stund, på bestämda tider.',
  Samtycke: 'Att personen själv säger ja. Personen får ändra sig.',
  Biståndsbeslut: 'Kommunen bestämmer vilken hjälp personen ska få.',
  Integritet: 'Att få vara ifred. Att själv bestämma vad andra får veta om en.',
  Välfärdsteknik: 'Teknik som hjälper personer att klara sig själva och känna sig trygga.',
  Behov: 'Det som personen behöver hjälp med.',
  Läkemedelsrobot: 'En maskin som ger rätt medicin vid rätt tid.',
  Sensor: 'En liten sak som känner av något. Till exempel om någon går upp ur sängen.',
  Verksamhetssystem: 'Programmet i datorn där ni skriver om personerna ni hjälper.',
  'Social dokumentation': 'Det du skriver om personens dag och om hjälpen hen fick.',
  Genomförandeplan: 'En plan för hjälpen. Personen är med och gör planen.',
  Saklig: 'Skriv det som hände. Skriv inte vad du tycker.',
  Sekretess: 'Du får inte berätta om personerna ni hjälper för andra.',
  Tystnadsplikt: 'Du får inte berätta om personerna ni hjälper för någon som inte jobbar med dem.',
  Personuppgift: 'Något som visar vem en person är. Till exempel namn, personnummer eller bild.',
  Nätfiske: 'Falska mejl eller sms. De vill lura dig att klicka eller ge ditt lösenord.',
  Incident: 'Något blev fel med uppgifter. Till exempel ett mejl till fel person.',
  Obehörig: 'En person som inte får se uppgiften.',
  'Logga in': 'Att visa datorn eller appen vem du är. Ofta med namn och lösenord.',
  'Logga ut': 'Att stänga så att ingen annan kan göra något i ditt namn.',
  Lösenord: 'En hemlig kod. Bara du ska kunna den. Skriv den inte på en lapp.',
  Surfplatta: 'En liten dator som du trycker på med fingret. Till exempel en iPad.',
  Wifi: 'Internet utan sladd.',
  Uppdatera: 'Att hämta den nya versionen av ett program. Det gör programmet säkrare.',
  'IT-support': 'De som hjälper dig när datorn eller telefonen inte fungerar.',
  Teams: 'Ett program för möten och meddelanden på datorn eller telefonen.',
  Möteslänk: 'Tryck på länken. Då kommer du in i mötet.',
  'Mikrofon av (ljud av)': 'De andra hör dig inte. Stäng av när du inte pratar.',
  Chatt: 'Att skriva korta meddelanden.',
  'Dela skärm': 'Att visa din skärm för de andra i mötet.',
  Nätetikett: 'Att vara trevlig på nätet och i möten. Vänta på din tur att prata.',
  'E-legitimation': 'Ett id-kort i datorn eller telefonen. Det visar vem du är.',
  'SITHS-kort': 'Ett id-kort för personal i vården. Datorn läser kortet.',
  'Mobilt SITHS': 'SITHS i en app i telefonen, i stället för ett kort.',
  'PIN-kod': 'En hemlig kod med siffror till kortet. Bara du ska kunna den.',
  'PUK-kod': 'En kod som öppnar kortet igen om du har skrivit fel PIN-kod för många gånger.',
  BankID: 'Ett id från banken i telefonen. Det visar vem du är.',
  Spärra: 'Att stänga av kortet. Gör det om du har tappat bort kortet.',
  Kalender: 'En almanacka i datorn eller telefonen. Där står möten och annat.',
  Mötesinbjudan: 'Ett meddelande om ett möte. Du svarar ja, nej eller kanske.',
  'Gemensam kalender': 'En kalender som alla på jobbet kan se.',
  Påminnelse: 'Ett ljud eller ett meddelande innan något börjar.',
  Schemaapp: 'En app där du ser när du ska jobba.',
};

/** Every (word, explanation) pair of the starter library: only its entries, and copies of them, get the easy text. */
const STARTER_ENTRIES = new Set(STARTER_MODULES.flatMap((module) => module.content.glossary.map((entry) => pairKey(entry))));

function pairKey(entry: GlossaryEntry): string {
  return `${entry.term}\u0000${entry.explanation}`;
}

/** The glossary with `explanationEasy` on the starter library's words (the others have none written, and no such key). */
export function withEasyExplanations(glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return glossary.map((entry) => {
    const easy = STARTER_ENTRIES.has(pairKey(entry)) ? EASY_GLOSSARY[entry.term] : undefined;
    return easy ? { term: entry.term, explanation: entry.explanation, explanationEasy: easy } : { term: entry.term, explanation: entry.explanation };
  });
}
