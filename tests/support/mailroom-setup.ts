// Run by staff-mailroom.spec.ts with tsx before its server starts (the embedded database has
// one owner at a time): the demo data, a person with a prison address, letters in the queue
// and the bank, and a campaigner with a live session. Prints {"token": …} as JSON.
import { storeLetter } from "~/letters/letter.server";
import { createStaffSession } from "~/staff/accounts/session.server";
import { migrateDatabase, openDatabase, setCurrentDatabase } from "~/utils/database.server";
import { databaseTargetFromEnv, parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../../prisma/seed";

import { reportStatus } from "./status-fixture";

const database = await openDatabase(databaseTargetFromEnv(parseEnv()));
await migrateDatabase(database);
setCurrentDatabase(database);
const prisma = database.prisma;
await seedDemoData(prisma);
const facility = await prisma.facility.create({
  data: {
    slug: "e2e-mailroom-ik15",
    kind: "PRISON",
    town: "г. Могилёв",
    postcode: "212013",
    postalAddressCyrillic: "Славгородское шоссе, 183",
    translations: { create: [{ locale: "ru", name: "ИК-15" }, { locale: "en", name: "Penal colony No. 15" }] },
  },
});
const person = await prisma.prisoner.create({
  data: {
    slug: "e2e-mailroom-person",
    status: "IN_CUSTODY",
    letterStatus: "CAN_RECEIVE",
    facilityId: facility.id,
    lastVerifiedOn: new Date("2026-11-01"),
    names: { create: [{ script: "RU_CYRILLIC", givenName: "Пётр", patronymic: "Иванович", familyName: "Петров" }, { script: "LATIN", givenName: "Piotr", familyName: "Pietrou" }] },
  },
});
const released = await prisma.prisoner.create({
  data: {
    slug: "e2e-mailroom-released",
    status: "RELEASED",
    letterStatus: "NOT_APPLICABLE",
    lastVerifiedOn: new Date("2026-11-01"),
    names: { create: [{ script: "RU_CYRILLIC", givenName: "Анна", patronymic: null, familyName: "Свободная" }, { script: "LATIN", givenName: "Hanna", familyName: "Svabodnaja" }] },
  },
});
// Recent reports: the queue and the hand-over rest on statuses the team can act on.
await reportStatus(prisma, person.slug, { daysAgo: 30 });
await reportStatus(prisma, released.slug, { daysAgo: 30 });
await storeLetter({ prisonerId: person.id, route: "MAILROOM", language: "ru", body: "Дорогой Пётр Иванович!\n\nДержитесь, мы с вами.", interfaceLanguage: "en" });
await storeLetter({ prisonerId: person.id, route: "MAILROOM", language: "be", body: "Дарагі Пётр!\n\nЎсе мы памятаем пра Вас.", interfaceLanguage: "be" });
await storeLetter({ prisonerId: released.id, route: "LETTER_BANK", language: "ru", body: "Анна, с возвращением!", interfaceLanguage: "ru" });
// "Can receive" reported 7 months ago: too old to move the banked letter to the queue.
const unconfirmed = await prisma.prisoner.create({
  data: {
    slug: "e2e-mailroom-unconfirmed",
    status: "IN_CUSTODY",
    letterStatus: "CAN_RECEIVE",
    facilityId: facility.id,
    lastVerifiedOn: new Date("2026-11-01"),
    names: { create: [{ script: "RU_CYRILLIC", givenName: "Олег", patronymic: null, familyName: "Давний" }, { script: "LATIN", givenName: "Aleh", familyName: "Dauni" }] },
  },
});
await reportStatus(prisma, unconfirmed.slug, { daysAgo: 213 });
await storeLetter({ prisonerId: unconfirmed.id, route: "LETTER_BANK", language: "ru", body: "Олег, держитесь!", interfaceLanguage: "ru" });
const staff = await prisma.staffMember.create({ data: { email: "mailroom@team.example.org", displayName: "Mailroom Campaigner", roles: ["campaigner"], language: "en" } });
const token = await createStaffSession(prisma, staff.id, { now: new Date() });
await database.close();
console.log(JSON.stringify({ token }));
