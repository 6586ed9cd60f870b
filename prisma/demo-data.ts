// Demo data: only what the news reports in ../shared/seeds/ say, each fact tied to its
// report and date. What the reports do not give (prison addresses, birthdays,
// patronymics) stays empty and the site shows it as unknown. Never add a fact here
// without its source.
// A report's characterisation of a person ("former general", "presidential candidates") is
// quoted as its words and attributed to it, never stated in Listy's voice.
import type {
  DatePrecision,
  FactKind,
  FigureMetric,
  FigureQualifier,
  GrammaticalGender,
  LetterStatus,
  NameScript,
  PrisonerStatus,
} from "@prisma/client";

import type { Language } from "~/i18n";

/** Text in every interface language; the seed refuses a missing one. */
export type Localized = Record<Language, string>;

export interface DemoSource {
  key: string;
  publication: string;
  title: string | null;
  author: string | null;
  publishedOn: string;
  datePrecision: DatePrecision;
  /** For editors: how the date or publisher was established. Not shown to supporters. */
  note: string | null;
}

export const demoSources: DemoSource[] = [
  {
    key: "ips-2025-02-10",
    publication: "Inter Press Service",
    title: null,
    author: null,
    publishedOn: "2025-02-10",
    datePrecision: "DAY",
    note: "IPS UN Bureau report dated 10 February 2025; the stored copy has no headline.",
  },
  {
    key: "ap-2025-07",
    publication: "The Associated Press",
    title: null,
    author: null,
    publishedOn: "2025-07-01",
    datePrecision: "MONTH",
    note: "Datelined Tallinn, 'Tuesday'. It reports Tsikhanouski's release (June 2025) as 'last month', so July 2025.",
  },
  {
    key: "perspectives-2024",
    publication: "Perspectives",
    title: "Lukashenka’s Revenge: Political Imprisonment in Belarus",
    author: null,
    publishedOn: "2024-01-01",
    datePrecision: "YEAR",
    note: "The stored copy names no publisher or date; it follows Navalny's death (February 2024), hence 2024.",
  },
  {
    key: "guardian-2025-09",
    publication: "The Guardian",
    title: "‘People are dying’: Belarusians warn Lukashenko’s crackdown is far from over",
    author: "Pjotr Sauer",
    publishedOn: "2025-09-01",
    datePrecision: "MONTH",
    note: "Reports the release of 52 prisoners 'earlier this month' (11 September 2025), so September 2025.",
  },
  {
    key: "ips-2025-10-07",
    publication: "Inter Press Service",
    title: "Belarus Prisoner Release a Diversion, Say Rights Activists",
    author: "Ed Holt",
    publishedOn: "2025-10-07",
    datePrecision: "DAY",
    note: null,
  },
];

export interface DemoFigure {
  metric: FigureMetric;
  value: number;
  qualifier: FigureQualifier;
  countedBy: string | null;
  observedOn: string;
  observedPrecision: DatePrecision;
  source: string;
}

export const demoFigures: DemoFigure[] = [
  { metric: "POLITICAL_PRISONERS", value: 1400, qualifier: "MORE_THAN", countedBy: null, observedOn: "2024-01-01", observedPrecision: "YEAR", source: "perspectives-2024" },
  { metric: "DIED_IN_CUSTODY", value: 5, qualifier: "AT_LEAST", countedBy: null, observedOn: "2024-01-01", observedPrecision: "YEAR", source: "perspectives-2024" },
  { metric: "ARRESTED", value: 100, qualifier: "MORE_THAN", countedBy: "Viasna", observedOn: "2025-05-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "RELEASED", value: 14, qualifier: "EXACT", countedBy: "Viasna", observedOn: "2025-06-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "ARRESTED", value: 60, qualifier: "AT_LEAST", countedBy: "Viasna", observedOn: "2025-06-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "POLITICAL_PRISONERS", value: 1174, qualifier: "EXACT", countedBy: "Viasna", observedOn: "2025-07-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "JOURNALISTS_IMPRISONED", value: 38, qualifier: "EXACT", countedBy: "Viasna", observedOn: "2025-07-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "DIED_IN_CUSTODY", value: 8, qualifier: "AT_LEAST", countedBy: null, observedOn: "2025-07-01", observedPrecision: "MONTH", source: "ap-2025-07" },
  { metric: "RELEASED", value: 52, qualifier: "EXACT", countedBy: null, observedOn: "2025-09-11", observedPrecision: "DAY", source: "ips-2025-10-07" },
  { metric: "RELEASED", value: 25, qualifier: "EXACT", countedBy: null, observedOn: "2025-09-16", observedPrecision: "DAY", source: "ips-2025-10-07" },
  { metric: "POLITICAL_PRISONERS", value: 1184, qualifier: "EXACT", countedBy: "Viasna", observedOn: "2025-09-18", observedPrecision: "DAY", source: "ips-2025-10-07" },
  { metric: "POLITICAL_PRISONERS", value: 1168, qualifier: "EXACT", countedBy: "Viasna", observedOn: "2025-09-01", observedPrecision: "MONTH", source: "guardian-2025-09" },
  { metric: "JOURNALISTS_IMPRISONED", value: 27, qualifier: "AT_LEAST", countedBy: "Belarusian Association of Journalists", observedOn: "2025-09-01", observedPrecision: "MONTH", source: "ips-2025-10-07" },
];

export interface DemoFacility {
  slug: string;
  kind: "PRISON";
  town: string;
  name: Localized;
}

export const demoFacilities: DemoFacility[] = [
  {
    slug: "hrodna-prison",
    kind: "PRISON",
    town: "Hrodna",
    name: {
      en: "Hrodna prison",
      be: "Гродзенская турма",
      ru: "Гродненская тюрьма",
      uk: "Гродненська в’язниця",
      pl: "Więzienie w Grodnie",
      lt: "Gardino kalėjimas",
    },
  },
];

interface DemoName {
  script: NameScript;
  givenName: string;
  familyName: string;
}

export interface DemoFact {
  kind: FactKind;
  occurredOn: string | null;
  datePrecision: DatePrecision | null;
  source: string;
  text: Localized;
}

export interface DemoChargeType {
  slug: string;
  /** Criminal Code article, only when a source names it. */
  article: string | null;
  name: Localized;
  explanation: Localized;
}

/** Charges named in the reports, explained in plain words for supporters. */
export const demoChargeTypes: DemoChargeType[] = [
  {
    slug: "extremism",
    article: null,
    name: { en: "Extremism", be: "Экстрэмізм", ru: "Экстремизм", uk: "Екстремізм", pl: "Ekstremizm", lt: "Ekstremizmas" },
    explanation: {
      en: "People in Belarus have been prosecuted on “extremism” charges for articles, online comments, donations, or for following channels and media that the authorities declared extremist.",
      be: "У Беларусі людзей пераследуюць па абвінавачанні ў «экстрэмізме» за артыкулы, каментары ў сеціве, ахвяраванні або падпіску на каналы і медыя, якія ўлады абвясцілі «экстрэмісцкімі».",
      ru: "В Беларуси людей преследуют по обвинению в «экстремизме» за статьи, комментарии в интернете, пожертвования или подписку на каналы и СМИ, которые власти объявили «экстремистскими».",
      uk: "У Білорусі людей переслідують за обвинуваченням в «екстремізмі» за статті, коментарі в інтернеті, пожертви або підписку на канали й медіа, які влада оголосила «екстремістськими».",
      pl: "Na Białorusi ludzie są ścigani z zarzutem „ekstremizmu” za artykuły, komentarze w internecie, darowizny albo obserwowanie kanałów i mediów, które władze uznały za „ekstremistyczne”.",
      lt: "Baltarusijoje žmonės persekiojami dėl kaltinimų „ekstremizmu“ už straipsnius, komentarus internete, aukas ar kanalų ir žiniasklaidos, kuriuos valdžia paskelbė „ekstremistiniais“, sekimą.",
    },
  },
  {
    slug: "high-treason",
    article: null,
    name: { en: "High treason", be: "Здрада дзяржаве", ru: "Измена государству", uk: "Державна зрада", pl: "Zdrada stanu", lt: "Valstybės išdavystė" },
    explanation: {
      en: "In Belarus this charge has been brought against people accused of helping a foreign state or organisation, for example by talking to foreign media or opposition groups. It carries some of the longest sentences.",
      be: "У Беларусі гэтае абвінавачанне прад’яўляюць людзям, якіх вінавацяць у дапамозе замежнай дзяржаве або арганізацыі, напрыклад за размовы з замежнымі медыя або апазіцыйнымі групамі. За яго даюць адны з самых доўгіх тэрмінаў.",
      ru: "В Беларуси это обвинение предъявляют людям, которых обвиняют в помощи иностранному государству или организации, например за разговоры с иностранными СМИ или оппозиционными группами. За него дают одни из самых длинных сроков.",
      uk: "У Білорусі це обвинувачення висувають людям, яких звинувачують у допомозі іноземній державі чи організації, наприклад за розмови з іноземними медіа або опозиційними групами. За нього дають одні з найдовших строків.",
      pl: "Na Białorusi ten zarzut stawia się ludziom oskarżonym o pomoc obcemu państwu lub organizacji, na przykład za rozmowy z zagranicznymi mediami albo grupami opozycyjnymi. Grożą za niego jedne z najdłuższych wyroków.",
      lt: "Baltarusijoje šis kaltinimas pateikiamas žmonėms, kaltinamiems padėjus užsienio valstybei ar organizacijai, pavyzdžiui, kalbėjusiems su užsienio žiniasklaida ar opozicijos grupėmis. Už jį skiriamos vienos ilgiausių bausmių.",
    },
  },
];

export interface DemoPrisoner {
  slug: string;
  /** Reported sentence in months; null when not sentenced or not reported. */
  sentenceMonths?: number | null;
  /** Charges the reports name, with the report that names each. */
  charges?: { type: string; source: string }[];
  status: PrisonerStatus;
  /** The report that gives the status; it is dated as that report unless statusReportedOn says otherwise. */
  statusSource: string;
  letterStatus: LetterStatus;
  /** The report that gives the letter status; null only for UNKNOWN (nobody has reported it). */
  letterStatusSource: string | null;
  /** From the pronouns the reports use. */
  grammaticalGender: GrammaticalGender;
  statusSince: string | null;
  statusSincePrecision: DatePrecision | null;
  arrestedOn: string | null;
  arrestedOnPrecision: DatePrecision | null;
  facility: string | null;
  lastVerifiedOn: string;
  names: DemoName[];
  summary: Localized;
  facts: DemoFact[];
}

const name = (script: NameScript, givenName: string, familyName: string): DemoName => ({ script, givenName, familyName });

export const demoPrisoners: DemoPrisoner[] = [
  {
    slug: "ales-bialiatski",
    status: "IN_CUSTODY",
    statusSource: "guardian-2025-09",
    letterStatus: "INCOMMUNICADO",
    letterStatusSource: "perspectives-2024",
    grammaticalGender: "MASCULINE",
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Алесь", "Бяляцкі"),
      name("RU_CYRILLIC", "Алесь", "Беляцкий"),
      name("LATIN", "Ales", "Bialiatski"),
      name("VARIANT", "Aleś", "Bialacki"),
      name("VARIANT", "Ales", "Byalyatski"),
      name("VARIANT", "Alesis", "Beliackis"),
    ],
    summary: {
      en: "Founder of the Viasna human rights centre, Nobel Peace Prize laureate (2022)",
      be: "Заснавальнік праваабарончага цэнтра «Вясна», лаўрэат Нобелеўскай прэміі міру (2022)",
      ru: "Основатель правозащитного центра «Весна», лауреат Нобелевской премии мира (2022)",
      uk: "Засновник правозахисного центру «Весна», лауреат Нобелівської премії миру (2022)",
      pl: "Założyciel Centrum Praw Człowieka „Wiasna”, laureat Pokojowej Nagrody Nobla (2022)",
      lt: "Žmogaus teisių centro „Viasna“ įkūrėjas, Nobelio taikos premijos laureatas (2022)",
    },
    facts: [
      {
        kind: "ROLE",
        occurredOn: null,
        datePrecision: null,
        source: "ap-2025-07",
        text: {
          en: "Founder of the Viasna human rights centre; won the Nobel Peace Prize in 2022.",
          be: "Заснавальнік праваабарончага цэнтра «Вясна»; у 2022 годзе атрымаў Нобелеўскую прэмію міру.",
          ru: "Основатель правозащитного центра «Весна»; в 2022 году получил Нобелевскую премию мира.",
          uk: "Засновник правозахисного центру «Весна»; у 2022 році отримав Нобелівську премію миру.",
          pl: "Założyciel Centrum Praw Człowieka „Wiasna”; w 2022 roku otrzymał Pokojową Nagrodę Nobla.",
          lt: "Žmogaus teisių centro „Viasna“ įkūrėjas; 2022 m. gavo Nobelio taikos premiją.",
        },
      },
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) says he was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) паведамляе, што яго «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) сообщает, что его «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) повідомляє, що його «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) podaje, że był „przez wiele miesięcy przetrzymywany w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) rašoma, kad jis „daug mėnesių buvo laikomas visiškoje izoliacijoje (incommunicado)“.",
        },
      },
      {
        kind: "DETENTION",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Still behind bars, counted by Viasna among 1,168 political detainees.",
          be: "Па-ранейшаму за кратамі: «Вясна» ўлічвае яго ў ліку 1168 палітычных зняволеных.",
          ru: "По-прежнему за решёткой: «Весна» учитывает его в числе 1168 политических заключённых.",
          uk: "Досі за ґратами: «Весна» зараховує його до 1168 політичних ув’язнених.",
          pl: "Nadal przebywa za kratami: Wiasna zalicza go do 1168 więźniów politycznych.",
          lt: "Tebėra už grotų: „Viasna“ jį skaičiuoja tarp 1168 politinių kalinių.",
        },
      },
    ],
  },
  {
    slug: "maryia-kalesnikava",
    status: "IN_CUSTODY",
    statusSource: "guardian-2025-09",
    letterStatus: "INCOMMUNICADO",
    letterStatusSource: "perspectives-2024",
    grammaticalGender: "FEMININE",
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Марыя", "Калеснікава"),
      name("RU_CYRILLIC", "Мария", "Колесникова"),
      name("LATIN", "Maryia", "Kalesnikava"),
      name("VARIANT", "Maria", "Kolesnikova"),
      name("VARIANT", "Maria", "Kalesnikava"),
      name("VARIANT", "Maryja", "Kalesnikawa"),
      name("VARIANT", "Marija", "Kalesnikava"),
    ],
    summary: {
      en: "Musician turned opposition leader who tore up her passport rather than be expelled",
      be: "Музыкантка, якая стала лідаркай апазіцыі і парвала свой пашпарт, каб яе не выслалі",
      ru: "Музыкант, ставшая лидером оппозиции и разорвавшая свой паспорт, чтобы её не выдворили",
      uk: "Музикантка, яка стала лідеркою опозиції й розірвала свій паспорт, аби її не вислали",
      pl: "Muzyk, która została liderką opozycji i podarła paszport, by nie dać się wydalić",
      lt: "Muzikantė, tapusi opozicijos lydere ir suplėšiusi savo pasą, kad nebūtų išsiųsta iš šalies",
    },
    facts: [
      {
        kind: "OTHER",
        occurredOn: "2020-09-01",
        datePrecision: "MONTH",
        source: "perspectives-2024",
        text: {
          en: "Defiantly tore up her passport in front of security service members as they tried to expel her to Ukraine.",
          be: "Дэманстратыўна парвала свой пашпарт на вачах у супрацоўнікаў спецслужбаў, калі тыя спрабавалі выслаць яе ва Украіну.",
          ru: "Демонстративно разорвала свой паспорт на глазах у сотрудников спецслужб, когда те пытались выдворить её в Украину.",
          uk: "Демонстративно розірвала свій паспорт на очах у співробітників спецслужб, коли ті намагалися вислати її до України.",
          pl: "Demonstracyjnie podarła paszport na oczach funkcjonariuszy służb bezpieczeństwa, którzy próbowali wydalić ją do Ukrainy.",
          lt: "Demonstratyviai suplėšė savo pasą saugumo tarnybų pareigūnams matant, kai šie bandė ją išsiųsti į Ukrainą.",
        },
      },
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) says she was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) паведамляе, што яе «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) сообщает, что её «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) повідомляє, що її «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) podaje, że była „przez wiele miesięcy przetrzymywana w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) rašoma, kad ji „daug mėnesių buvo laikoma visiškoje izoliacijoje (incommunicado)“.",
        },
      },
      {
        kind: "DETENTION",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Still among the more than 1,000 political detainees.",
          be: "Па-ранейшаму сярод больш чым 1000 палітычных зняволеных.",
          ru: "По-прежнему в числе более чем 1000 политических заключённых.",
          uk: "Досі серед понад 1000 політичних ув’язнених.",
          pl: "Nadal pozostaje wśród ponad 1000 więźniów politycznych.",
          lt: "Tebėra tarp daugiau nei 1000 politinių kalinių.",
        },
      },
    ],
  },
  {
    slug: "viktar-babaryka",
    status: "INCOMMUNICADO",
    statusSource: "perspectives-2024",
    letterStatus: "INCOMMUNICADO",
    letterStatusSource: "perspectives-2024",
    grammaticalGender: "MASCULINE",
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2024-01-01",
    names: [
      name("BE_CYRILLIC", "Віктар", "Бабарыка"),
      name("RU_CYRILLIC", "Виктор", "Бабарико"),
      name("LATIN", "Viktar", "Babaryka"),
      name("VARIANT", "Viktor", "Babariko"),
      name("VARIANT", "Wiktar", "Babaryka"),
    ],
    summary: {
      en: "Prominent opposition figure",
      be: "Вядомы дзеяч апазіцыі",
      ru: "Известный оппозиционный деятель",
      uk: "Відомий опозиційний діяч",
      pl: "Znany działacz opozycji",
      lt: "Žinomas opozicijos veikėjas",
    },
    facts: [
      {
        kind: "ROLE",
        occurredOn: "2020-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) names him among the “2020 presidential candidates” and among “the most prominent opposition politicians and activists challenging Lukashenka’s decades-long reign”.",
          be: "Эсэ 2024 года (Perspectives) называе яго ў ліку «кандыдатаў у прэзідэнты 2020 года» і «самых вядомых апазіцыйных палітыкаў і актывістаў, якія кідаюць выклік шматгадоваму праўленню Лукашэнкі».",
          ru: "Эссе 2024 года (Perspectives) называет его в числе «кандидатов в президенты 2020 года» и «самых известных оппозиционных политиков и активистов, бросающих вызов многолетнему правлению Лукашенко».",
          uk: "Есей 2024 року (Perspectives) називає його серед «кандидатів у президенти 2020 року» та «найвідоміших опозиційних політиків і активістів, які кидають виклик багаторічному правлінню Лукашенка».",
          pl: "Esej z 2024 roku (Perspectives) wymienia go wśród „kandydatów na prezydenta w 2020 roku” i „najbardziej znanych polityków i działaczy opozycji, którzy rzucają wyzwanie wieloletnim rządom Łukaszenki”.",
          lt: "2024 m. esė (Perspectives) jis minimas tarp „2020 m. kandidatų į prezidentus“ ir „žymiausių opozicijos politikų bei aktyvistų, metančių iššūkį ilgametiam Lukašenkos valdymui“.",
        },
      },
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) says he was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) паведамляе, што яго «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) сообщает, что его «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) повідомляє, що його «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) podaje, że był „przez wiele miesięcy przetrzymywany w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) rašoma, kad jis „daug mėnesių buvo laikomas visiškoje izoliacijoje (incommunicado)“.",
        },
      },
    ],
  },
  {
    slug: "mikalai-statkevich",
    status: "INCOMMUNICADO",
    statusSource: "guardian-2025-09",
    letterStatus: "INCOMMUNICADO",
    letterStatusSource: "guardian-2025-09",
    grammaticalGender: "MASCULINE",
    statusSince: "2025-09-01",
    statusSincePrecision: "MONTH",
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-10-07",
    names: [
      name("BE_CYRILLIC", "Мікалай", "Статкевіч"),
      name("RU_CYRILLIC", "Николай", "Статкевич"),
      name("LATIN", "Mikalai", "Statkevich"),
      name("VARIANT", "Nikolai", "Statkevich"),
      name("VARIANT", "Mikola", "Statkevich"),
      name("VARIANT", "Mikałaj", "Statkiewicz"),
    ],
    summary: {
      en: "Veteran opposition politician who refused to leave Belarus",
      be: "Апазіцыйны палітык з вялікім стажам, які адмовіўся пакінуць Беларусь",
      ru: "Оппозиционный политик с многолетним стажем, отказавшийся покинуть Беларусь",
      uk: "Опозиційний політик із багаторічним стажем, який відмовився залишити Білорусь",
      pl: "Polityk opozycji z wieloletnim stażem, który odmówił opuszczenia Białorusi",
      lt: "Ilgametis opozicijos politikas, atsisakęs palikti Baltarusiją",
    },
    facts: [
      {
        kind: "ROLE",
        occurredOn: null,
        datePrecision: null,
        source: "guardian-2025-09",
        text: {
          en: "The Guardian calls him “a veteran opposition figure and former general repeatedly jailed for challenging Lukashenko” and gives his age as 69.",
          be: "The Guardian называе яго «ветэранам апазіцыі і былым генералам, якога неаднойчы саджалі за краты за тое, што ён кідаў выклік Лукашэнку», і паведамляе яго ўзрост: 69 гадоў.",
          ru: "The Guardian называет его «ветераном оппозиции и бывшим генералом, которого не раз сажали в тюрьму за то, что он бросал вызов Лукашенко», и указывает его возраст: 69 лет.",
          uk: "The Guardian називає його «ветераном опозиції та колишнім генералом, якого неодноразово ув’язнювали за те, що він кидав виклик Лукашенку», і вказує його вік: 69 років.",
          pl: "The Guardian nazywa go „weteranem opozycji i byłym generałem, wielokrotnie więzionym za rzucanie wyzwania Łukaszence” i podaje jego wiek: 69 lat.",
          lt: "The Guardian jį vadina „opozicijos veteranu ir buvusiu generolu, ne kartą kalintu už tai, kad metė iššūkį Lukašenkai“, ir nurodo jo amžių – 69 metai.",
        },
      },
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) says he was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) паведамляе, што яго «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) сообщает, что его «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) повідомляє, що його «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) podaje, że był „przez wiele miesięcy przetrzymywany w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) rašoma, kad jis „daug mėnesių buvo laikomas visiškoje izoliacijoje (incommunicado)“.",
        },
      },
      {
        kind: "REARREST",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Freed and brought to the Lithuanian border with other released prisoners, he refused to cross and walked back into Belarusian custody. He has not been heard from since.",
          be: "Яго вызвалілі і разам з іншымі вызваленымі вязнямі прывезлі да літоўскай мяжы, але ён адмовіўся яе перасякаць і пешшу вярнуўся пад варту беларускіх уладаў. З таго часу ад яго няма ніякіх вестак.",
          ru: "Его освободили и вместе с другими освобождёнными заключёнными привезли к литовской границе, но он отказался её пересекать и пешком вернулся под стражу белорусских властей. С тех пор от него нет никаких вестей.",
          uk: "Його звільнили й разом з іншими звільненими в’язнями привезли до литовського кордону, але він відмовився його перетинати й пішки повернувся під варту білоруської влади. Відтоді від нього немає жодних звісток.",
          pl: "Uwolniony i przywieziony wraz z innymi zwolnionymi więźniami do granicy z Litwą, odmówił jej przekroczenia i pieszo wrócił do białoruskiego aresztu. Od tamtej pory nie ma od niego żadnych wieści.",
          lt: "Paleistas ir kartu su kitais paleistais kaliniais atvežtas prie Lietuvos sienos, jis atsisakė ją kirsti ir pėsčias grįžo atgal į Baltarusijos valdžios rankas. Nuo tada apie jį nėra jokių žinių.",
        },
      },
      {
        kind: "REARREST",
        occurredOn: null,
        datePrecision: null,
        source: "ips-2025-10-07",
        text: {
          en: "Refused to leave Belarus after being freed and was re-arrested soon after.",
          be: "Пасля вызвалення адмовіўся пакідаць Беларусь і неўзабаве быў зноў арыштаваны.",
          ru: "После освобождения отказался покидать Беларусь и вскоре был снова арестован.",
          uk: "Після звільнення відмовився залишати Білорусь і невдовзі був знову заарештований.",
          pl: "Po uwolnieniu odmówił opuszczenia Białorusi i wkrótce potem został ponownie aresztowany.",
          lt: "Paleistas į laisvę atsisakė išvykti iš Baltarusijos ir netrukus vėl buvo suimtas.",
        },
      },
    ],
  },
  {
    slug: "ihar-losik",
    status: "INCOMMUNICADO",
    statusSource: "perspectives-2024",
    letterStatus: "INCOMMUNICADO",
    letterStatusSource: "perspectives-2024",
    grammaticalGender: "MASCULINE",
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2024-01-01",
    names: [
      name("BE_CYRILLIC", "Ігар", "Лосік"),
      name("RU_CYRILLIC", "Игорь", "Лосик"),
      name("LATIN", "Ihar", "Losik"),
      name("VARIANT", "Igor", "Losik"),
      name("VARIANT", "Ihar", "Łosik"),
    ],
    summary: {
      en: "Blogger",
      be: "Блогер",
      ru: "Блогер",
      uk: "Блогер",
      pl: "Bloger",
      lt: "Tinklaraštininkas",
    },
    facts: [
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) calls him a blogger and says he was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) называе яго блогерам і паведамляе, што яго «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) называет его блогером и сообщает, что его «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) називає його блогером і повідомляє, що його «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) nazywa go blogerem i podaje, że był „przez wiele miesięcy przetrzymywany w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) jis vadinamas tinklaraštininku ir rašoma, kad jis „daug mėnesių buvo laikomas visiškoje izoliacijoje (incommunicado)“.",
        },
      },
    ],
  },
  {
    slug: "ihar-ilyash",
    sentenceMonths: 48,
    charges: [{ type: "extremism", source: "guardian-2025-09" }],
    status: "IN_CUSTODY",
    statusSource: "ips-2025-10-07",
    letterStatus: "UNKNOWN",
    letterStatusSource: null,
    grammaticalGender: "MASCULINE",
    statusSince: "2025-09-01",
    statusSincePrecision: "MONTH",
    arrestedOn: "2024-10-01",
    arrestedOnPrecision: "MONTH",
    facility: null,
    lastVerifiedOn: "2025-10-07",
    names: [
      name("BE_CYRILLIC", "Ігар", "Ільяш"),
      name("RU_CYRILLIC", "Игорь", "Ильяш"),
      name("LATIN", "Ihar", "Ilyash"),
      name("VARIANT", "Igor", "Ilyash"),
      name("VARIANT", "Ihar", "Iljasz"),
    ],
    summary: {
      en: "Independent journalist sentenced to four years",
      be: "Незалежны журналіст, асуджаны на чатыры гады",
      ru: "Независимый журналист, приговорённый к четырём годам",
      uk: "Незалежний журналіст, засуджений до чотирьох років",
      pl: "Niezależny dziennikarz skazany na cztery lata",
      lt: "Nepriklausomas žurnalistas, nuteistas ketveriems metams",
    },
    facts: [
      {
        kind: "ARREST",
        occurredOn: "2024-10-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Arrested in October 2024.",
          be: "Арыштаваны ў кастрычніку 2024 года.",
          ru: "Арестован в октябре 2024 года.",
          uk: "Заарештований у жовтні 2024 року.",
          pl: "Aresztowany w październiku 2024 roku.",
          lt: "Suimtas 2024 m. spalį.",
        },
      },
      {
        kind: "SENTENCE",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Sentenced to four years in prison on extremism charges for articles critical of Lukashenka.",
          be: "Асуджаны на чатыры гады пазбаўлення волі па абвінавачванні ў экстрэмізме за артыкулы з крытыкай Лукашэнкі.",
          ru: "Приговорён к четырём годам лишения свободы по обвинению в экстремизме за статьи с критикой Лукашенко.",
          uk: "Засуджений до чотирьох років ув’язнення за звинуваченням в екстремізмі за статті з критикою Лукашенка.",
          pl: "Skazany na cztery lata więzienia na podstawie zarzutów ekstremizmu za artykuły krytyczne wobec Łukaszenki.",
          lt: "Nuteistas ketveriems metams kalėjimo pagal kaltinimus ekstremizmu už Lukašenką kritikuojančius straipsnius.",
        },
      },
      {
        kind: "SENTENCE",
        occurredOn: null,
        datePrecision: null,
        source: "ips-2025-10-07",
        text: {
          en: "Sentenced days after the release of 52 prisoners; the Belarusian Association of Journalists called the verdict a sign that the crackdown on independent media continues.",
          be: "Асуджаны праз некалькі дзён пасля вызвалення 52 вязняў; Беларуская асацыяцыя журналістаў назвала прысуд знакам таго, што рэпрэсіі супраць незалежных медыя працягваюцца.",
          ru: "Осуждён через несколько дней после освобождения 52 заключённых; Белорусская ассоциация журналистов назвала приговор знаком того, что репрессии против независимых СМИ продолжаются.",
          uk: "Засуджений за кілька днів після звільнення 52 в’язнів; Білоруська асоціація журналістів назвала вирок ознакою того, що репресії проти незалежних медіа тривають.",
          pl: "Skazany kilka dni po uwolnieniu 52 więźniów; Białoruskie Stowarzyszenie Dziennikarzy nazwało wyrok sygnałem, że represje wobec niezależnych mediów trwają nadal.",
          lt: "Nuteistas praėjus kelioms dienoms po 52 kalinių paleidimo; Baltarusijos žurnalistų asociacija pavadino nuosprendį ženklu, kad susidorojimas su nepriklausoma žiniasklaida tęsiasi.",
        },
      },
    ],
  },
  {
    slug: "katsiaryna-bakhvalava",
    sentenceMonths: 96,
    charges: [{ type: "high-treason", source: "guardian-2025-09" }],
    status: "IN_CUSTODY",
    statusSource: "guardian-2025-09",
    letterStatus: "UNKNOWN",
    letterStatusSource: null,
    grammaticalGender: "FEMININE",
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Кацярына", "Бахвалава"),
      name("RU_CYRILLIC", "Екатерина", "Бахвалова"),
      name("LATIN", "Katsiaryna", "Bakhvalava"),
      name("VARIANT", "Ekaterina", "Bakhvalova"),
      name("VARIANT", "Katerina", "Bakhvalova"),
    ],
    summary: {
      en: "Journalist serving eight years for “high treason” after covering the 2020 protests",
      be: "Журналістка, якая адбывае васьмігадовы тэрмін за «здраду дзяржаве» пасля асвятлення пратэстаў 2020 года",
      ru: "Журналистка, отбывающая восьмилетний срок за «измену государству» после освещения протестов 2020 года",
      uk: "Журналістка, яка відбуває восьмирічний термін за «державну зраду» після висвітлення протестів 2020 року",
      pl: "Dziennikarka odbywająca karę ośmiu lat więzienia za „zdradę stanu” po relacjonowaniu protestów z 2020 roku",
      lt: "Žurnalistė, atliekanti aštuonerių metų bausmę už „valstybės išdavystę“, nušvietusi 2020 m. protestus",
    },
    facts: [
      {
        kind: "SENTENCE",
        occurredOn: null,
        datePrecision: null,
        source: "guardian-2025-09",
        text: {
          en: "Serving an eight-year sentence for “high treason” after covering the 2020 protests. She is the wife of the journalist Ihar Ilyash.",
          be: "Адбывае васьмігадовы тэрмін за «здраду дзяржаве» пасля таго, як асвятляла пратэсты 2020 года. Яна — жонка журналіста Ігара Ільяша.",
          ru: "Отбывает восьмилетний срок за «измену государству» после того, как освещала протесты 2020 года. Она — жена журналиста Игоря Ильяша.",
          uk: "Відбуває восьмирічний термін за «державну зраду» після того, як висвітлювала протести 2020 року. Вона — дружина журналіста Ігоря Ільяша.",
          pl: "Odbywa karę ośmiu lat więzienia za „zdradę stanu” po tym, jak relacjonowała protesty z 2020 roku. Jest żoną dziennikarza Ihara Iljasza.",
          lt: "Atlieka aštuonerių metų bausmę už „valstybės išdavystę“ po to, kai nušvietė 2020 m. protestus. Ji yra žurnalisto Iharo Iljašo žmona.",
        },
      },
    ],
  },
  {
    slug: "siarhei-tsikhanouski",
    status: "IN_EXILE",
    statusSource: "ap-2025-07",
    letterStatus: "NOT_APPLICABLE",
    letterStatusSource: "ap-2025-07",
    grammaticalGender: "MASCULINE",
    statusSince: "2025-06-01",
    statusSincePrecision: "MONTH",
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Сяргей", "Ціханоўскі"),
      name("RU_CYRILLIC", "Сергей", "Тихановский"),
      name("LATIN", "Siarhei", "Tsikhanouski"),
      name("VARIANT", "Syarhei", "Tsikhanouski"),
      name("VARIANT", "Siarhei", "Tsikhanousky"),
      name("VARIANT", "Sergei", "Tikhanovsky"),
      name("VARIANT", "Siergiej", "Cichanouski"),
    ],
    summary: {
      en: "Opposition leader, released in June 2025 and brought to Lithuania",
      be: "Лідар апазіцыі, вызвалены ў чэрвені 2025 года і вывезены ў Літву",
      ru: "Лидер оппозиции, освобождённый в июне 2025 года и вывезенный в Литву",
      uk: "Лідер опозиції, звільнений у червні 2025 року й вивезений до Литви",
      pl: "Lider opozycji, uwolniony w czerwcu 2025 roku i przewieziony na Litwę",
      lt: "Opozicijos lyderis, paleistas 2025 m. birželį ir atvežtas į Lietuvą",
    },
    facts: [
      {
        kind: "INCOMMUNICADO",
        occurredOn: "2024-01-01",
        datePrecision: "YEAR",
        source: "perspectives-2024",
        text: {
          en: "A 2024 essay (Perspectives) names him among the “2020 presidential candidates” and says he was “kept fully incommunicado for many months”.",
          be: "Эсэ 2024 года (Perspectives) называе яго ў ліку «кандыдатаў у прэзідэнты 2020 года» і паведамляе, што яго «шмат месяцаў утрымлівалі ў рэжыме поўнага інкамунікада».",
          ru: "Эссе 2024 года (Perspectives) называет его в числе «кандидатов в президенты 2020 года» и сообщает, что его «много месяцев содержали в режиме полного инкоммуникадо».",
          uk: "Есей 2024 року (Perspectives) називає його серед «кандидатів у президенти 2020 року» і повідомляє, що його «багато місяців утримували в режимі повного інкомунікадо».",
          pl: "Esej z 2024 roku (Perspectives) wymienia go wśród „kandydatów na prezydenta w 2020 roku” i podaje, że był „przez wiele miesięcy przetrzymywany w całkowitej izolacji (incommunicado)”.",
          lt: "2024 m. esė (Perspectives) jis minimas tarp „2020 m. kandidatų į prezidentus“ ir rašoma, kad jis „daug mėnesių buvo laikomas visiškoje izoliacijoje (incommunicado)“.",
        },
      },
      {
        kind: "RELEASE",
        occurredOn: "2025-06-01",
        datePrecision: "MONTH",
        source: "ap-2025-07",
        text: {
          en: "Released together with 13 others and brought to Lithuania, hours after the authorities announced that Lukashenka had met a US envoy in Minsk.",
          be: "Вызвалены разам з яшчэ 13 людзьмі і вывезены ў Літву праз некалькі гадзін пасля таго, як улады паведамілі пра сустрэчу Лукашэнкі з пасланцам ЗША ў Мінску.",
          ru: "Освобождён вместе с ещё 13 людьми и вывезен в Литву через несколько часов после того, как власти сообщили о встрече Лукашенко с посланником США в Минске.",
          uk: "Звільнений разом з іще 13 людьми й вивезений до Литви за кілька годин після того, як влада повідомила про зустріч Лукашенка з посланцем США в Мінську.",
          pl: "Uwolniony wraz z 13 innymi osobami i przewieziony na Litwę kilka godzin po tym, jak władze ogłosiły spotkanie Łukaszenki z wysłannikiem USA w Mińsku.",
          lt: "Paleistas kartu su dar 13 žmonių ir atvežtas į Lietuvą praėjus kelioms valandoms po to, kai valdžia paskelbė apie Lukašenkos susitikimą su JAV pasiuntiniu Minske.",
        },
      },
    ],
  },
  {
    slug: "mikola-dziadok",
    status: "IN_EXILE",
    statusSource: "guardian-2025-09",
    letterStatus: "NOT_APPLICABLE",
    letterStatusSource: "guardian-2025-09",
    grammaticalGender: "MASCULINE",
    statusSince: "2025-09-01",
    statusSincePrecision: "MONTH",
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Мікола", "Дзядок"),
      name("RU_CYRILLIC", "Николай", "Дедок"),
      name("LATIN", "Mikola", "Dziadok"),
      name("VARIANT", "Nikolai", "Dedok"),
      name("VARIANT", "Mikoła", "Dziadok"),
    ],
    summary: {
      en: "Anarchist and journalist, freed in September 2025 after five years and deported to Lithuania",
      be: "Анархіст і журналіст, вызвалены ў верасні 2025 года пасля пяці гадоў за кратамі і дэпартаваны ў Літву",
      ru: "Анархист и журналист, освобождённый в сентябре 2025 года после пяти лет за решёткой и депортированный в Литву",
      uk: "Анархіст і журналіст, звільнений у вересні 2025 року після п’яти років за ґратами й депортований до Литви",
      pl: "Anarchista i dziennikarz, uwolniony we wrześniu 2025 roku po pięciu latach za kratami i deportowany na Litwę",
      lt: "Anarchistas ir žurnalistas, paleistas 2025 m. rugsėjį po penkerių metų nelaisvės ir deportuotas į Lietuvą",
    },
    facts: [
      {
        kind: "DETENTION",
        occurredOn: null,
        datePrecision: null,
        source: "guardian-2025-09",
        text: {
          en: "Anarchist and journalist, aged 37; spent five years behind bars, most of them in Hrodna prison.",
          be: "37-гадовы анархіст і журналіст; правёў за кратамі пяць гадоў, большасць з іх — у Гродзенскай турме.",
          ru: "37-летний анархист и журналист; провёл за решёткой пять лет, большую часть из них — в Гродненской тюрьме.",
          uk: "37-річний анархіст і журналіст; провів за ґратами п’ять років, більшість із них — у Гродненській в’язниці.",
          pl: "37-letni anarchista i dziennikarz; spędził za kratami pięć lat, większość z nich w więzieniu w Grodnie.",
          lt: "37 metų anarchistas ir žurnalistas; už grotų praleido penkerius metus, didžiąją jų dalį – Gardino kalėjime.",
        },
      },
      {
        kind: "EXILE",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Released among 52 political prisoners and deported to Lithuania; his Belarusian passport was confiscated.",
          be: "Вызвалены ў ліку 52 палітычных вязняў і дэпартаваны ў Літву; яго беларускі пашпарт канфіскавалі.",
          ru: "Освобождён в числе 52 политических заключённых и депортирован в Литву; его белорусский паспорт конфисковали.",
          uk: "Звільнений серед 52 політичних в’язнів і депортований до Литви; його білоруський паспорт конфіскували.",
          pl: "Uwolniony jako jeden z 52 więźniów politycznych i deportowany na Litwę; skonfiskowano mu białoruski paszport.",
          lt: "Paleistas tarp 52 politinių kalinių ir deportuotas į Lietuvą; jo Baltarusijos pasas buvo konfiskuotas.",
        },
      },
    ],
  },
  {
    slug: "siarhei-sparysh",
    status: "IN_EXILE",
    statusSource: "guardian-2025-09",
    letterStatus: "NOT_APPLICABLE",
    letterStatusSource: "guardian-2025-09",
    grammaticalGender: "MASCULINE",
    statusSince: "2025-09-01",
    statusSincePrecision: "MONTH",
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2025-09-01",
    names: [
      name("BE_CYRILLIC", "Сяргей", "Спарыш"),
      name("RU_CYRILLIC", "Сергей", "Спарыш"),
      name("LATIN", "Siarhei", "Sparysh"),
      name("VARIANT", "Sergei", "Sparysh"),
      name("VARIANT", "Siergiej", "Sparysz"),
    ],
    summary: {
      en: "Activist of the Narodnaya Hramada party, freed in September 2025 and deported to Lithuania",
      be: "Актывіст партыі «Народная Грамада», вызвалены ў верасні 2025 года і дэпартаваны ў Літву",
      ru: "Активист партии «Народная Громада», освобождённый в сентябре 2025 года и депортированный в Литву",
      uk: "Активіст партії «Народна Громада», звільнений у вересні 2025 року й депортований до Литви",
      pl: "Działacz partii „Narodnaja Hramada”, uwolniony we wrześniu 2025 roku i deportowany na Litwę",
      lt: "Partijos „Narodnaja Hramada“ aktyvistas, paleistas 2025 m. rugsėjį ir deportuotas į Lietuvą",
    },
    facts: [
      {
        kind: "EXILE",
        occurredOn: "2025-09-01",
        datePrecision: "MONTH",
        source: "guardian-2025-09",
        text: {
          en: "Activist of the Narodnaya Hramada party, aged 39; freed in the same release and deported to Lithuania, his passport confiscated.",
          be: "39-гадовы актывіст партыі «Народная Грамада»; вызвалены ў той жа групе і дэпартаваны ў Літву, пашпарт у яго канфіскавалі.",
          ru: "39-летний активист партии «Народная Громада»; освобождён в составе той же группы и депортирован в Литву, паспорт у него конфисковали.",
          uk: "39-річний активіст партії «Народна Громада»; звільнений у складі тієї ж групи й депортований до Литви, паспорт у нього конфіскували.",
          pl: "39-letni działacz partii „Narodnaja Hramada”; uwolniony w tej samej grupie i deportowany na Litwę, skonfiskowano mu paszport.",
          lt: "39 metų partijos „Narodnaja Hramada“ aktyvistas; paleistas kartu su ta pačia grupe ir deportuotas į Lietuvą, jo pasas konfiskuotas.",
        },
      },
    ],
  },
  ...diedInCustody(),
];

/** The five deaths in custody named in the 2024 essay, with what the reports add about each. */
function diedInCustody(): DemoPrisoner[] {
  const deathFact: DemoFact = {
    kind: "DEATH",
    occurredOn: null,
    datePrecision: null,
    source: "perspectives-2024",
    text: {
      en: "Died in prison, one of at least five people imprisoned for challenging the regime who have died in custody since 2020.",
      be: "Памёр у зняволенні — адзін з прынамсі пяці чалавек, якіх пазбавілі волі за тое, што яны кідалі выклік рэжыму, і якія з 2020 года памерлі за кратамі.",
      ru: "Умер в заключении — один как минимум из пяти человек, которых лишили свободы за то, что они бросали вызов режиму, и которые с 2020 года умерли за решёткой.",
      uk: "Помер в ув’язненні — один щонайменше з п’яти людей, яких позбавили волі за те, що вони кидали виклик режиму, і які від 2020 року померли за ґратами.",
      pl: "Zmarł w więzieniu – jeden z co najmniej pięciu więźniów osadzonych za rzucanie wyzwania reżimowi, którzy od 2020 roku zmarli za kratami.",
      lt: "Mirė kalėjime – vienas iš mažiausiai penkių žmonių, įkalintų už tai, kad metė iššūkį režimui, ir nuo 2020 m. mirusių įkalinimo įstaigose.",
    },
  };
  const base = {
    status: "DIED_IN_CUSTODY" as const,
    statusSource: "perspectives-2024",
    letterStatus: "NOT_APPLICABLE" as const,
    letterStatusSource: "perspectives-2024",
    grammaticalGender: "MASCULINE" as const,
    statusSince: null,
    statusSincePrecision: null,
    arrestedOn: null,
    arrestedOnPrecision: null,
    facility: null,
    lastVerifiedOn: "2024-01-01",
  };
  const summary: Localized = { en: "Died in custody", be: "Памёр за кратамі", ru: "Умер в заключении", uk: "Помер в ув’язненні", pl: "Zmarł za kratami", lt: "Mirė kalinamas" };
  return [
    {
      ...base,
      slug: "vitold-ashurak",
      names: [name("BE_CYRILLIC", "Вітольд", "Ашурак"), name("RU_CYRILLIC", "Витольд", "Ашурок"), name("LATIN", "Vitold", "Ashurak"), name("VARIANT", "Witold", "Aszurak")],
      summary,
      facts: [deathFact],
    },
    {
      ...base,
      slug: "mikalai-klimovich",
      names: [name("BE_CYRILLIC", "Мікалай", "Клімовіч"), name("RU_CYRILLIC", "Николай", "Климович"), name("LATIN", "Mikalai", "Klimovich"), name("VARIANT", "Nikolai", "Klimovich")],
      summary,
      facts: [deathFact],
    },
    {
      ...base,
      slug: "ales-pushkin",
      statusSince: "2023-01-01",
      statusSincePrecision: "YEAR",
      // The report does not say which prison; Dziadok's "my jail" is probably Hrodna, but not stated.
      facility: null,
      lastVerifiedOn: "2025-09-01",
      names: [name("BE_CYRILLIC", "Алесь", "Пушкін"), name("RU_CYRILLIC", "Алесь", "Пушкин"), name("LATIN", "Ales", "Pushkin"), name("VARIANT", "Aleś", "Puszkin")],
      summary: { en: "Artist who died in custody in 2023", be: "Мастак, які памёр за кратамі ў 2023 годзе", ru: "Художник, умерший в заключении в 2023 году", uk: "Художник, який помер в ув’язненні 2023 року", pl: "Artysta, który zmarł za kratami w 2023 roku", lt: "Menininkas, miręs kalinamas 2023 m." },
      facts: [
        deathFact,
        {
          kind: "DEATH",
          occurredOn: "2023-01-01",
          datePrecision: "YEAR",
          source: "guardian-2025-09",
          text: {
            en: "The 57-year-old artist, a cartoonist who once dumped a cart of manure outside the president’s office, died in 2023 as a result of illness. Mikola Dziadok, held in a nearby cell, heard it happen.",
            be: "57-гадовы мастак, карыкатурыст, які аднойчы вываліў воз гною каля офіса прэзідэнта, памёр у 2023 годзе ад хваробы. Мікола Дзядок, якога трымалі ў камеры непадалёку, чуў, як гэта адбывалася.",
            ru: "57-летний художник, карикатурист, который однажды вывалил телегу навоза у офиса президента, умер в 2023 году от болезни. Николай Дедок, которого держали в камере неподалёку, слышал, как это происходило.",
            uk: "57-річний художник, карикатурист, який колись вивалив воза гною біля офісу президента, помер 2023 року внаслідок хвороби. Микола Дедок, якого тримали в камері неподалік, чув, як це відбувалося.",
            pl: "57-letni artysta i karykaturzysta, który kiedyś wysypał wóz gnoju przed biurem prezydenta, zmarł w 2023 roku w wyniku choroby. Mikoła Dziadok, przetrzymywany w pobliskiej celi, słyszał, jak to się działo.",
            lt: "57 metų menininkas, karikatūristas, kadaise prie prezidento biuro išvertęs vežimą mėšlo, mirė 2023 m. nuo ligos. Mikola Dziadokas, laikytas netoliese esančioje kameroje, girdėjo, kaip tai vyko.",
          },
        },
      ],
    },
    {
      ...base,
      slug: "vadzim-khrasko",
      names: [name("BE_CYRILLIC", "Вадзім", "Храсько"), name("RU_CYRILLIC", "Вадим", "Храсько"), name("LATIN", "Vadzim", "Khrasko"), name("VARIANT", "Wadzim", "Chrasko")],
      summary,
      facts: [deathFact],
    },
    {
      ...base,
      slug: "ihar-lednik",
      names: [name("BE_CYRILLIC", "Ігар", "Леднік"), name("RU_CYRILLIC", "Игорь", "Ледник"), name("LATIN", "Ihar", "Lednik"), name("VARIANT", "Igor", "Lednik")],
      summary,
      facts: [deathFact],
    },
  ];
}

export interface DemoOfficial {
  slug: string;
  country: string;
  language: Language;
  name: Localized;
  position: Localized;
  /** The office as an address block names it, in each language's official style (ru, be, uk, lt: the dative). */
  addressee: Localized;
  /**
   * The person as the address block names them. The initials of the first name and patronymic
   * are the official form of address (not a fact about a prisoner), which no seed report gives.
   */
  addresseeName: Localized;
}

export const demoOfficials: DemoOfficial[] = [
  {
    slug: "alyaksandr-lukashenka",
    country: "BY",
    language: "ru",
    name: {
      en: "Alyaksandr Lukashenka",
      be: "Аляксандр Лукашэнка",
      ru: "Александр Лукашенко",
      uk: "Олександр Лукашенко",
      pl: "Alaksandr Łukaszenka",
      lt: "Aliaksandras Lukašenka",
    },
    position: { en: "Head of state of Belarus", be: "Кіраўнік беларускай дзяржавы", ru: "Глава белорусского государства", uk: "Глава білоруської держави", pl: "Głowa państwa białoruskiego", lt: "Baltarusijos valstybės vadovas" },
    addressee: {
      en: "Head of State of Belarus",
      be: "Кіраўніку беларускай дзяржавы",
      ru: "Главе белорусского государства",
      uk: "Главі білоруської держави",
      pl: "Głowa Państwa Białoruskiego",
      lt: "Baltarusijos valstybės vadovui",
    },
    addresseeName: {
      en: "Mr Alyaksandr Lukashenka",
      be: "А. Р. Лукашэнку",
      ru: "А. Г. Лукашенко",
      uk: "О. Г. Лукашенку",
      pl: "Pan Alaksandr Łukaszenka",
      lt: "A. Lukašenkai",
    },
  },
];

export interface DemoCampaign {
  slug: string;
  goal: number;
  prisoners: string[];
  targets: string[];
  title: Localized;
  summary: Localized;
  ask: Localized;
}

export const demoCampaign: DemoCampaign = {
  slug: "free-them-all",
  goal: 1000,
  prisoners: [
    "ales-bialiatski",
    "maryia-kalesnikava",
    "viktar-babaryka",
    "mikalai-statkevich",
    "ihar-losik",
    "ihar-ilyash",
    "katsiaryna-bakhvalava",
  ],
  targets: ["alyaksandr-lukashenka"],
  title: { en: "Free them all", be: "Вызваліце ўсіх", ru: "Освободите всех", uk: "Звільніть усіх", pl: "Uwolnijcie wszystkich", lt: "Paleiskite visus" },
  summary: {
    en: "Prisoners are released a few at a time, as bargaining chips, while new arrests fill the cells again. Ask for the release of every political prisoner, unconditionally.",
    be: "Вязняў вызваляюць па некалькі чалавек, як разменную манету, а новыя арышты зноў запаўняюць камеры. Заклічце да безумоўнага вызвалення кожнага палітычнага вязня.",
    ru: "Заключённых освобождают по несколько человек, как разменную монету, а новые аресты снова заполняют камеры. Призовите освободить каждого политического заключённого — без каких-либо условий.",
    uk: "В’язнів звільняють по кілька людей, як розмінну монету, а нові арешти знову заповнюють камери. Закличте до беззастережного звільнення кожного політичного в’язня.",
    pl: "Więźniów uwalnia się po kilku naraz, jako karty przetargowe, a nowe aresztowania znów zapełniają cele. Zaapeluj o bezwarunkowe uwolnienie każdego więźnia politycznego.",
    lt: "Kaliniai paleidžiami po kelis, kaip derybų kozirai, o nauji areštai vėl pripildo kameras. Paraginkite besąlygiškai paleisti kiekvieną politinį kalinį.",
  },
  ask: {
    en: "Release all political prisoners in Belarus unconditionally, and end politically motivated arrests.",
    be: "Вызваліце ўсіх палітычных вязняў у Беларусі без усялякіх умоў і спыніце палітычна матываваныя арышты.",
    ru: "Освободите всех политических заключённых в Беларуси без каких-либо условий и прекратите политически мотивированные аресты.",
    uk: "Звільніть усіх політичних в’язнів у Білорусі без жодних умов і припиніть політично вмотивовані арешти.",
    pl: "Bezwarunkowo uwolnijcie wszystkich więźniów politycznych na Białorusi i zakończcie politycznie motywowane aresztowania.",
    lt: "Besąlygiškai paleiskite visus politinius kalinius Baltarusijoje ir nutraukite politiškai motyvuotus areštus.",
  },
};
