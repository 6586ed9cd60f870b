// Fixtures for the CSV import tests: a facility with a postal address, charge types with
// articles, a published and a draft profile, and Windows-1251 encoding of test files.
import type { PrismaClient } from "@prisma/client";

/** Text → Windows-1251 bytes (the reverse of the decoder, so it cannot disagree with it). */
export function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder("windows-1251");
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`not in Windows-1251: ${char}`);
    return byte;
  }));
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

export async function createImportFixtures(prisma: PrismaClient, suffix = "") {
  const facility = await prisma.facility.create({
    data: {
      slug: `ik-test${suffix}`,
      kind: "PENAL_COLONY",
      town: "Navapolack",
      postalAddressCyrillic: "ИК-1, ул. Техническая, 8, 211440 Новополоцк",
      translations: {
        create: [
          { locale: "en", name: `Penal colony Test${suffix}` },
          { locale: "ru", name: `Исправительная колония Тест${suffix}` },
          { locale: "be", name: `Папраўчая калонія Тэст${suffix}` },
        ],
      },
    },
  });
  const other = await prisma.facility.create({
    data: { slug: `sizo-test${suffix}`, kind: "PRE_TRIAL_DETENTION", translations: { create: [{ locale: "ru", name: `СИЗО Тест${suffix}` }] } },
  });
  const riot = await prisma.chargeType.upsert({
    where: { slug: "test-mass-riots" },
    update: {},
    create: { slug: "test-mass-riots", article: "293", translations: { create: [{ locale: "ru", name: "Массовые беспорядки", explanation: "." }] } },
  });
  const extremism = await prisma.chargeType.upsert({
    where: { slug: "test-extremism" },
    update: {},
    create: { slug: "test-extremism", article: "361-1", translations: { create: [{ locale: "en", name: "Creating an extremist formation", explanation: "." }] } },
  });
  const published = await prisma.prisoner.create({
    data: {
      slug: `published-person${suffix}`,
      status: "IN_CUSTODY",
      lastVerifiedOn: new Date("2025-01-01"),
      birthDate: new Date("1980-05-05"),
      facilityId: facility.id,
      names: { create: [{ script: "RU_CYRILLIC", familyName: "Опубликованный", givenName: "Пётр", patronymic: "Иванович" }] },
    },
  });
  const draft = await prisma.prisoner.create({
    data: {
      slug: `draft-person${suffix}`,
      status: "IN_CUSTODY",
      draft: true,
      lastVerifiedOn: new Date("2025-01-01"),
      names: { create: [{ script: "BE_CYRILLIC", familyName: "Чарнавік", givenName: "Алесь", patronymic: null }] },
    },
  });
  return { facility, other, riot, extremism, published, draft };
}
