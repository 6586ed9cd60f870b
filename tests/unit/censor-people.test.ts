// The names part of the censor check (app/letters/censor/people.ts): surnames declined in
// Russian, Belarusian and Latin spellings, common surnames only beside a given name, and the
// recipient excluded by id.
import { describe, expect, it } from "vitest";

import { checkLetter } from "~/letters/censor-check";
import { buildPeopleIndex, findPeople, surnameForms, type PersonNameRow } from "~/letters/censor/people";
import { foldWord } from "~/letters/censor/fold";

const rows: PersonNameRow[] = [
  { personId: "a", kind: "prisoner", givenName: "Игорь", familyName: "Ильяш", gender: "m" },
  { personId: "a", kind: "prisoner", givenName: "Ігар", familyName: "Ільяш", gender: "m" },
  { personId: "b", kind: "prisoner", givenName: "Витольд", familyName: "Ашурок", gender: "m" },
  { personId: "b", kind: "prisoner", givenName: "Вітольд", familyName: "Ашурак", gender: "m" },
  { personId: "maryia-kalesnikava", kind: "prisoner", givenName: "Мария", familyName: "Колесникова", gender: "f" },
  { personId: "maryia-kalesnikava", kind: "prisoner", givenName: "Maryia", familyName: "Kalesnikava", gender: "f" },
  { personId: "d", kind: "prisoner", givenName: "Алесь", familyName: "Пушкин", gender: "m" },
  { personId: "e", kind: "official", givenName: "Иван", familyName: "Петренко", gender: "m" },
];
const people = buildPeopleIndex(rows, ["Пушкин"]);
const names = (text: string, exceptPersonId?: string) =>
  checkLetter(text, "ru", { people, exceptPersonId }).filter((flag) => flag.category === "names").map((flag) => flag.match);

describe("surname forms", () => {
  it.each([
    ["Беляцкий", "m", ["беляцкого", "беляцкому", "беляцким", "беляцком"]],
    ["Бяляцкі", "m", ["бяляцкага", "бяляцкаму", "бяляцким"]],
    ["Колесникова", "f", ["колесниковой", "колесникову", "колесниковою"]],
    ["Калеснікава", "f", ["калесникавай", "калесникаву"]],
    ["Статкевич", "m", ["статкевича", "статкевичу", "статкевичем"]],
    ["Дедок", "m", ["дедка", "дедку", "дедком"]],
    ["Северинец", "m", ["северинца", "северинцу", "северинцем", "северинце"]],
    ["Севярынец", "m", ["севярынца", "севярынцу", "севярынцам"]],
    ["Бабарыка", "m", ["бабарыки", "бабарыку", "бабарыцы"]],
    ["Łukaszenka", "m", ["lukaszence", "lukaszenki", "lukaszenke"]],
  ] as const)("%s (%s)", (surname, gender, expected) => {
    const forms = surnameForms(surname, gender);
    expect(expected.filter((form) => !forms.has(foldWord(form)))).toEqual([]);
  });

  it("does not decline a woman's surname in -ич or a Russian surname in -ко", () => {
    expect([...surnameForms("Статкевич", "f")]).toEqual(["статкевич"]);
    expect([...surnameForms("Лукашенко", "m")]).toEqual(["лукашенко"]);
  });
});

describe("names in a letter", () => {
  it("flags a capitalised surname in any form, and an official's in any case", () => {
    expect(names("Вчера читала про Ильяша и Ашурка.")).toEqual(["Ильяша", "Ашурка"]);
    expect(names("опять этот петренко по телевизору")).toEqual(["петренко"]);
    expect(names("Нашла ильяш в старом словаре.")).toEqual([]);
  });

  it("flags a common surname only beside the same person's given name", () => {
    expect(names("Мы читали Пушкина в школе.")).toEqual([]);
    expect(names("Художник Алесь Пушкин рисовал картины.")).toEqual(["Алесь", "Пушкин"]);
  });

  it("never flags the recipient's own names, in any script or form", () => {
    expect(names("Дорогая Мария Колесникова, пишу Вам, Колесниковой, из Вильнюса.", "maryia-kalesnikava")).toEqual([]);
    expect(names("Дорогая Kalesnikava!", "maryia-kalesnikava")).toEqual([]);
    expect(names("Мария, я читала про Ильяша.", "maryia-kalesnikava")).toEqual(["Ильяша"]);
  });

  it("finds the words of a person, not of the recipient, by index", () => {
    const words = ["Игорь", "Ильяш"].map((raw) => ({ folded: foldWord(raw), capitalised: true }));
    expect(findPeople(words, people)).toEqual([1]);
    expect(findPeople(words, people, "a")).toEqual([]);
  });
});
