// Topic lists for the censor-risk check (see censor-check.ts for how they are applied).
//
// Every pattern is a regular-expression source matched against ONE whole word, after the
// word has been folded: lower case, ё→е, ў→у, і/ї→и, є→е, ґ→г, apostrophes removed, Polish
// and Lithuanian diacritics dropped (ł→l, ą→a, š→s, ė→e…). Patterns may be written in the
// natural spelling (ё, ў, і, ł…): the same folding is applied to them when compiled.
// Write plain groups "( … )": they are turned into non-capturing groups; \p{L} is compiled
// as "." (a word holds only letters and digits, and it is much faster to compile).
//
// A pattern is a stem plus a CONTROLLED list of endings, so that "суд" catches суда, суде,
// судом, судья but not судно, судьба or посуда. Stems that have no innocent continuation
// (протест-, оппозиц-, приговор-) are "open": OPEN = up to six more letters.
// Words that a pattern would still catch wrongly go in `exceptions`; word pairs that are
// risky only together ("на волю") or safe only together ("свободное время", "Война и мир")
// go in `phrases`.

export type TopicCategory = "politics" | "case-and-court" | "war" | "protest" | "freedom-and-struggle";

export interface PhraseRule {
  /** One pattern per consecutive word; words may be separated by spaces, hyphens, dots or "№". */
  words: string[];
  /** "safe": no word inside the phrase is flagged. */
  category: TopicCategory | "safe";
}

export interface Lexicon {
  words: Record<TopicCategory, string[]>;
  /** Whole folded words never flagged, whatever the patterns say. */
  exceptions: string[];
  phrases: PhraseRule[];
}

export interface NameEntry {
  /** Who it is, for readers of this file and for tests. */
  person: string;
  /** Patterns in any script; matched against the folded word like the topic lists. */
  patterns: string[];
  /** Only a capitalised word counts (the name is also an ordinary word: лосик = little elk). */
  capitalOnly?: boolean;
}

/** Up to six more letters: for stems with no innocent continuation. */
const OPEN = "\\p{L}{0,6}";

// Russian endings.
const RU_ADJ = "(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ою|ею)";
const RU_MASC = "(|а|у|ом|е|ы|ов|ам|ами|ах)";
const RU_FEM_A = "(а|ы|е|у|ой|ою|ам|ами|ах|)";
const RU_IYA = "(ия|ии|ию|ией|иею|ий|иям|иями|иях)";
const RU_IE = "(ие|ия|ию|ием|ии|ий|иям|иями|иях)";

// Belarusian endings (і is folded to и when compiled).
const BE_ADJ = "(ы|і|ая|яя|ае|яе|ыя|ія|ага|яга|аму|яму|ым|ім|ай|яй|ую|юю|ых|іх|ымі|імі|ою)";
const BE_MASC = "(|а|у|ам|е|ы|і|аў|оў|амі|ах)";
const BE_FEM_A = "(а|ы|і|е|у|ай|аю|ой|ою|ам|амі|ах|аў|)";
const BE_YA = "(ыя|ыі|ыю|ыяй|ыяю|ый|ыям|ыямі|ыях)";

export const russian: Lexicon = {
  words: {
    politics: [
      `политик${RU_FEM_A}`,
      `политик(и|ов|ом)`,
      `политичес${OPEN}`,
      `политзаключ${OPEN}`,
      `политз[еэ]к${OPEN}`,
      `политуз${OPEN}`,
      `оппозиц${OPEN}`,
      `выбор(ы|ов|ах|ам|ами)`, // elections; the singular "выбор" (a choice) is not flagged
      `президент${OPEN}`,
      `власт(ь|и|ью|ей|ям|ями|ях)`,
      `диктатур${OPEN}`,
      `диктатор${OPEN}`,
      `правительств${OPEN}`,
      `парламент${OPEN}`,
      `депутат${OPEN}`,
      `министр${OPEN}`,
      `санкци${OPEN}`,
      `референдум${OPEN}`,
      `демократ${OPEN}`,
      `конституц${OPEN}`,
      `пропаганд${OPEN}`,
      `кгб`,
      `губопик`,
      `режимн${RU_ADJ}`,
    ],
    "case-and-court": [
      `суд${RU_MASC}`,
      `суд(ят|ил|ила|или|ит|ить|имост${OPEN})`,
      `судь(я|и|е|ю|ей|ею|ям|ями|ях)`,
      `судебн${OPEN}`,
      `подсудим${OPEN}`,
      `осуд(ил|ила|или|ят|ит|ить)`,
      `осужд(ен|ена|ено|ены|енн${OPEN}|ение|ения|ению|ением|ении)`,
      `приговор${OPEN}`,
      `срок${RU_MASC}`, // in a letter to a prisoner "срок" means the sentence; "срок годности" is a safe phrase
      `сроки`,
      `адвокат${OPEN}`,
      `прокурор${OPEN}`,
      `следовател(ь|я|ю|ем|е|и|ей|ям|ями|ях)`, // not "следовательно" (consequently)
      `следстви(е|я|ю|ем|и)`,
      `допрос(|а|у|ом|е|ы|ов|ам|ами|ах|ил|ила|или|ить|ят)`,
      `обвин(ени${OPEN}|яем${OPEN}|ял|яла|яли|яют|яет|ил|ила|или|ят|ить|ен|ена|ены|енн${OPEN})`,
      `арест(|а|у|ом|е|ы|ов|ам|ами|ах|ован${OPEN}|овать|овал|овала|овали|уют|ант${OPEN})`,
      `задержани${OPEN}`, // the noun only: "задержался на работе" is everyday
      `уголовн${OPEN}`,
      `апелляц${OPEN}`,
      `кассац${OPEN}`,
      `помилов${OPEN}`,
      `экстремис${OPEN}`,
      `террорис${OPEN}`,
      `невиновн${OPEN}`,
      `свидетел(ь|я|ю|ем|е|и|ей|ям|ями|ях)`, // not "свидетельство" (certificate)
    ],
    war: [
      `войн${RU_FEM_A}`,
      `военн${RU_ADJ}`,
      `военно`,
      `фронт${RU_MASC}`,
      `фронтов${RU_ADJ}`,
      `мобилизац${OPEN}`,
      `спецоперац${OPEN}`,
      `сво`,
      `всу`,
      `оккупац${OPEN}`,
      `оккупант${OPEN}`,
      `вторжени${OPEN}`,
      `бомб(а|ы|е|у|ой|ою|ами|ах|ят|ил|ила|или|ит|ить)`,
      `бомбардир${OPEN}`,
      `бомбежк${OPEN}`,
      `обстрел${OPEN}`,
      `танк(|а|и|ов|ом|ам|ами|ах)`,
      `агресси${OPEN}`,
      `агрессор${OPEN}`,
    ],
    protest: [
      `протест${OPEN}`,
      `демонстрац${OPEN}`,
      `демонстрант${OPEN}`,
      `митинг${OPEN}`,
      `забастов${OPEN}`,
      `революц${OPEN}`,
      `восстани${OPEN}`,
      `бунт(|а|у|ом|е|ы|ов|овать|уют|овал|овали|арь|ари)`,
      `баррикад${OPEN}`,
      `омон(|а|у|ом|е|ы|ов|ам|ами|ах|овц${OPEN}|овец)`, // not "омонимы" (homonyms)
      `силовик${OPEN}`,
      `бчб`,
      `шестви${OPEN}`,
    ],
    "freedom-and-struggle": [
      `свобод${RU_FEM_A}`,
      `свободн${RU_ADJ}`,
      `свободн(а|о|ы)`,
      `свободен`,
      `освобод(ить|ят|ил|ила|или|ит|ишь|им|итесь|иться|ился|илась|ились)`,
      `освобожд${OPEN}`,
      `борьб${RU_FEM_A}`,
      `бор(оться|юсь|ешься|ется|емся|етесь|ются|олся|олась|олись|ись|итесь)`,
      `борец`,
      `борц(а|у|ом|е|ы|ов|ам|ами|ах)`,
      `сопротивлени${OPEN}`,
      `несвобод${OPEN}`,
    ],
  },
  exceptions: [
    `судн${OPEN}`, // ship
    `судьб${OPEN}`, // fate
    `посуд${OPEN}`, // dishes
    `судак${OPEN}`, // zander
    `судорог${OPEN}`,
    `судоку`,
    `сударын${OPEN}`,
    `сударь`,
    `протестант${OPEN}`, // Protestant
    `воин${OPEN}`, // warrior, not war
  ],
  phrases: [
    { words: ["на", "вол(ю|е)"], category: "freedom-and-struggle" }, // "на волю" = to freedom; "по своей воле" is fine
    { words: ["день|дня|дню|днем", "воли"], category: "freedom-and-struggle" },
    { words: ["живе|жыве", "беларусь"], category: "protest" },
    { words: ["слава", "украине"], category: "war" },
    { words: ["бело", "красно", `бел${OPEN}`], category: "protest" },
    { words: ["уголовн\\p{L}*", "дел\\p{L}*"], category: "case-and-court" },
    { words: ["стать(я|и|е|ю|ей)|ст", "\\d+"], category: "case-and-court" },
    { words: ["массов\\p{L}*", "беспорядк\\p{L}*"], category: "case-and-court" },
    // Free time is everyday talk, not "freedom".
    { words: ["свободн\\p{L}*", "(время|времени|минут\\p{L}*|минутк\\p{L}*|вечер\\p{L}*|день|дни|дня)"], category: "safe" },
    // The novel, and the state holiday (9 May) the censor does not object to.
    { words: ["войн(а|у|е|ой)", "и", "мир(|а|у|е|ом)"], category: "safe" },
    { words: ["отечественн\\p{L}*", "войн\\p{L}*"], category: "safe" },
    { words: ["срок\\p{L}*", "годност\\p{L}*"], category: "safe" },
  ],
};

export const belarusian: Lexicon = {
  words: {
    politics: [
      `палітык${BE_FEM_A}`,
      `палітыц(ы|э)`, // у палітыцы
      `палітычн${OPEN}`,
      `палітвязн${OPEN}`,
      `палітвязень`,
      `апазіц${OPEN}`,
      `выбар(ы|аў|ах|ам|амі)`, // elections; the singular "выбар" (a choice) is not flagged
      `прэзідэнт${OPEN}`,
      `улад(а|ы|зе|у|ай|аю|ам|амі|аў|ах)`,
      `дыктатур${OPEN}`,
      `дыктатар${OPEN}`,
      `урад(|а|у|зе|ам|ы|аў|амі|ах|ав${OPEN})`,
      `парламент${OPEN}`,
      `дэпутат${OPEN}`,
      `міністр${OPEN}`,
      `санкц${OPEN}`,
      `рэферэндум${OPEN}`,
      `дэмакрат${OPEN}`,
      `канстытуц${OPEN}`,
      `прапаганд${OPEN}`,
      `кдб`,
    ],
    "case-and-court": [
      `суд(|а|у|ам|зе|ы|оў|амі|ах)`,
      `суддз(я|і|ю|ёй|яй|яю|ям|ямі|ях|яў)`,
      `судов${BE_ADJ}`,
      `суд(зяць|зіць|зілі|зіла|зіў)`,
      `падсудн${OPEN}`,
      `асудж(ан${OPEN}|аны|эн${OPEN}|энне|эння|энні)`,
      `асуд(зілі|зіла|зіў|зяць|зіць)`,
      `прысуд(|а|у|ам|зе|ы|жан${OPEN}|зілі|зіў|зіла|зіць)`,
      `прыгавор${OPEN}`,
      `тэрмін(|у|а|ам|е|ы|аў|ах|амі)`, // in a letter to a prisoner this is the sentence
      `адвакат${OPEN}`,
      `пракурор${OPEN}`,
      `следч(ы|ага|аму|ым|ыя|ых|ымі)`,
      `следств(а|у|ам|е|ы)`,
      `допыт(|у|ам|е|ы|аў|ваць|валі|вала|ваў)`,
      `абвінавач${OPEN}`,
      `арышт${OPEN}`,
      `затрыман(не|ня|ню|нем|ні|ы|ая|ыя|ага|ых|ым|аму)`, // not "затрымаўся" (was delayed)
      `крымінальн${OPEN}`,
      `апеляц${OPEN}`,
      `касац${OPEN}`,
      `памілаван${OPEN}`,
      `экстрэміс${OPEN}`,
      `тэрарыс${OPEN}`,
      `невінават${OPEN}`,
      `сведк(а|і|у|ай|аю|ам|амі|аў|ах)`,
    ],
    war: [
      `вайн${BE_FEM_A}`,
      `ваенн${BE_ADJ}`,
      `вайсков${BE_ADJ}`,
      `фронт${BE_MASC}`,
      `мабілізац${OPEN}`,
      `спецаперац${OPEN}`,
      `акупац${OPEN}`,
      `акупант${OPEN}`,
      `уварванн${OPEN}`,
      `бамбаван${OPEN}`,
      `абстрэл${OPEN}`,
      `агрэсі${OPEN}`,
      `агрэсар${OPEN}`,
    ],
    protest: [
      `пратэст${OPEN}`,
      `дэманстрац${OPEN}`,
      `дэманстрант${OPEN}`,
      `мітынг${OPEN}`,
      `страйк${OPEN}`,
      `забастоўк${OPEN}`,
      `рэвалюц${OPEN}`,
      `паўстанн${OPEN}`,
      `барыкад${OPEN}`,
      `амап${OPEN}`,
      `сілавік${OPEN}`,
      `шэсц(е|я|ем|яў)`, // not шэсці, шэсцю (forms of "six")
    ],
    "freedom-and-struggle": [
      `свабод(а|ы|зе|у|ай|аю|)`,
      `свабодн${BE_ADJ}`,
      `свабодн(а|ы)`,
      `вольн${BE_ADJ}`, // "вольная Беларусь"; "у вольны час" (free time) is a safe phrase
      `вызвал(іць|яць|ілі|іла|іў|іцца|іўся|ілася|іліся|яюць|іць|іш|ім|яць|ены|еная|еныя|енне|ення|енню|еннем|енні)`,
      `барацьб${BE_FEM_A}`,
      `змаган${OPEN}`,
      `змагар${OPEN}`,
      `змага(цца|юся|ешся|ецца|емся|ецеся|юцца|ўся|лася|ліся|йся|йцеся)`,
      `супраціў(|у|ам|е)`,
    ],
  },
  exceptions: [
    `посуд${OPEN}`, // dishes
    `судн${OPEN}`,
  ],
  phrases: [
    { words: ["на", "волі|волю"], category: "freedom-and-struggle" },
    { words: ["дзень|дня|дню|днём", "волі"], category: "freedom-and-struggle" },
    { words: ["жыве|живе", "беларусь"], category: "protest" },
    { words: ["слава", "украіне|украіны"], category: "war" },
    { words: ["бел", "чырвона", `бел${OPEN}`], category: "protest" },
    { words: ["крымінальн\\p{L}*", "справ\\p{L}*"], category: "case-and-court" },
    { words: ["артыкул(|а|у|ам|е|ы)|арт", "\\d+"], category: "case-and-court" },
    { words: ["масав\\p{L}*", "беспарадк\\p{L}*"], category: "case-and-court" },
    { words: ["свабодн\\p{L}*|вольн\\p{L}*", "(час|часу|часе|хвілін\\p{L}*|хвілінк\\p{L}*|вечар\\p{L}*|дзень|дні|дня)"], category: "safe" },
    { words: ["вайн(а|у|е|ой)", "і", "мір(|у|а|е|ам)"], category: "safe" },
    { words: ["айчынн\\p{L}*", "вайн\\p{L}*"], category: "safe" },
    { words: ["тэрмін\\p{L}*", "прыдатнасц\\p{L}*|захоўванн\\p{L}*"], category: "safe" },
  ],
};

export const ukrainian: Lexicon = {
  words: {
    politics: [
      `політик(а|и|і|у|ою|ам|ами|ах|)`,
      `політичн${OPEN}`,
      `політв'язн${OPEN}`,
      `політв'язень`,
      `опозиці${OPEN}`,
      `вибор(и|ів|ах|ам|ами)`,
      `президент${OPEN}`,
      `влад(а|и|і|у|ою)`,
      `диктатур${OPEN}`,
      `диктатор${OPEN}`,
      `уряд(|у|ом|і|и|ів|ов${OPEN})`,
      `депутат${OPEN}`,
      `міністр${OPEN}`,
      `санкці${OPEN}`,
    ],
    "case-and-court": [
      `суд(|у|ом|і|и|ів|ам|ами|ах)`,
      `судд(я|і|ю|ею|ів|ям)`,
      `судов${OPEN}`,
      `вирок${OPEN}`,
      `вирок`,
      `вироку`,
      `засуджен${OPEN}`,
      `засуд(или|ив|ила|ять)`,
      `адвокат${OPEN}`,
      `прокурор${OPEN}`,
      `арешт${OPEN}`,
      `кримінальн${OPEN}`,
      `обвинувач${OPEN}`,
      `слідч(ий|ого|ому|им|і|их)`,
      `допит(|у|ом|и|ів|ували|ував)`,
    ],
    war: [
      `війн(а|и|і|у|ою|ам|ами|ах|)`,
      `воєнн${OPEN}`,
      `військов${OPEN}`,
      `фронт(|у|ом|і|ові)`,
      `мобілізаці${OPEN}`,
      `окупаці${OPEN}`,
      `окупант${OPEN}`,
      `вторгненн${OPEN}`,
      `обстріл${OPEN}`,
      `бомбардуванн${OPEN}`,
    ],
    protest: [
      `протест${OPEN}`,
      `демонстраці${OPEN}`,
      `мітинг${OPEN}`,
      `страйк${OPEN}`,
      `революці${OPEN}`,
      `майдан(|у|і|ом|а)`, // not "майданчик" (playground)
    ],
    "freedom-and-struggle": [
      `свобод(а|и|і|у|ою|)`,
      `свобідн${OPEN}`,
      `звільн(ення|енню|енням|енні|ити|или|ять|иться)`,
      `боротьб(а|и|і|у|ою)`,
      `борот(ися|ися|ьба)`,
      `бор(юся|ешся|еться|емося|етеся|ються|овся|олася|олися)`,
      `опір(|у|ом)`,
    ],
  },
  exceptions: [`посуд${OPEN}`, `судн${OPEN}`, `протестант${OPEN}`],
  phrases: [
    { words: ["на", "волю|волі"], category: "freedom-and-struggle" },
    { words: ["слава", "україні"], category: "war" },
    { words: ["вільн\\p{L}*", "(час|часу|хвилин\\p{L}*)"], category: "safe" },
    { words: ["війна", "і|й", "мир"], category: "safe" },
  ],
};

export const polish: Lexicon = {
  words: {
    politics: [
      `polityk(a|i|ę|ą|o|ów|om|ami|ach|iem|u|)`,
      `polityczn${OPEN}`,
      `opozycj${OPEN}`,
      `opozycyjn${OPEN}`,
      `wybor(y|ów|ach|ami|om)`, // elections; "wybór" (a choice) folds to "wybor" and is not flagged
      `prezydent${OPEN}`,
      `władz(a|y|ę|ą|e|om|ami)`,
      `dyktat(ur|or)${OPEN}`,
      `rząd(|u|owi|em|zie|y|ów|owy|owe|owego)`,
      `parlament${OPEN}`,
      `sankcj${OPEN}`,
      `reżim${OPEN}`,
    ],
    "case-and-court": [
      `sąd(|u|owi|em|zie|y|ów|om|ami|ach)`,
      `sądow${OPEN}`,
      `sędzi${OPEN}`,
      `sędziowie`,
      `wyrok${OPEN}`,
      `adwokat${OPEN}`,
      `prokurat${OPEN}`,
      `areszt${OPEN}`,
      `oskarż${OPEN}`,
      `skazan${OPEN}`,
      `skaza(ć|ł|ła|li|ły)`,
      `przesłuchan${OPEN}`,
      `zatrzyman(ie|ia|iu|iem)`,
    ],
    war: [
      `wojn(a|y|ie|ę|ą|o|om|ami|ach|)`,
      `wojenn${OPEN}`,
      `wojskow${OPEN}`,
      `mobilizacj${OPEN}`,
      `okupacj${OPEN}`,
      `okupant${OPEN}`,
      `inwazj${OPEN}`,
      `bombardowa${OPEN}`,
      `ostrzał${OPEN}`,
    ],
    protest: [
      `protest${OPEN}`,
      `demonstracj${OPEN}`,
      `demonstrant${OPEN}`,
      `manifestacj${OPEN}`,
      `strajk${OPEN}`,
      `rewolucj${OPEN}`,
    ],
    "freedom-and-struggle": [
      `wolnoś(ć|ci|cią)`,
      `swobod(a|y|zie|ę|ą)`,
      `walk(a|i|ę|ą|o|om|ami|ach)`,
      `walcz${OPEN}`,
      `uwolni${OPEN}`,
      `uwolnien${OPEN}`,
      `opór`,
      `oporu`,
    ],
  },
  exceptions: [`protestant${OPEN}`],
  phrases: [
    { words: ["wojna", "i", "pokój"], category: "safe" },
  ],
};

export const lithuanian: Lexicon = {
  words: {
    politics: [
      `politik(a|os|ai|ą|oje|u|ų|ams|omis|ose)`,
      `politin${OPEN}`,
      `opozicij${OPEN}`,
      `rinkim(ai|ų|uose|us|ams|ais)`,
      `prezident${OPEN}`,
      `valdži(a|os|ai|ą|oje)`,
      `diktatūr${OPEN}`,
      `diktator${OPEN}`,
      `vyriausyb${OPEN}`,
      `sankcij${OPEN}`,
      `režim${OPEN}`,
    ],
    "case-and-court": [
      `teism(as|o|ui|ą|u|e|ai|ų|ams|us|uose)`,
      `teisėj${OPEN}`,
      `nuosprend${OPEN}`,
      `advokat${OPEN}`,
      `prokuror${OPEN}`,
      `suim(tas|ta|ti|tos|tą|tų|ti)`,
      `areštu${OPEN}`,
      `arešt(as|o|ą|ai|uoti|avo)`,
      `kaltinim${OPEN}`,
      `kaltinam${OPEN}`,
      `nuteist${OPEN}`,
    ],
    war: [
      `kar(as|o|ui|ą|u|e|ai|ų|uose|ams)`, // war; "karalius" (king) is not caught
      `karin${OPEN}`,
      `fronte`,
      `frontas`,
      `fronto`,
      `mobilizacij${OPEN}`,
      `okupacij${OPEN}`,
      `okupant${OPEN}`,
      `invazij${OPEN}`,
      `bombardav${OPEN}`,
    ],
    protest: [`protest${OPEN}`, `demonstracij${OPEN}`, `mitinga${OPEN}`, `mitingas`, `streik${OPEN}`, `revoliucij${OPEN}`],
    "freedom-and-struggle": [
      `laisv(ė|ės|ei|ę|ėje|ėn)`, // the noun; "laisvas laikas" (free time) is not flagged
      `kov(a|os|ai|ą|oje|ų|omis|oti|oja|ojame|ojo|ok|okite)`, // struggle; "kovo" (of March) is not caught
      `išlaisvin${OPEN}`,
      `pasipriešinim${OPEN}`,
    ],
  },
  exceptions: [],
  phrases: [{ words: ["karas", "ir", "taika"], category: "safe" }],
};

export const english: Lexicon = {
  words: {
    politics: [
      `politic(s|al|ally|ian|ians)`,
      `opposition${OPEN}`,
      `elections?`,
      `president${OPEN}`,
      `regimes?`,
      `dictator${OPEN}`,
      `governments?`,
      `parliament${OPEN}`,
      `sanctions?`,
      `kgb`,
    ],
    "case-and-court": [
      `courts?`,
      `courtroom`,
      `judges?`,
      `trials?`,
      `sentenced`,
      `verdicts?`,
      `lawyers?`,
      `prosecut${OPEN}`,
      `arrest${OPEN}`,
      `convict${OPEN}`,
      `charges`,
      `indict${OPEN}`,
      `interrogat${OPEN}`,
      `extremis${OPEN}`,
    ],
    war: [`wars?`, `wartime`, `military`, `invasion${OPEN}`, `invade${OPEN}`, `occupation`, `occupiers?`, `mobili[sz]ation`, `bombing${OPEN}`, `shelling`],
    protest: [`protest${OPEN}`, `demonstrations?`, `demonstrators?`, `rall(y|ies)`, `strikes?`, `revolution${OPEN}`, `uprising${OPEN}`],
    "freedom-and-struggle": [`freedoms?`, `liberty`, `liberation`, `struggl(e|es|ed|ing)`, `fight${OPEN}`, `fought`, `resist${OPEN}`],
  },
  exceptions: [`protestant${OPEN}`, `fighter${OPEN}`, `courtyards?`],
  phrases: [
    { words: ["war", "and", "peace"], category: "safe" },
    { words: ["star", "wars?"], category: "safe" },
  ],
};

/**
 * Officials and opposition figures, in every script and the usual transliterations.
 * Kept to people whose names are unambiguous enough; Максим Знак (знак = sign) and
 * Алесь Пушкин (the poet) are left out on purpose.
 */
export const names: NameEntry[] = [
  {
    person: "Alexander Lukashenko",
    patterns: [`лукашенк\\p{L}{0,3}`, `лукашэнк\\p{L}{0,3}`, `luka(sh|sz|s|sch)en(k|c)\\p{L}{0,3}`],
  },
  { person: "Vladimir Putin", patterns: [`путин\\p{L}{0,4}`, `пуцін\\p{L}{0,4}`, `putin\\p{L}{0,4}`] },
  {
    person: "Volodymyr Zelensky",
    patterns: [`зеленск(ий|ого|ому|им|ом)`, `зеленськ(ий|ого|ому|им)`, `зяленск(і|ага|аму|ім)`, `zelensk\\p{L}{0,4}`],
  },
  {
    person: "Sviatlana and Siarhei Tsikhanouski",
    patterns: [`[тц]иханоу?в?сь?к\\p{L}{0,3}`, `(ts|c|t)[iy]?[kc]?h?anou?v?sk\\p{L}{0,4}`],
  },
  { person: "Viktar and Eduard Babaryka", patterns: [`бабар[ыи]к\\p{L}{0,3}`, `babar[iy]k\\p{L}{0,3}`] },
  {
    person: "Maria Kalesnikava",
    patterns: [
      `колесников(а|ой|ою|у|ої|ій)`,
      `калеснікав(а|ай|аю|у|ы|е)`,
      `(kalesnikav|kalesnikaw|kolesnikov|kolesnikow)(a|oj|oy|u|ą|ie|os|ai|ej)`,
    ],
  },
  {
    person: "Ales Bialiatski",
    patterns: [`беляцк\\p{L}{0,3}`, `бяляцк\\p{L}{0,3}`, `біляцьк\\p{L}{0,3}`, `b([iy]a|e)l[iy]?a(t?s|c)k\\p{L}{0,3}`],
  },
  { person: "Mikalai Statkevich", patterns: [`статкевіч\\p{L}{0,3}`, `статкевич\\p{L}{0,3}`, `statk(ie|e)(v|w)i\\p{L}{0,6}`] },
  { person: "Ihar Losik", patterns: [`лосік(|а|у|ам|ом|е)`, `losik\\p{L}{0,3}`], capitalOnly: true },
  { person: "Pavel Latushka", patterns: [`латушк\\p{L}{0,2}`, `latu(sh|sz|s)k\\p{L}{0,3}`] },
  { person: "Valery Tsepkalo", patterns: [`цепкал\\p{L}{0,2}`, `цапкал\\p{L}{0,2}`, `(ts|c)[ea]pkal\\p{L}{0,2}`] },
  { person: "Zianon Pazniak", patterns: [`позняк\\p{L}{0,2}`, `пазьняк\\p{L}{0,2}`, `p[ao][zź]n[iy]ak\\p{L}{0,2}`] },
  { person: "Andrzej Poczobut", patterns: [`почобут\\p{L}{0,2}`, `пачобут\\p{L}{0,2}`, `(poczobut|pochobut|pachobut)\\p{L}{0,2}`] },
  { person: "Alexei Navalny", patterns: [`навальн(ый|ого|ому|ым|ом|ая|ой|ую)`, `naval?n(y|yi|ij|ogo)`, `nawaln\\p{L}{0,3}`] },
  { person: "Natalia Kochanova", patterns: [`кочанов(а|ой|ою|у)`, `качанав(а|ай|аю|у|ы)`, `(kochanov|kachanav|koczanow)a\\p{L}{0,2}`] },
  { person: "Ivan Tertel", patterns: [`тертел(ь|я|ю|ем|е)`, `тэртэл(ь|я|ю|ем|ю)`, `tertel\\p{L}{0,2}`] },
];
