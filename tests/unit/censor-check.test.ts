import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  censorCategories,
  censorExplanationKeys,
  censorSuggestionKeys,
  censorSummaryKey,
  censorWarningKey,
  checkLetter,
  type CensorCategory,
  type CensorFlag,
  type LetterLanguage,
} from "~/letters/censor-check";

/** Asserts that `word` (its first occurrence in `text`) is flagged exactly, with `category`. */
function expectFlagged(text: string, language: LetterLanguage, word: string, category: CensorCategory) {
  const start = text.indexOf(word);
  expect(start, `"${word}" must occur in "${text}"`).toBeGreaterThanOrEqual(0);
  const flags = checkLetter(text, language);
  const flag = flags.find((candidate) => candidate.start === start);
  expect(flag, `no flag at "${word}" in ${JSON.stringify(flags)}`).toBeDefined();
  expect(flag).toMatchObject({ category, start, end: start + word.length, match: word });
  expect(flag?.explanationKey).toBe(`letters:censor.${category}.why`);
  expect(flag?.suggestionKey).toBe(`letters:censor.${category}.instead`);
}

function summary(flags: CensorFlag[]): string[] {
  return flags.map((flag) => `${flag.category}:${flag.match}`);
}

/** Offsets must point into the text, flags must be sorted and must not overlap. */
function expectWellFormed(text: string, flags: CensorFlag[]) {
  let previousEnd = 0;
  for (const flag of flags) {
    expect(flag.start).toBeGreaterThanOrEqual(previousEnd);
    expect(flag.end).toBeGreaterThan(flag.start);
    expect(text.slice(flag.start, flag.end)).toBe(flag.match);
    expect(censorCategories).toContain(flag.category);
    previousEnd = flag.end;
  }
}

type Case = [category: CensorCategory, text: string, word: string];

const russianCases: Case[] = [
  ["politics", "Я совсем не слежу за политикой.", "политикой"],
  ["politics", "Политика меня не интересует.", "Политика"],
  ["politics", "Это был политический вопрос.", "политический"],
  ["politics", "Здесь пишут письма политзаключённым.", "политзаключённым"],
  ["politics", "Я устала от политики.", "политики"],
  ["politics", "Не люблю политиков.", "политиков"],
  ["politics", "Скоро выборы в нашем городе.", "выборы"],
  ["politics", "Все ждут речи президента.", "президента"],
  ["politics", "Лидеры оппозиции уехали.", "оппозиции"],
  ["case-and-court", "После суда я долго думала.", "суда"],
  ["case-and-court", "Я был в суде.", "суде"],
  ["case-and-court", "Его приговорили к семи годам.", "приговорили"],
  ["case-and-court", "Приговор был суровым.", "Приговор"],
  ["case-and-court", "Судья зачитала решение.", "Судья"],
  ["case-and-court", "Всё решилось судом.", "судом"],
  ["case-and-court", "Какой у тебя срок?", "срок"],
  ["case-and-court", "Мы нашли хорошего адвоката.", "адвоката"],
  ["case-and-court", "Судебный процесс закончился.", "Судебный"],
  ["war", "Как же страшна война.", "война"],
  ["war", "После войны всё изменилось.", "войны"],
  ["war", "Мы часто думаем о войне.", "войне"],
  ["war", "Я видела по телевизору военные машины.", "военные"],
  ["war", "Объявили мобилизацию.", "мобилизацию"],
  ["war", "Его брат на фронте.", "фронте"],
  ["protest", "Это был мирный протест.", "протест"],
  ["protest", "Я помню протесты в августе.", "протесты"],
  ["protest", "Люди протестовали на площади.", "протестовали"],
  ["protest", "Мы ходили на демонстрацию.", "демонстрацию"],
  ["protest", "На митинге было много людей.", "митинге"],
  ["protest", "Приехал ОМОН.", "ОМОН"],
  ["freedom-and-struggle", "Свобода придёт.", "Свобода"],
  ["freedom-and-struggle", "Желаю тебе скорейшей свободы!", "свободы"],
  ["freedom-and-struggle", "Скоро ты будешь на свободе.", "свободе"],
  ["freedom-and-struggle", "Мы верим в свободу.", "свободу"],
  ["freedom-and-struggle", "Ты дышишь свободой.", "свободой"],
  ["freedom-and-struggle", "Ты свободный человек.", "свободный"],
  ["freedom-and-struggle", "Скоро ты будешь свободен.", "свободен"],
  ["freedom-and-struggle", "Наша борьба продолжается.", "борьба"],
  ["freedom-and-struggle", "Надо бороться до конца.", "бороться"],
  // Release is a topic of its own since issue 14.
  ["release-and-pardon", "Ждём твоего освобождения.", "освобождения"],
  ["freedom-and-struggle", "Скорее бы ты вышел на волю.", "на волю"],
  ["freedom-and-struggle", "Скоро увидимся на воле.", "на воле"],
  ["names", "Говорят, Лукашенко выступал.", "Лукашенко"],
  ["names", "Я читала интервью Тихановской.", "Тихановской"],
  ["names", "Встреча Путина прошла вчера.", "Путина"],
  ["names", "Я знаю про Бабарико.", "Бабарико"],
  ["names", "Передай привет Колесниковой.", "Колесниковой"],
  ["names", "Я читала о Беляцком.", "Беляцком"],
  ["names", "Помню выступление Статкевича.", "Статкевича"],
  ["hidden-messages", "Передайте ребятам мой привет.", "Передайте"],
  ["hidden-messages", "Скажи Мише, что всё готово.", "Скажи"],
  ["hidden-messages", "Запомни: 80291234567.", "80291234567"],
  ["hidden-messages", "Запиши код 12-34-56.", "12-34-56"],
  ["charges", "Ему вменяют измену государству.", "измену государству"],
  ["charges", "Это называют экстремизмом.", "экстремизмом"],
  ["charges", "Его назвали изменником.", "изменником"],
  ["charges", "Какие ещё массовые беспорядки?", "массовые беспорядки"],
  ["prison-conditions", "Тебя опять держат в ШИЗО?", "ШИЗО"],
  ["prison-conditions", "В карцере холодно?", "карцере"],
  ["prison-conditions", "Не объявляй голодовку.", "голодовку"],
  ["prison-conditions", "Тебя пытали?", "пытали"],
  ["extremist-organisations", "Я читала «Зеркало» вчера.", "Зеркало"],
  ["extremist-organisations", "Правозащитники пишут о тебе.", "Правозащитники"],
  ["extremist-organisations", "Киберпартизаны опять всё взломали.", "Киберпартизаны"],
  ["extremist-organisations", "Смотрела Белсат вечером.", "Белсат"],
  ["symbols-and-slogans", "Вы не одни!", "Вы не одни"],
  ["symbols-and-slogans", "На стене нарисовали Погоню.", "Погоню"],
  ["symbols-and-slogans", "Помнишь бчб на окнах?", "бчб"],
  ["symbols-and-slogans", "Мысленно с вами.", "Мысленно с вами"],
  ["release-and-pardon", "Когда освободишься, приезжай.", "освободишься"],
  ["release-and-pardon", "Скоро тебя помилуют.", "помилуют"],
  ["release-and-pardon", "Говорят, будет амнистия.", "амнистия"],
  ["release-and-pardon", "Тебя скоро выпустят.", "выпустят"],
  ["foreign-words", "У нас всё OK, не волнуйся.", "OK"],
  ["foreign-words", "Купила новый iPhone.", "iPhone"],
  ["foreign-words", "Передаю тебе hello от соседей.", "hello"],
  ["foreign-words", "Я живу теперь в Vilnius.", "Vilnius"],
  ["foreign-words", "Посмотри на Netflix что-нибудь.", "Netflix"],
];

const belarusianCases: Case[] = [
  ["politics", "Я не цікаўлюся палітыкай.", "палітыкай"],
  ["politics", "Палітыка мяне не цікавіць.", "Палітыка"],
  ["politics", "Ён нічога не разумее ў палітыцы.", "палітыцы"],
  ["politics", "Гэта было палітычнае пытанне.", "палітычнае"],
  ["politics", "Мы пішам лісты палітвязням.", "палітвязням"],
  ["politics", "Хутка выбары.", "выбары"],
  ["politics", "Выступ прэзідэнта быў доўгі.", "прэзідэнта"],
  ["politics", "Лідары апазіцыі выехалі.", "апазіцыі"],
  ["case-and-court", "Пасля суда я доўга думала.", "суда"],
  ["case-and-court", "Я быў на судзе.", "судзе"],
  ["case-and-court", "Суддзя зачытала рашэнне.", "Суддзя"],
  ["case-and-court", "Прысуд быў суровы.", "Прысуд"],
  ["case-and-court", "Які ў цябе тэрмін?", "тэрмін"],
  ["case-and-court", "Мы знайшлі добрага адваката.", "адваката"],
  ["case-and-court", "Яго судзілі ўвесну.", "судзілі"],
  ["case-and-court", "Пачалася крымінальная справа.", "крымінальная справа"],
  ["war", "Якая страшная вайна.", "вайна"],
  ["war", "Пасля вайны ўсё змянілася.", "вайны"],
  ["war", "Мы думаем пра вайну.", "вайну"],
  ["war", "Мы часта думаем аб вайне.", "вайне"],
  ["war", "Па тэлевізары паказвалі ваенныя машыны.", "ваенныя"],
  ["war", "Абвясцілі мабілізацыю.", "мабілізацыю"],
  ["protest", "Гэта быў мірны пратэст.", "пратэст"],
  ["protest", "Я памятаю пратэсты ў жніўні.", "пратэсты"],
  ["protest", "Шмат пратэстаў было ў горадзе.", "пратэстаў"],
  ["protest", "Мы хадзілі на дэманстрацыю.", "дэманстрацыю"],
  ["protest", "На мітынгу было шмат людзей.", "мітынгу"],
  // Slogans and the flag are a topic of their own since issue 14.
  ["symbols-and-slogans", "Жыве Беларусь!", "Жыве Беларусь"],
  ["symbols-and-slogans", "У акне вісеў бел-чырвона-белы сцяг.", "бел-чырвона-белы"],
  ["freedom-and-struggle", "Свабода прыйдзе.", "Свабода"],
  ["freedom-and-struggle", "Жадаю табе хутчэйшай свабоды!", "свабоды"],
  ["freedom-and-struggle", "Хутка ты будзеш на свабодзе.", "свабодзе"],
  ["freedom-and-struggle", "Мы верым у свабоду.", "свабоду"],
  ["freedom-and-struggle", "Ты дыхаеш свабодай.", "свабодай"],
  ["freedom-and-struggle", "Наша барацьба працягваецца.", "барацьба"],
  ["freedom-and-struggle", "Трэба змагацца да канца.", "змагацца"],
  ["release-and-pardon", "Чакаем твайго вызвалення.", "вызвалення"],
  ["freedom-and-struggle", "Хутка ўбачымся на волі.", "на волі"],
  ["names", "Кажуць, Лукашэнка выступаў.", "Лукашэнка"],
  ["names", "Ліст Лукашэнку ніхто не чытаў.", "Лукашэнку"],
  ["names", "Усе яны былі з Лукашэнкам.", "Лукашэнкам"],
  ["names", "Я чытала інтэрв’ю Ціханоўскай.", "Ціханоўскай"],
  ["names", "Перадай прывітанне Калеснікавай.", "Калеснікавай"],
  ["names", "Я чытала пра Бяляцкага.", "Бяляцкага"],
  ["names", "Памятаю выступ Статкевіча.", "Статкевіча"],
  ["names", "Сустрэча Пуціна адбылася ўчора.", "Пуціна"],
  ["hidden-messages", "Перадайце хлопцам маё прывітанне.", "Перадайце"],
  ["hidden-messages", "Скажы Алегу, што ўсё добра.", "Скажы"],
  ["hidden-messages", "Запомні: 80331234567.", "80331234567"],
  ["hidden-messages", "Запішы код 12-34-56.", "12-34-56"],
  ["charges", "Яму ставяць здраду дзяржаве.", "здраду дзяржаве"],
  ["charges", "Гэта назвалі масавымі беспарадкамі.", "масавымі беспарадкамі"],
  ["charges", "Яго назвалі здраднікам.", "здраднікам"],
  ["charges", "Абвінавачванне ў тэрарызме абсурднае.", "тэрарызме"],
  ["prison-conditions", "Цябе зноў трымаюць у ШІЗА?", "ШІЗА"],
  ["prison-conditions", "У карцэры холадна?", "карцэры"],
  ["prison-conditions", "Не абвяшчай галадоўку.", "галадоўку"],
  ["prison-conditions", "Цябе катавалі?", "катавалі"],
  ["extremist-organisations", "Я чытала «Люстэрка» ўчора.", "Люстэрка"],
  ["extremist-organisations", "Праваабаронцы пішуць пра цябе.", "Праваабаронцы"],
  ["extremist-organisations", "Кіберпартызаны зноў усё ўзламалі.", "Кіберпартызаны"],
  ["extremist-organisations", "Глядзела Белсат увечары.", "Белсат"],
  ["symbols-and-slogans", "Вы не адны!", "Вы не адны"],
  ["symbols-and-slogans", "На сцяне намалявалі Пагоню.", "Пагоню"],
  ["release-and-pardon", "Калі вызвалішся, прыязджай.", "вызвалішся"],
  ["release-and-pardon", "Хутка цябе памілуюць.", "памілуюць"],
  ["release-and-pardon", "Кажуць, будзе амністыя.", "амністыя"],
  ["release-and-pardon", "Цябе хутка выпусцяць.", "выпусцяць"],
  ["foreign-words", "У нас усё OK, не хвалюйся.", "OK"],
  ["foreign-words", "Купіла новы iPhone.", "iPhone"],
  ["foreign-words", "Перадаю табе hello ад суседзяў.", "hello"],
  ["foreign-words", "Я цяпер жыву ў Vilnius.", "Vilnius"],
  ["foreign-words", "Паглядзі на Netflix што-небудзь.", "Netflix"],
];

describe("checkLetter: Russian word forms", () => {
  it.each(russianCases)("%s: %s", (category, text, word) => expectFlagged(text, "ru", word, category));

  it("has at least four different forms for every category", () => {
    for (const category of censorCategories) {
      expect(new Set(russianCases.filter(([c]) => c === category).map(([, , word]) => word)).size).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("checkLetter: Belarusian word forms", () => {
  it.each(belarusianCases)("%s: %s", (category, text, word) => expectFlagged(text, "be", word, category));

  it("has at least four different forms for every category", () => {
    for (const category of censorCategories) {
      expect(new Set(belarusianCases.filter(([c]) => c === category).map(([, , word]) => word)).size).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("checkLetter: spelling variants", () => {
  it("treats ё and е alike, and any letter case", () => {
    expectFlagged("Письмо политзаключенным.", "ru", "политзаключенным", "politics");
    expectFlagged("СВОБОДА!", "ru", "СВОБОДА", "freedom-and-struggle");
  });

  it("treats ў as у and Belarusian і as и (and Latin i typed by mistake)", () => {
    expectFlagged("Я чытала пра Цiханоўскую.", "be", "Цiханоўскую", "names"); // Latin i
    expectFlagged("Я чытала пра Ціханоускую.", "be", "Ціханоускую", "names"); // у for ў
    expectFlagged("Пра палiтыку не пішу.", "be", "палiтыку", "politics"); // Latin i
  });

  it("finds a Russian word inside a Belarusian letter and the other way round", () => {
    expectFlagged("Дарагая Марыя! Свобода блізка.", "be", "Свобода", "freedom-and-struggle");
    expectFlagged("Дорогая Мария! Хутка свабода.", "ru", "свабода", "freedom-and-struggle");
  });

  it("finds names in every script", () => {
    expectFlagged("Говорят, Лукашенка приезжал.", "ru", "Лукашенка", "names");
    expectFlagged("I read about Lukashenka.", "en", "Lukashenka", "names");
    expectFlagged("I read about Lukashenko.", "en", "Lukashenko", "names");
    expectFlagged("Czytałem o Łukaszence.", "pl", "Łukaszence", "names");
    expectFlagged("Skaičiau apie Lukašenką.", "lt", "Lukašenką", "names");
    expectFlagged("I met Tsikhanouskaya once.", "en", "Tsikhanouskaya", "names");
    expectFlagged("Spotkałem Cichanouską.", "pl", "Cichanouską", "names");
    expectFlagged("We read about Bialiatski.", "en", "Bialiatski", "names");
    expectFlagged("Czytałem o Białackim.", "pl", "Białackim", "names");
    expectFlagged("Babaryka is well known.", "en", "Babaryka", "names");
    expectFlagged("Maria Kalesnikava played the flute.", "en", "Kalesnikava", "names");
    expectFlagged("Я читала про Тихановську.", "uk", "Тихановську", "names");
  });

  it("flags a Russian name even with a Latin look-alike letter inside", () => {
    expectFlagged("Говорят, Пyтин уехал.", "ru", "Пyтин", "names"); // Latin y
  });
});

describe("checkLetter: Ukrainian, Polish, Lithuanian and English drafts", () => {
  const cases: [LetterLanguage, CensorCategory, string, string][] = [
    ["uk", "freedom-and-struggle", "Бажаю тобі свободи!", "свободи"],
    ["uk", "war", "Я думаю про війну.", "війну"],
    ["uk", "case-and-court", "Після суду я плакала.", "суду"],
    ["uk", "protest", "Я пам’ятаю протести.", "протести"],
    ["uk", "politics", "Я не цікавлюся політикою.", "політикою"],
    ["pl", "freedom-and-struggle", "Życzę Ci wolności!", "wolności"],
    ["pl", "war", "Myślę o wojnie.", "wojnie"],
    ["pl", "case-and-court", "Po wyroku długo płakałam.", "wyroku"],
    ["pl", "protest", "Pamiętam protesty w Mińsku.", "protesty"],
    ["pl", "politics", "Nie interesuję się polityką.", "polityką"],
    ["lt", "freedom-and-struggle", "Linkiu tau laisvės!", "laisvės"],
    ["lt", "war", "Galvoju apie karą.", "karą"],
    ["lt", "case-and-court", "Po teismo ilgai verkiau.", "teismo"],
    ["lt", "protest", "Prisimenu protestus.", "protestus"],
    ["lt", "politics", "Nesidomiu politika.", "politika"],
    ["en", "freedom-and-struggle", "I wish you freedom.", "freedom"],
    ["en", "war", "I think about the war.", "war"],
    ["en", "case-and-court", "After the trial I cried.", "trial"],
    ["en", "protest", "I remember the protests.", "protests"],
    ["en", "politics", "I am not into politics.", "politics"],
    ["en", "freedom-and-struggle", "Your struggle inspires us.", "struggle"],
  ];
  it.each(cases)("%s %s: %s", (language, category, text, word) => expectFlagged(text, language, word, category));

  it.each([
    ["uk", "Сьогодні йшов сніг, і ми гуляли в парку біля дитячого майданчика. У вільний час я читаю."],
    ["pl", "Dziś padał śnieg, a w wolnym czasie czytam książki. Wszystkiego najlepszego!"],
    ["lt", "Šiandien snigo, o laisvu laiku skaitau knygas. Kovo mėnesį bus šilčiau."],
    ["en", "It snowed today, so we baked a cake, read War and Peace and watched Star Wars."],
  ] as [LetterLanguage, string][])("leaves an everyday %s draft alone", (language, text) => {
    expect(summary(checkLetter(text, language))).toEqual([]);
  });

  it("does not look for foreign words outside Russian and Belarusian letters", () => {
    expect(checkLetter("Hello from Vilnius, we had a lovely walk.", "en")).toEqual([]);
  });
});

const safeRussian = [
  "Здравствуй, дорогой Алексей!",
  "У нас всю неделю шёл снег, и дети лепили снеговика во дворе.",
  "Весной в саду зацвели яблони, пахнет просто чудесно.",
  "Летом мы ездили на озеро и ловили рыбу.",
  "Осенью в лесу столько грибов, что мы набрали полную корзину.",
  "Я сейчас читаю Паустовского, очень светлая книга.",
  "Недавно перечитала «Войну и мир» Толстого.",
  "Вчера испекла пирог с яблоками по бабушкиному рецепту.",
  "Научилась варить настоящий борщ, получилось вкусно.",
  "Мама передаёт тебе большой привет и обнимает.",
  "Моя сестра вышла замуж, свадьба была весёлой.",
  "У соседей родился малыш, назвали Мишей.",
  "С днём рождения! Желаю здоровья, сил и терпения.",
  "Поздравляю с Новым годом и Рождеством!",
  "Христос воскрес! С праздником Пасхи тебя.",
  "В свободное время я вяжу тёплые носки.",
  "Мир такой большой, а мы все о тебе помним.",
  "Я сделала это по своей воле, никто не заставлял.",
  "У тебя огромная сила воли, я всегда это знала.",
  "Судьба иногда делает нам подарки.",
  "Купила новую посуду, теперь чай пить приятнее.",
  "В порту стояло большое судно.",
  "Следовательно, весна будет ранней.",
  "Я задержалась на работе, поэтому пишу поздно.",
  "Прочитала интересную статью о пчёлах.",
  "Мы гуляли в сосновом бору и слушали птиц.",
  "Твой выбор книг мне очень нравится.",
  "Свидетельство о рождении внучки уже получили.",
  "В XXI веке люди всё ещё любят бумажные письма.",
  "Кот спит на батарее, а за окном минус пятнадцать.",
  "На даче поспела клубника, варим варенье.",
  "Жду твоего письма и крепко обнимаю.",
  "Вчера смотрели фильм про полярников, очень понравился.",
  "Береги себя, пусть каждый день будет спокойным.",
  "На 9 Мая дед всегда вспоминал Великую Отечественную войну.",
  "Дочка учит к школе омонимы и синонимы.",
  "Перечитываю «Властелина колец» по вечерам.",
  "Восстановление после болезни идёт хорошо.",
];

const safeBelarusian = [
  "Прывітанне, дарагі Алесь!",
  "У нас увесь тыдзень ішоў снег, і дзеці лепілі снегавіка на двары.",
  "Увесну ў садзе зацвілі яблыні, пахне проста цудоўна.",
  "Улетку мы ездзілі на возера і лавілі рыбу.",
  "Восенню ў лесе столькі грыбоў, што мы набралі поўны кошык.",
  "Я зараз чытаю Караткевіча, вельмі цікавая кніга.",
  "Нядаўна перачытала «Вайну і мір» Талстога.",
  "Учора спякла пірог з яблыкамі паводле бабулінага рэцэпту.",
  "Навучылася варыць сапраўдны боршч, атрымалася смачна.",
  "Мама перадае табе вялікае прывітанне і абдымае.",
  "Мая сястра выйшла замуж, вяселле было вясёлае.",
  "У суседзяў нарадзіўся малы, назвалі Мішам.",
  "З днём нараджэння! Жадаю здароўя, сіл і цярплівасці.",
  "Віншую з Новым годам і Калядамі!",
  "Хрыстос уваскрос! Са святам Вялікадня цябе.",
  "Каляды ў нас прайшлі ціха і ўтульна.",
  "У вольны час я вяжу цёплыя шкарпэткі.",
  "Свет такі вялікі, а мы ўсе пра цябе памятаем.",
  "Я зрабіла гэта па сваёй волі, ніхто не прымушаў.",
  "У цябе вялізная сіла волі.",
  "Лёс часам робіць нам падарункі.",
  "Купіла новы посуд, цяпер піць гарбату прыемней.",
  "Я затрымалася на працы, таму пішу позна.",
  "Прачытала цікавы артыкул пра пчол.",
  "Мы гулялі ў сасновым бары і слухалі птушак.",
  "Мне шэсць гадоў было, калі я ўпершыню пабачыла мора.",
  "Да шэсці гадзін мы сядзелі ля вогнішча.",
  "У XXI стагоддзі людзі ўсё яшчэ любяць папяровыя лісты.",
  "Кот спіць на батарэі, а за акном мінус пятнаццаць.",
  "На лецішчы паспела клубніцы, варым варэнне.",
  "Чакаю твайго ліста і моцна абдымаю.",
  "Беражы сябе, няхай кожны дзень будзе спакойным.",
  "На Дзяды мы ўспаміналі бабулю.",
  "Вясна ў гэтым годзе ранняя, ужо спяваюць шпакі.",
];

describe("checkLetter: everyday letters stay clean", () => {
  it("has a corpus of at least 30 sentences in each language", () => {
    expect(safeRussian.length).toBeGreaterThanOrEqual(30);
    expect(safeBelarusian.length).toBeGreaterThanOrEqual(30);
  });

  it.each(safeRussian)("ru: %s", (sentence) => {
    expect(summary(checkLetter(sentence, "ru"))).toEqual([]);
  });

  it.each(safeBelarusian)("be: %s", (sentence) => {
    expect(summary(checkLetter(sentence, "be"))).toEqual([]);
  });

  it("leaves Roman numerals alone but flags other capital Latin letters", () => {
    expect(checkLetter("Людовик XIV жил в XVII веке, а сейчас XXI век.", "ru")).toEqual([]);
    expect(summary(checkLetter("Смотрела TV весь вечер.", "ru"))).toEqual(["foreign-words:TV"]);
  });
});

describe("checkLetter: the recipient's own name", () => {
  const letter = "Дорогая Мария Колесникова! Колесниковой от нас привет. Лукашенко тут ни при чём.";

  it("flags the name when nobody says it is the recipient's", () => {
    expect(summary(checkLetter(letter, "ru"))).toEqual(["names:Колесникова", "names:Колесниковой", "names:Лукашенко"]);
  });

  it("does not flag the forms passed in allowNames, but still flags other people", () => {
    const flags = checkLetter(letter, "ru", { allowNames: ["Мария Колесникова", "Колесниковой"] });
    expect(summary(flags)).toEqual(["names:Лукашенко"]);
  });

  it("compares allowed names folded (ё/е, ў/у, і/и, letter case)", () => {
    const flags = checkLetter("Дарагая Марыя Калеснікава!", "be", { allowNames: ["КАЛЕСНИКАВА"] });
    expect(flags).toEqual([]);
  });

  it("still flags an allowed name written in Latin letters as a foreign word", () => {
    const flags = checkLetter("Дорогая Kalesnikava!", "ru", { allowNames: ["Kalesnikava"] });
    expect(summary(flags)).toEqual(["foreign-words:Kalesnikava"]);
  });
});

describe("checkLetter: merging and order", () => {
  it("merges a Latin-script name into one flag with both categories, the name first", () => {
    const text = "Говорят, Lukashenko уехал.";
    const flags = checkLetter(text, "ru");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ category: "names", categories: ["names", "foreign-words"], match: "Lukashenko", start: 9, end: 19 });
  });

  it("merges a phrase with the words inside it", () => {
    const text = "Возбудили уголовное дело, ст. 342.";
    const flags = checkLetter(text, "ru");
    // The article number is a charge since issue 14.
    expect(summary(flags)).toEqual(["case-and-court:уголовное дело", "charges:ст. 342"]);
    expect(flags[0]).toMatchObject({ start: 10, end: 24 });
  });

  it("keeps neighbouring flags apart and sorts them by position", () => {
    const text = "война, свобода, протест, суд, Путин, hello";
    const flags = checkLetter(text, "ru");
    expect(summary(flags)).toEqual([
      "war:война",
      "freedom-and-struggle:свобода",
      "protest:протест",
      "case-and-court:суд",
      "names:Путин",
      "foreign-words:hello",
    ]);
    expectWellFormed(text, flags);
  });

  it("switches off the words of a safe phrase only", () => {
    expect(summary(checkLetter("В свободное время думаю о свободе.", "ru"))).toEqual(["freedom-and-struggle:свободе"]);
  });

  it("lets a safe phrase win over a risky phrase that shares a word with it", () => {
    // «скончыўся тэрмін» is a guess about a sentence ending; «тэрмін прыдатнасці» is an expiry date.
    // (The merged flag takes the more serious topic of its parts: the sentence, case-and-court.)
    expect(summary(checkLetter("Хутка скончыцца тэрмін, і мы сустрэнемся.", "be"))).toEqual(["case-and-court:скончыцца тэрмін"]);
    expect(summary(checkLetter("У ёгуртаў скончыўся тэрмін прыдатнасці.", "be"))).toEqual([]);
  });

  it("flags a slogan that ends its clause, not the same words in an everyday sentence", () => {
    expect(summary(checkLetter("Мы вместе, что бы ни случилось.", "ru"))).toEqual(["symbols-and-slogans:Мы вместе"]);
    expect(summary(checkLetter("Мы разам!", "be"))).toEqual(["symbols-and-slogans:Мы разам"]);
    expect(summary(checkLetter("Мы вместе ходили в кино и смеялись.", "ru"))).toEqual([]);
  });

  it("reads struggling with something everyday as everyday, and a struggle for something as risky", () => {
    expect(summary(checkLetter("Вся суббота ушла на борьбу с сорняками.", "ru"))).toEqual([]);
    expect(summary(checkLetter("Увесь тыдзень змагалася з прастудай.", "be"))).toEqual([]);
    expect(summary(checkLetter("Это борьба за всех нас.", "ru"))).toEqual(["freedom-and-struggle:борьба"]);
  });

  it("reads a context word whole where a prefix would catch another word (дачка is a daughter, not a dacha)", () => {
    expect(summary(checkLetter("Дачку пасадзілі за каментар.", "be"))).toEqual(["case-and-court:пасадзілі"]);
    expect(summary(checkLetter("На дачы пасадзілі бульбу.", "be"))).toEqual([]);
    // «танцы» are dances: a masculine noun on к takes -у in the locative, never the mutation.
    expect(summary(checkLetter("Старэйшая ходзіць на танцы.", "be"))).toEqual([]);
    expect(summary(checkLetter("Младшие на плавание, старшая на танцы.", "ru"))).toEqual([]);
  });

  it("finds a Belarusian root after the consonant alternation of the locative (пратэст → на пратэсце)", () => {
    expect(summary(checkLetter("Яго затрымалі на пратэсце.", "be"))).toContain("protest:пратэсце");
  });
});

describe("checkLetter: odd input", () => {
  it.each([
    ["empty", ""],
    ["spaces", "   \n\t  "],
    ["emoji", "😀🎉❤️👍🏽 🇧🇾"],
    ["control characters", "\u0000\u0001\u0007\u001b[31m\u007f"],
    ["lone surrogates", "\ud800 свобода \udc00"],
    ["combining marks", "свобо\u0301да  e\u0301"],
    ["HTML", "<p>Привет</p><script>alert('свобода')</script>"],
    ["digits only", "1234567890 ст. 42"],
  ])("does not throw on %s", (_label, text) => {
    const flags = checkLetter(text, "ru");
    expectWellFormed(text, flags);
  });

  it("handles HTML like any text", () => {
    expect(summary(checkLetter("<b>свобода</b>", "ru"))).toEqual(["freedom-and-struggle:свобода"]); // one Latin letter is not a word
    expect(summary(checkLetter("<div>свобода</div>", "ru"))).toEqual(["foreign-words:div", "freedom-and-struggle:свобода", "foreign-words:div"]);
  });

  it("returns nothing for values that are not text or an unknown language, instead of throwing", () => {
    expect(checkLetter(null as unknown as string, "ru")).toEqual([]);
    expect(checkLetter(42 as unknown as string, "be")).toEqual([]);
    expect(summary(checkLetter("свобода", "xx" as LetterLanguage))).toEqual(["freedom-and-struggle:свобода"]);
    expect(summary(checkLetter("свобода", "ru", { allowNames: [null as unknown as string] }))).toEqual(["freedom-and-struggle:свобода"]);
  });

  // Speed is measured by `npm run bench` (scripts/bench-censor.ts: a 100 KB letter against the
  // 100 ms budget), not asserted here: a timed test fails on a busy machine, not on a slow check.
  it("checks a 100 KB letter, flagging every risky passage in it", () => {
    const paragraph = [...safeRussian, ...russianCases.map(([, text]) => text), ...safeBelarusian].join(" ");
    let text = "";
    while (text.length < 100_000) text += `${paragraph}\n`;
    text = text.slice(0, 100_000);
    const flags: CensorFlag[] = checkLetter(text, "ru");
    expect(flags.length).toBeGreaterThan(500);
    expectWellFormed(text, flags);
  });
});

describe("translation keys", () => {
  const english = JSON.parse(readFileSync(path.join(process.cwd(), "locales/en/letters.json"), "utf8")) as unknown;

  function lookup(fullKey: string): unknown {
    const [namespace, key] = fullKey.split(":");
    expect(namespace).toBe("letters");
    return (key ?? "").split(".").reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      english,
    );
  }

  it("has an English explanation and suggestion for every category", () => {
    for (const category of censorCategories) {
      for (const key of [censorExplanationKeys[category], censorSuggestionKeys[category]]) {
        const text = lookup(key);
        expect(typeof text, key).toBe("string");
        expect((text as string).length).toBeGreaterThan(20);
      }
    }
  });

  it("has the keys of every flag produced", () => {
    const text = "Политика, суд, война, протест, свобода, Лукашенко, hello, 8029123456, измена государству, ШИЗО, Правозащитники, Погоня, амнистия";
    const flags = checkLetter(text, "ru");
    expect(new Set(flags.map((flag) => flag.category)).size).toBe(censorCategories.length);
    for (const flag of flags) {
      expect(typeof lookup(flag.explanationKey)).toBe("string");
      expect(typeof lookup(flag.suggestionKey)).toBe("string");
    }
  });

  it("has the summary (plural) and the warning", () => {
    expect(lookup(`${censorSummaryKey}_one`)).toContain("{{count}}");
    expect(lookup(`${censorSummaryKey}_other`)).toContain("{{count}}");
    expect(typeof lookup(censorWarningKey)).toBe("string");
  });
});
