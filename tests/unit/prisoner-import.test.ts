// The pure half of the CSV import: header names, dates, statuses, names and charges.
import { describe, expect, it } from "vitest";

import { columnForHeader, columnsForHeaders, nameScriptOf, parseImportGender, parseImportLetterStatus, parseImportSentence, summaryLanguageOf, parseImportDate, parseImportStatus, splitCharges, splitFullName } from "~/staff/imports/prisoner-import";

describe("CSV import cells", () => {
  it("reads header names in Russian, Belarusian and English, in any case, with ё/е and spaces", () => {
    expect(columnForHeader("ФИО")).toBe("fullName");
    expect(columnForHeader("  Прозвішча,  імя, імя па бацьку ")).toBe("fullName");
    expect(columnForHeader("Date of Birth")).toBe("birthDate");
    expect(columnForHeader("ДАТА ЗАДЕРЖАНИЯ:")).toBe("arrestedOn");
    expect(columnForHeader("Месца ўтрымання")).toBe("facility");
    expect(columnForHeader("Статьи")).toBe("charges");
    expect(columnForHeader("Shoe size")).toBeNull();
  });

  it("reads «Имя» as the given name beside a family-name column, and as the full name alone (issue 16)", () => {
    expect(columnsForHeaders(["Фамилия", "Имя", "Отчество", "Дата рождения"])).toEqual(["familyName", "givenName", "patronymic", "birthDate"]);
    expect(columnsForHeaders(["Прозвішча", "Імя", "Імя па бацьку"])).toEqual(["familyName", "givenName", "patronymic"]);
    expect(columnsForHeaders(["Surname", "Name"])).toEqual(["familyName", "givenName"]);
    expect(columnsForHeaders(["Имя", "Статус"])).toEqual(["fullName", "status"]);
    expect(columnsForHeaders(["ФИО", "Фамилия"])).toEqual(["fullName", "familyName"]);
  });

  it("reads DD.MM.YYYY and YYYY-MM-DD and refuses days that do not exist", () => {
    expect(parseImportDate("05.03.1984")).toBe("1984-03-05");
    expect(parseImportDate("5.3.1984")).toBe("1984-03-05");
    expect(parseImportDate("1984-03-05")).toBe("1984-03-05");
    expect(parseImportDate("31.02.2021")).toBeNull();
    expect(parseImportDate("2021-13-01")).toBeNull();
    expect(parseImportDate("03/05/84")).toBeNull();
    expect(parseImportDate("вчера")).toBeNull();
  });

  it("reads statuses in three languages and the enum names", () => {
    expect(parseImportStatus("в заключении")).toBe("IN_CUSTODY");
    expect(parseImportStatus("Освобождён(а)")).toBe("RELEASED");
    expect(parseImportStatus("вызвалены")).toBe("RELEASED");
    expect(parseImportStatus("Released")).toBe("RELEASED");
    expect(parseImportStatus("IN_EXILE")).toBe("IN_EXILE");
    expect(parseImportStatus("died in custody")).toBe("DIED_IN_CUSTODY");
    expect(parseImportStatus("maybe")).toBeNull();
  });

  it("tells the script of a name and splits Family Given Patronymic", () => {
    expect(nameScriptOf("Бяляцкі Алесь Віктаравіч")).toBe("BE_CYRILLIC");
    expect(nameScriptOf("Беляцкий Алесь Викторович")).toBe("RU_CYRILLIC");
    expect(nameScriptOf("Bialiatski Ales")).toBe("LATIN");
    expect(nameScriptOf("Bialiatski Алесь")).toBeNull();
    expect(nameScriptOf("=HYPERLINK(\"x\")")).toBeNull();
    expect(splitFullName("Колесникова  Мария Александровна")).toEqual({ familyName: "Колесникова", givenName: "Мария", patronymic: "Александровна" });
    expect(splitFullName("Бяляцкі Алесь")).toEqual({ familyName: "Бяляцкі", givenName: "Алесь", patronymic: null });
    expect(splitFullName("Алесь")).toBeNull();
  });

  it("splits charges into article numbers and names", () => {
    expect(splitCharges("342, 361-1")).toEqual(["342", "361-1"]);
    expect(splitCharges("ст. 293; ст.342 УК")).toEqual(["293", "342"]);
    expect(splitCharges("Массовые беспорядки")).toEqual(["Массовые беспорядки"]);
    expect(splitCharges("")).toEqual([]);
  });
});

describe("the columns a real list has (issue 16)", () => {
  it("reads letter statuses in three languages", () => {
    expect(parseImportLetterStatus("Может получать")).toBe("CAN_RECEIVE");
    expect(parseImportLetterStatus("толькі сваякі")).toBe("RELATIVES_ONLY");
    expect(parseImportLetterStatus("incommunicado")).toBe("INCOMMUNICADO");
    expect(parseImportLetterStatus("NOT_APPLICABLE")).toBe("NOT_APPLICABLE");
    expect(parseImportLetterStatus("sometimes")).toBeNull();
  });

  it("reads genders as lists write them", () => {
    expect(["m", "М", "муж.", "мужчына", "male"].map(parseImportGender)).toEqual(Array(5).fill("MASCULINE"));
    expect(["f", "Ж", "жен.", "жанчына", "female", "k"].map(parseImportGender)).toEqual(Array(6).fill("FEMININE"));
    expect(parseImportGender("?")).toBeNull();
  });

  it("reads sentences in years and months", () => {
    expect(parseImportSentence("5 лет")).toBe(60);
    expect(parseImportSentence("3 года 6 месяцев")).toBe(42);
    expect(parseImportSentence("4 гады 6 месяцаў")).toBe(54);
    expect(parseImportSentence("2 г. 6 мес.")).toBe(30);
    expect(parseImportSentence("2 years and 3 months")).toBe(27);
    expect(parseImportSentence("18 months")).toBe(18);
    expect(parseImportSentence("11")).toBe(132);
    expect(parseImportSentence("6л")).toBeNull();
    expect(parseImportSentence("пожизненно")).toBeNull();
    expect(parseImportSentence("5 лет ИК")).toBeNull();
  });

  it("takes the summary's language from its header, else from its letters", () => {
    expect(columnForHeader("Summary (pl)")).toBe("summary");
    expect(columnForHeader("описание_ru")).toBe("summary");
    expect(summaryLanguageOf("Summary (pl)", "Dziennikarz z Homla.")).toBe("pl");
    expect(summaryLanguageOf("Апісанне", "Журналіст з Гомеля.")).toBe("be");
    expect(summaryLanguageOf("Описание", "Журналист из Гомеля.")).toBe("ru");
    expect(summaryLanguageOf("Summary", "A journalist from Homiel.")).toBe("en");
  });
});
