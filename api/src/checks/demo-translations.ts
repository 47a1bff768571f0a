import type { Client } from 'pg';

type Texts = { text: string; options?: Record<string, string> };
/** One item's machine-made drafts in Arabic, Somali and lätt svenska. */
type ItemTexts = Record<'ar' | 'so' | 'sv-x-easy', Texts>;

/**
 * Machine-made draft translations of the demo instrument's items (a translation tool's output, not yet reviewed):
 * the demo instrument allows drafts, so staff can answer in Arabic, Somali or lätt svenska; the core items'
 * translations are the network's, shared with every organisation.
 */
export const DEMO_ITEM_TRANSLATIONS: Record<string, ItemTexts> = {
  signera: {
    ar: { text: 'أستطيع التوقيع على جولة الأدوية رقمياً.' },
    so: { text: 'Waxaan si dijitaal ah u saxiixi karaa wareegga daawooyinka.' },
    'sv-x-easy': { text: 'Jag kan skriva under digitalt när jag har gett medicin.' },
  },
  teams: {
    ar: { text: 'أستطيع المشاركة في اجتماع Teams من جهاز لوحي.' },
    so: { text: 'Waxaan ka qayb geli karaa shir Teams ah anigoo isticmaalaya tablet.' },
    'sv-x-easy': { text: 'Jag kan vara med på ett möte i Teams på en surfplatta.' },
  },
  losenord: {
    ar: { text: 'أستطيع أن أحكم إن كانت كلمة المرور آمنة بما يكفي.' },
    so: { text: "Waxaan go'aamin karaa in erayga sirta ahi uu ammaan ku filan yahay." },
    'sv-x-easy': { text: 'Jag vet om ett lösenord är bra och säkert.' },
  },
  'signera-innan': {
    ar: { text: 'فكّر في الماضي: قبل الجلسة كنت أستطيع التوقيع على جولة الأدوية رقمياً.' },
    so: { text: 'Dib u fikir: kahor kulanka waxaan si dijitaal ah u saxiixi jiray wareegga daawooyinka.' },
    'sv-x-easy': { text: 'Tänk på hur det var förut: innan vi träffades kunde jag skriva under digitalt när jag gett medicin.' },
  },
  fraga: {
    ar: { text: 'أجرؤ على سؤال زميل عندما لا أفهم شيئاً رقمياً.' },
    so: { text: 'Waxaan ku dhiirran karaa inaan weydiiyo saaxiib shaqo marka aanan fahmin wax dijitaal ah.' },
    'sv-x-easy': { text: 'Jag frågar en kollega när jag inte förstår något i datorn eller telefonen.' },
  },
  'fel-signering': {
    ar: {
      text: 'لقد وقّعت على دواء خاطئ. ماذا تفعل؟',
      options: { a: 'أصحّح التوقيع فوراً وأخبر الممرضة.', b: 'أتركه كما هو، سيلاحظه أحد على أي حال.', c: 'أحذف القائمة كلها وأبدأ من جديد.' },
    },
    so: {
      text: 'Waxaad saxiixday daawo khaldan. Maxaad samaynaysaa?',
      options: {
        a: 'Isla markiiba waan saxayaa saxiixa waxaanan u sheegayaa kalkaalisada.',
        b: 'Waan iska daynayaa, si kastaba waa la ogaan doonaa.',
        c: 'Waxaan tirtirayaa liiska oo dhan oo dib ayaan u bilaabayaa.',
      },
    },
    'sv-x-easy': {
      text: 'Du har skrivit under för fel medicin. Vad gör du?',
      options: {
        a: 'Jag rättar det direkt och säger det till sjuksköterskan.',
        b: 'Jag gör ingenting. Någon ser det ändå.',
        c: 'Jag tar bort hela listan och börjar om.',
      },
    },
  },
  lurad: {
    ar: {
      text: 'يتصل بك شخص ويقول إنه من قسم تقنية المعلومات ويطلب كلمة مرورك. ماذا تفعل؟',
      options: { a: 'أرفض وأتصل بنفسي بالدعم الفني.', b: 'أعطيه كلمة المرور إذا بدا الشخص موثوقاً.', c: 'أرسل كلمة المرور برسالة نصية بدلاً من ذلك.' },
    },
    so: {
      text: 'Qof ayaa ku soo wacaya, wuxuu sheegayaa inuu ka yimid IT, wuxuuna ku weydiinayaa erayga sirta ah. Maxaad samaynaysaa?',
      options: {
        a: 'Waan diidayaa, anigaa naftayda u wacaya taageerada IT.',
        b: 'Waan siinayaa haddii qofku u ekaado mid la aamini karo.',
        c: 'Taa beddelkeeda waxaan ugu dirayaa fariin qoraal ah.',
      },
    },
    'sv-x-easy': {
      text: 'Någon ringer och säger: ”Jag är från IT. Ge mig ditt lösenord.” Vad gör du?',
      options: {
        a: 'Jag säger nej. Sedan ringer jag själv till IT.',
        b: 'Jag ger lösenordet om personen verkar snäll.',
        c: 'Jag skickar lösenordet i ett sms.',
      },
    },
  },
  nytt: {
    ar: { text: 'هل تعلّمت شيئاً جديداً؟' },
    so: { text: 'Ma baratay wax cusub?' },
    'sv-x-easy': { text: 'Lärde du dig något nytt i dag?' },
  },
  nytta: {
    ar: { text: 'هل سيفيدك ذلك في عملك؟' },
    so: { text: 'Ma waxay kaa caawin doontaa shaqadaada?' },
    'sv-x-easy': { text: 'Kan du använda det i ditt jobb?' },
  },
  anvant: {
    ar: { text: 'هل استخدمت ما تعلّمته منذ الجلسة؟' },
    so: { text: 'Ma isticmaashay wixii aad baratay tan iyo kulankii?' },
    'sv-x-easy': { text: 'Har du använt det du lärde dig?' },
  },
};

/** The three core items, in the order of DEMO_CORE_ITEMS. */
export const DEMO_CORE_TRANSLATIONS: ItemTexts[] = [
  {
    ar: { text: 'أعرف أين أجد المساعدة عندما يتعطل شيء رقمي في العمل.' },
    so: { text: 'Waan garanayaa halka aan ka helo caawimaad marka wax dijitaal ahi ku xumaadaan shaqada.' },
    'sv-x-easy': { text: 'Jag vet vem som kan hjälpa mig när datorn eller telefonen krånglar på jobbet.' },
  },
  {
    ar: { text: 'أستطيع تسجيل الدخول والعثور على ما أحتاجه في نظام العمل.' },
    so: { text: 'Waan geli karaa oo waan ka heli karaa waxaan u baahanahay nidaamka shaqada.' },
    'sv-x-easy': { text: 'Jag kan logga in i systemet vi skriver i och hitta det jag behöver.' },
  },
  {
    ar: { text: 'الأدوات الرقمية تجعل عملي أسهل.' },
    so: { text: 'Qalabka dijitaalka ahi waxay shaqadayda ka dhigaan mid fudud.' },
    'sv-x-easy': { text: 'Datorer, surfplattor och appar gör mitt jobb lättare.' },
  },
];

/** Inserts the drafts (machine-made, unreviewed) and lets the instrument show them. */
export async function loadDemoTranslations(
  client: Client,
  context: { networkId: string; organisationId: string; instrumentId: string; hrId: string; coordinatorId: string },
  items: ReadonlyArray<{ key: string; textSv: string }>,
  coreKeys: readonly string[],
): Promise<void> {
  const insert = async (
    organisationId: string | null,
    instrumentId: string | null,
    itemKey: string,
    language: string,
    texts: Texts,
    sourceText: string,
    by: string,
  ) =>
    client.query(
      `insert into check_item_translation (network_id, organisation_id, instrument_id, item_key, language, text, options, source_text, source, created_by, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'machine', $9, $9)`,
      [context.networkId, organisationId, instrumentId, itemKey, language, texts.text, JSON.stringify(texts.options ?? {}), sourceText, by],
    );
  for (const item of items) {
    const own = DEMO_ITEM_TRANSLATIONS[item.key];
    const coreIndex = coreKeys.indexOf(item.key);
    if (own) {
      for (const [language, texts] of Object.entries(own)) {
        await insert(context.organisationId, context.instrumentId, item.key, language, texts, item.textSv, context.hrId);
      }
    } else if (coreIndex >= 0) {
      for (const [language, texts] of Object.entries(DEMO_CORE_TRANSLATIONS[coreIndex])) {
        await insert(null, null, item.key, language, texts, item.textSv, context.coordinatorId);
      }
    }
  }
  await client.query(`update check_instrument set allow_draft_translations = true where id = $1`, [context.instrumentId]);
}
