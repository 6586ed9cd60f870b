// A realistic list of many profiles for the scale benchmark and tests (never the demo seed):
// shared surnames in Belarusian Cyrillic, Russian Cyrillic and Latin, about a quarter in
// custody and the rest released or in exile, a dozen facilities, birthdays spread over the
// year and a few letters already written. Rows go in with multi-row INSERTs: 5,000 people take
// a few seconds on the embedded database instead of minutes through Prisma one by one.
import type { Database } from "~/utils/database.server";

/** [Belarusian, Russian, Latin] for a man; the women's forms are derived below. */
const SURNAMES: [string, string, string][] = [
  ["Каваленка", "Коваленко", "Kavalenka"],
  ["Шаўчэнка", "Шевченко", "Shauchenka"],
  ["Мельнік", "Мельник", "Melnik"],
  ["Новік", "Новик", "Novik"],
  ["Кавалёў", "Ковалёв", "Kavaliou"],
  ["Казлоў", "Козлов", "Kazlou"],
  ["Марозаў", "Морозов", "Marozau"],
  ["Лукашэвіч", "Лукашевич", "Lukashevich"],
  ["Карповіч", "Карпович", "Karpovich"],
  ["Васілеўскі", "Василевский", "Vasileuski"],
  ["Смірноў", "Смирнов", "Smirnou"],
  ["Лосік", "Лосик", "Losik"],
  ["Клімовіч", "Климович", "Klimovich"],
  ["Бабарыка", "Бабарико", "Babaryka"],
  ["Калеснікаў", "Колесников", "Kalesnikau"],
  ["Жук", "Жук", "Zhuk"],
  ["Крывальцэвіч", "Кривальцевич", "Kryvaltsevich"],
  ["Пашкевіч", "Пашкевич", "Pashkevich"],
  ["Войтка", "Войтко", "Voitka"],
  ["Сідарэнка", "Сидоренко", "Sidarenka"],
  ["Ярашэвіч", "Ярошевич", "Yarashevich"],
  ["Гурыновіч", "Гуринович", "Hurynovich"],
  ["Дашкевіч", "Дашкевич", "Dashkevich"],
  ["Станкевіч", "Станкевич", "Stankevich"],
  ["Багдановіч", "Богданович", "Bahdanovich"],
  ["Міхайлаў", "Михайлов", "Mikhailau"],
  ["Сянкевіч", "Сенкевич", "Siankevich"],
  ["Цімашэнка", "Тимошенко", "Tsimashenka"],
  ["Ермаловіч", "Ермолович", "Yermalovich"],
  ["Шарэйка", "Шарейко", "Sharejka"],
];

/** [Belarusian, Russian, Latin, patronymics: Belarusian son, daughter, Russian son, daughter]. */
const MEN: [string, string, string, string, string, string, string][] = [
  ["Аляксандр", "Александр", "Aliaksandr", "Аляксандравіч", "Аляксандраўна", "Александрович", "Александровна"],
  ["Сяргей", "Сергей", "Siarhei", "Сяргеевіч", "Сяргееўна", "Сергеевич", "Сергеевна"],
  ["Андрэй", "Андрей", "Andrei", "Андрэевіч", "Андрэеўна", "Андреевич", "Андреевна"],
  ["Дзмітрый", "Дмитрий", "Dzmitry", "Дзмітрыевіч", "Дзмітрыеўна", "Дмитриевич", "Дмитриевна"],
  ["Мікалай", "Николай", "Mikalai", "Мікалаевіч", "Мікалаеўна", "Николаевич", "Николаевна"],
  ["Ігар", "Игорь", "Ihar", "Ігаравіч", "Ігараўна", "Игоревич", "Игоревна"],
  ["Уладзімір", "Владимир", "Uladzimir", "Уладзіміравіч", "Уладзіміраўна", "Владимирович", "Владимировна"],
  ["Віктар", "Виктор", "Viktar", "Віктаравіч", "Віктараўна", "Викторович", "Викторовна"],
  ["Алесь", "Алесь", "Ales", "Алесевіч", "Алесеўна", "Алесевич", "Алесевна"],
  ["Павел", "Павел", "Pavel", "Паўлавіч", "Паўлаўна", "Павлович", "Павловна"],
  ["Юрый", "Юрий", "Yury", "Юр'евіч", "Юр'еўна", "Юрьевич", "Юрьевна"],
  ["Максім", "Максим", "Maksim", "Максімавіч", "Максімаўна", "Максимович", "Максимовна"],
];
const WOMEN: [string, string, string][] = [
  ["Марыя", "Мария", "Maryia"],
  ["Кацярына", "Екатерина", "Katsiaryna"],
  ["Вольга", "Ольга", "Volha"],
  ["Наталля", "Наталья", "Natallia"],
  ["Алена", "Елена", "Alena"],
  ["Таццяна", "Татьяна", "Tatsiana"],
  ["Ірына", "Ирина", "Iryna"],
  ["Святлана", "Светлана", "Sviatlana"],
  ["Ганна", "Анна", "Hanna"],
  ["Юлія", "Юлия", "Yulia"],
];

/** Women's surnames: -аў/-оў → -ава/-ова, -скі → -ская, -ин/-ов → -а; others do not change. */
function feminine([be, ru, latin]: [string, string, string]): [string, string, string] {
  if (/ўскі$/.test(be)) return [be.replace(/скі$/, "ская"), ru.replace(/ский$/, "ская"), latin.replace(/ski$/, "skaya")];
  if (/[аоё]ў$/.test(be)) return [be.replace(/ў$/, "ва"), `${ru}а`, latin.replace(/u$/, "va")];
  return [be, ru, latin];
}

export const SCALE_FACILITY_COUNT = 12;

export interface ScaleDataOptions {
  people: number;
  /** Share of people in custody (the rest are released or in exile); the real lists are ~0.25. */
  inCustodyShare?: number;
  /** Letters written over the last 30 days, spread over the people in custody. */
  letters?: number;
  /** Dates are spread around this day (birthdays, reports). */
  today?: Date;
}

export interface ScaleData {
  people: number;
  inCustody: number;
  slugs: string[];
}

const DAY_MS = 86_400_000;

/** Writes `people` public profiles into a migrated database (empty, or with the demo data). Deterministic. */
export async function generateScaleData(
  database: Database,
  { people, inCustodyShare = 0.25, letters = Math.round(people / 2), today = new Date() }: ScaleDataOptions,
): Promise<ScaleData> {
  const sql = database.sql;
  // A small deterministic generator: the same list every run, so figures compare.
  let seed = 15;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  const sourceId = "scale-source";
  await sql.query(
    `INSERT INTO "Source" ("id", "key", "publication", "title", "url", "publishedOn", "datePrecision")
     VALUES ($1, 'scale-list', 'Scale test list', 'Generated list', NULL, $2, 'DAY')`,
    [sourceId, new Date(today.getTime() - 7 * DAY_MS)],
  );

  const facilityIds: string[] = [];
  const facilityRows: unknown[][] = [];
  const facilityNames: unknown[][] = [];
  for (let index = 1; index <= SCALE_FACILITY_COUNT; index++) {
    const id = `scale-facility-${index}`;
    facilityIds.push(id);
    facilityRows.push([id, `ik-${index}`, index % 4 === 0 ? "PRE_TRIAL_DETENTION" : "PENAL_COLONY", `ИК-${index}`]);
    facilityNames.push([id, "ru", `Исправительная колония № ${index}`], [id, "be", `Папраўчая калонія № ${index}`], [id, "en", `Penal colony No. ${index}`]);
  }
  await insertRows(database, "Facility", ["id", "slug", "kind", "designation"], facilityRows);
  await insertRows(database, "FacilityTranslation", ["facilityId", "locale", "name"], facilityNames);

  const inCustody = Math.round(people * inCustodyShare);
  const prisoners: unknown[][] = [];
  const names: unknown[][] = [];
  const translations: unknown[][] = [];
  const slugs: string[] = [];
  // Profiles already there (the demo data in tests) keep their addresses: namesakes get -2, -3 ….
  const taken = new Set((await sql.query<{ slug: string }>(`SELECT "slug" FROM "Prisoner"`)).map((row) => row.slug));
  const slugCounts = new Map<string, number>();
  for (let index = 0; index < people; index++) {
    const id = `scale-${index}`;
    const woman = random() < 0.3;
    const surname = pick(SURNAMES);
    const [familyBe, familyRu, familyLatin] = woman ? feminine(surname) : surname;
    const father = pick(MEN);
    const [givenBe, givenRu, givenLatin] = woman ? pick(WOMEN) : pick(MEN);
    const patronymicBe = woman ? father[4] : father[3];
    const patronymicRu = woman ? father[6] : father[5];
    const base = `${givenLatin}-${familyLatin}`.toLowerCase();
    let count = slugCounts.get(base) ?? 0;
    let slug: string;
    do {
      count++;
      slug = count === 1 ? base : `${base}-${count}`;
    } while (taken.has(slug));
    slugCounts.set(base, count);
    slugs.push(slug);

    const custody = index < inCustody;
    const status = custody ? (random() < 0.03 ? "INCOMMUNICADO" : "IN_CUSTODY") : random() < 0.8 ? "RELEASED" : "IN_EXILE";
    // Three in four birth dates are known, as in the published lists.
    const birthDate = random() < 0.75 ? new Date(Date.UTC(1950 + Math.floor(random() * 55), 0, 1 + Math.floor(random() * 365))) : null;
    const reportedOn = new Date(today.getTime() - Math.floor(random() * 120) * DAY_MS);
    const letterStatus = custody ? (status === "INCOMMUNICADO" ? "INCOMMUNICADO" : random() < 0.7 ? "CAN_RECEIVE" : "UNKNOWN") : "NOT_APPLICABLE";
    const reported = letterStatus !== "UNKNOWN";
    prisoners.push([
      id,
      slug,
      status,
      sourceId,
      reportedOn,
      "DAY",
      letterStatus,
      reported ? sourceId : null,
      reported ? reportedOn : null,
      reported ? "DAY" : null,
      woman ? "FEMININE" : "MASCULINE",
      birthDate,
      custody ? facilityIds[index % facilityIds.length] : null,
      new Date(today.getTime() - Math.floor(random() * 365) * DAY_MS),
      // Newer profiles were added later: the home page's "recently added" reads this.
      new Date(today.getTime() - (people - index) * 3_600_000),
    ]);
    names.push(
      [`${id}-be`, id, "BE_CYRILLIC", givenBe, patronymicBe, familyBe],
      [`${id}-ru`, id, "RU_CYRILLIC", givenRu, patronymicRu, familyRu],
      [`${id}-la`, id, "LATIN", givenLatin, null, familyLatin],
    );
    translations.push([id, "en", custody ? "Sentenced for taking part in peaceful protests." : "Served a sentence for peaceful protest."]);
  }
  await insertRows(
    database,
    "Prisoner",
    [
      "id", "slug", "status", "statusSourceId", "statusReportedOn", "statusReportedPrecision",
      "letterStatus", "letterStatusSourceId", "letterStatusReportedOn", "letterStatusReportedPrecision",
      "grammaticalGender", "birthDate", "facilityId", "lastVerifiedOn", "createdAt",
    ],
    prisoners,
    { updatedAt: true },
  );
  await insertRows(database, "PrisonerName", ["id", "prisonerId", "script", "givenName", "patronymic", "familyName"], names);
  await insertRows(database, "PrisonerTranslation", ["prisonerId", "locale", "summary"], translations);

  // Letters already written to some of the people in custody: the "needs letters" order has ties to break.
  const actions: unknown[][] = [];
  for (let index = 0; index < letters && inCustody > 0; index++) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Math.floor(random() * 30) * DAY_MS);
    actions.push([`scale-letter-${index}`, "LETTER_WRITTEN", `scale-${Math.floor(random() * random() * inCustody)}`, "en", day]);
  }
  await insertRows(database, "Action", ["id", "kind", "prisonerId", "language", "day"], actions);
  return { people, inCustody, slugs };
}

/** Multi-row INSERTs of at most 500 rows; enum columns take text and the database casts them. */
async function insertRows(
  database: Database,
  table: string,
  columns: string[],
  rows: unknown[][],
  { updatedAt = false }: { updatedAt?: boolean } = {},
) {
  const names = [...columns, ...(updatedAt ? ["updatedAt"] : [])].map((column) => `"${column}"`).join(", ");
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${[...placeholders, ...(updatedAt ? ["now()"] : [])].join(", ")})`;
    });
    await database.sql.query(`INSERT INTO "${table}" (${names}) VALUES ${values.join(", ")}`, params);
  }
}
