// Appeal templates for the demo campaign "free-them-all", one per language. An appeal is
// written in the addressee's language: Russian for the Belarusian authorities, the
// supporter's own language for their own government or parliament. The other languages
// also let a supporter read what the letter says.
//
// Three variants of each part; one of each is picked per appeal (app/appeals/appeal-text.ts),
// so letters to the same official are not identical. Placeholders (single braces):
// {prisonerName} {prisonerFacts} {officialName} {officialPosition} {campaignTitle}; a
// sentence whose value is missing is left out.
//
// Openings follow the style of an official appeal: no greeting line, the request first
// («Обращаюсь к Вам…»). Polish keeps the salutation "Szanowni Państwo," and English
// "Dear {officialName},", both formal and free of grammatical gender, which is not recorded
// for the official.
//
// An argument states a fact only with its report and date (the Viasna count of 18 September
// 2025, reported by Inter Press Service); the others are principles that claim no fact.
// demoAppealArgumentSources names the report behind each argument.
import type { Language } from "~/i18n";

export interface DemoAppealTemplate {
  subjects: string[];
  openings: string[];
  arguments: string[];
  closings: string[];
}

export const demoAppealCampaign = "free-them-all";

export const demoAppealTemplates: Record<Language, DemoAppealTemplate> = {
  ru: {
    subjects: [
      "Просьба об освобождении политических заключённых в Беларуси",
      "Обращение в поддержку кампании «{campaignTitle}»",
      "{prisonerName} и другие политические заключённые: просьба об освобождении",
    ],
    openings: [
      "Обращаюсь к Вам с просьбой освободить всех, кого в Беларуси лишили свободы за их взгляды. Среди них — {prisonerName}. {prisonerFacts}",
      "Обращаюсь к Вам в поддержку кампании «{campaignTitle}». Среди тех, за кого она выступает, — {prisonerName}. {prisonerFacts}",
      "Прошу Вас обратить внимание на судьбу человека по имени {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "По данным правозащитного центра «Весна», на 18 сентября 2025 года число политических заключённых в Беларуси составляло 1184 (по сообщению Inter Press Service от 7 октября 2025 года). Правозащитники отмечают, что одних освобождают, а на их место арестовывают других. Никто не должен сидеть в тюрьме за то, что он написал, сказал или во что он верит.",
      "Никто не должен лишаться свободы за мирное выражение своих взглядов, за журналистику или правозащитную работу. Освобождение людей не должно быть предметом политического торга.",
      "Освобождение нескольких человек не устраняет несправедливости, пока на их место в камеры попадают новые. Каждый, кто находится в заключении по политическим мотивам, должен быть освобождён без каких-либо условий, а политически мотивированные аресты — прекращены.",
    ],
    closings: [
      "Прошу Вас освободить всех политических заключённых без каких-либо условий и прекратить политически мотивированные аресты.\n\nС уважением,",
      "Прошу Вас использовать Ваши полномочия, чтобы все политические заключённые в Беларуси вышли на свободу без каких-либо условий. Благодарю за внимание к этому обращению.\n\nС уважением,",
      "Прошу освободить каждого политического заключённого и дать их семьям возможность снова увидеть близких. Прошу сообщить о принятом решении.\n\nС уважением,",
    ],
  },
  be: {
    subjects: [
      "Просьба аб вызваленні палітычных вязняў у Беларусі",
      "Зварот у падтрымку кампаніі «{campaignTitle}»",
      "{prisonerName} і іншыя палітычныя вязні: просьба аб вызваленні",
    ],
    openings: [
      "Звяртаюся да Вас з просьбай вызваліць усіх, каго ў Беларусі пазбавілі волі за іх погляды. Сярод іх — {prisonerName}. {prisonerFacts}",
      "Звяртаюся да Вас у падтрымку кампаніі «{campaignTitle}». Сярод тых, за каго яна выступае, — {prisonerName}. {prisonerFacts}",
      "Прашу Вас звярнуць увагу на лёс чалавека па імені {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "Паводле звестак праваабарончага цэнтра «Вясна», на 18 верасня 2025 года колькасць палітычных вязняў у Беларусі складала 1184 (як паведаміла агенцыя Inter Press Service 7 кастрычніка 2025 года). Праваабаронцы адзначаюць, што адных вызваляюць, а на іх месца арыштоўваюць іншых. Ніхто не павінен сядзець у турме за тое, што ён напісаў, сказаў або ў што ён верыць.",
      "Ніхто не павінен быць пазбаўлены волі за мірнае выказванне сваіх поглядаў, за журналістыку або праваабарончую працу. Вызваленне людзей не павінна быць прадметам палітычнага торгу.",
      "Вызваленне некалькіх чалавек не спыняе несправядлівасці, пакуль на іх месца ў камеры трапляюць новыя. Кожны, хто знаходзіцца ў зняволенні па палітычных матывах, павінен быць вызвалены без усялякіх умоў, а палітычна матываваныя арышты — спыненыя.",
    ],
    closings: [
      "Прашу Вас вызваліць усіх палітычных вязняў без усялякіх умоў і спыніць палітычна матываваныя арышты.\n\nЗ павагай,",
      "Прашу Вас скарыстаць свае паўнамоцтвы, каб усе палітычныя вязні ў Беларусі выйшлі на волю без усялякіх умоў. Дзякую за ўвагу да гэтага звароту.\n\nЗ павагай,",
      "Прашу вызваліць кожнага палітычнага вязня і даць іх сем’ям магчымасць зноў убачыць блізкіх. Прашу паведаміць пра прынятае рашэнне.\n\nЗ павагай,",
    ],
  },
  uk: {
    subjects: [
      "Прохання про звільнення політичних в’язнів у Білорусі",
      "Звернення на підтримку кампанії «{campaignTitle}»",
      "{prisonerName} та інші політичні в’язні: прохання про звільнення",
    ],
    openings: [
      "Звертаюся до Вас із проханням звільнити всіх, кого в Білорусі позбавили волі за їхні погляди. Серед них — {prisonerName}. {prisonerFacts}",
      "Звертаюся до Вас на підтримку кампанії «{campaignTitle}». Серед тих, за кого вона виступає, — {prisonerName}. {prisonerFacts}",
      "Прошу Вас звернути увагу на долю людини на ім’я {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "За даними правозахисного центру «Весна», станом на 18 вересня 2025 року кількість політичних в’язнів у Білорусі становила 1184 (за повідомленням Inter Press Service від 7 жовтня 2025 року). Правозахисники зазначають, що одних звільняють, а на їхнє місце заарештовують інших. Ніхто не повинен сидіти у в’язниці за те, що написав, сказав або у що вірить.",
      "Ніхто не повинен бути позбавлений волі за мирне висловлення своїх поглядів, за журналістику чи правозахисну роботу. Звільнення людей не повинно бути предметом політичного торгу.",
      "Звільнення кількох людей не усуває несправедливості, поки на їхнє місце в камери потрапляють нові. Кожен, хто перебуває в ув’язненні з політичних мотивів, має бути звільнений без жодних умов, а політично вмотивовані арешти — припинені.",
    ],
    closings: [
      "Прошу Вас звільнити всіх політичних в’язнів без жодних умов і припинити політично вмотивовані арешти.\n\nЗ повагою,",
      "Прошу Вас використати свої повноваження, щоб усі політичні в’язні в Білорусі вийшли на волю без жодних умов. Дякую за увагу до цього звернення.\n\nЗ повагою,",
      "Прошу звільнити кожного політичного в’язня і дати їхнім родинам змогу знову побачити рідних. Прошу повідомити про ухвалене рішення.\n\nЗ повагою,",
    ],
  },
  pl: {
    subjects: [
      "Prośba o uwolnienie więźniów politycznych na Białorusi",
      "Apel w ramach kampanii „{campaignTitle}”",
      "{prisonerName} i inni więźniowie polityczni: prośba o uwolnienie",
    ],
    openings: [
      "Szanowni Państwo,\n\nzwracam się z prośbą o uwolnienie wszystkich osób pozbawionych na Białorusi wolności za swoje poglądy. Wśród nich jest {prisonerName}. {prisonerFacts}",
      "Szanowni Państwo,\n\nzwracam się w ramach kampanii „{campaignTitle}”. Jedną z osób, w których obronie występuje, jest {prisonerName}. {prisonerFacts}",
      "Szanowni Państwo,\n\nuprzejmie proszę o zwrócenie uwagi na los osoby, która nazywa się {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "Według Centrum Praw Człowieka „Wiasna” 18 września 2025 roku liczba więźniów politycznych na Białorusi wynosiła 1184 (jak podała agencja Inter Press Service 7 października 2025 roku). Obrońcy praw człowieka zwracają uwagę, że jedni są zwalniani, a na ich miejsce aresztuje się kolejnych. Nikt nie powinien trafiać do więzienia za to, co napisał, powiedział lub w co wierzy.",
      "Nikt nie powinien być pozbawiony wolności za pokojowe wyrażanie swoich poglądów, pracę dziennikarską czy obronę praw człowieka. Uwolnienie ludzi nie może być przedmiotem politycznych targów.",
      "Uwalnianie po kilka osób nie kończy niesprawiedliwości, dopóki do cel trafiają kolejni. Każda osoba więziona z powodów politycznych powinna zostać uwolniona bez żadnych warunków, a politycznie motywowane aresztowania powinny się skończyć.",
    ],
    closings: [
      "Proszę o bezwarunkowe uwolnienie wszystkich więźniów politycznych i zakończenie politycznie motywowanych aresztowań.\n\nZ poważaniem",
      "Proszę o użycie swoich uprawnień, aby wszyscy więźniowie polityczni na Białorusi wyszli na wolność bez żadnych warunków. Dziękuję za uwagę poświęconą temu apelowi.\n\nZ wyrazami szacunku",
      "Proszę o uwolnienie każdego więźnia politycznego i umożliwienie ich rodzinom ponownego spotkania z bliskimi. Proszę o informację o podjętej decyzji.\n\nZ poważaniem",
    ],
  },
  lt: {
    subjects: [
      "Prašymas paleisti politinius kalinius Baltarusijoje",
      "Kreipimasis dėl kampanijos „{campaignTitle}“",
      "{prisonerName} ir kiti politiniai kaliniai: prašymas juos paleisti",
    ],
    openings: [
      "Kreipiuosi į Jus su prašymu paleisti visus žmones, kurie Baltarusijoje įkalinti dėl savo pažiūrų. Tarp jų yra {prisonerName}. {prisonerFacts}",
      "Kreipiuosi į Jus dėl kampanijos „{campaignTitle}“. Vienas iš žmonių, kuriuos ji gina, – {prisonerName}. {prisonerFacts}",
      "Prašau atkreipti dėmesį į žmogaus, kurio vardas – {prisonerName}, likimą. {prisonerFacts}",
    ],
    arguments: [
      "Žmogaus teisių centro „Viasna“ duomenimis, 2025 m. rugsėjo 18 d. Baltarusijoje buvo 1184 politiniai kaliniai (kaip 2025 m. spalio 7 d. pranešė Inter Press Service). Žmogaus teisių gynėjai pažymi, kad vieni paleidžiami, o jų vietoje suimami kiti. Niekas neturi sėdėti kalėjime už tai, ką parašė, pasakė ar kuo tiki.",
      "Niekam neturi būti atimta laisvė už taikų savo pažiūrų reiškimą, žurnalistiką ar žmogaus teisių gynimą. Žmonių paleidimas neturi būti politinių derybų objektas.",
      "Kelių žmonių paleidimas nepanaikina neteisybės, kol į kameras patenka nauji. Kiekvienas, įkalintas dėl politinių motyvų, turi būti paleistas be jokių sąlygų, o politiškai motyvuoti areštai – nutraukti.",
    ],
    closings: [
      "Prašau besąlygiškai paleisti visus politinius kalinius ir nutraukti politiškai motyvuotus areštus.\n\nPagarbiai",
      "Prašau pasinaudoti savo įgaliojimais, kad visi politiniai kaliniai Baltarusijoje būtų paleisti be jokių sąlygų. Dėkoju už dėmesį šiam kreipimuisi.\n\nPagarbiai",
      "Prašau paleisti kiekvieną politinį kalinį ir leisti jų šeimoms vėl pamatyti artimuosius. Prašau pranešti apie priimtą sprendimą.\n\nPagarbiai",
    ],
  },
  en: {
    subjects: [
      "Please release the political prisoners in Belarus",
      "An appeal for the campaign “{campaignTitle}”",
      "{prisonerName} and other political prisoners: a request for release",
    ],
    openings: [
      "Dear {officialName},\n\nI am writing to ask you to release everyone who has been deprived of liberty in Belarus for their views. Among them is {prisonerName}. {prisonerFacts}",
      "Dear {officialName},\n\nI am writing in support of the campaign “{campaignTitle}”. One of the people it speaks for is {prisonerName}. {prisonerFacts}",
      "Dear {officialName},\n\nI am writing to you about {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "According to the Viasna human rights centre, there were 1,184 political prisoners in Belarus on 18 September 2025 (reported by Inter Press Service on 7 October 2025). Rights defenders point out that as some are released, others are arrested in their place. Nobody should be in prison for what they wrote, said or believe.",
      "No one should be deprived of liberty for peacefully expressing their views, for journalism or for defending human rights. The release of people must not be a matter of political bargaining.",
      "Releasing a few people at a time does not end the injustice as long as new ones fill the cells. Everyone imprisoned for political reasons should be released without conditions, and politically motivated arrests should stop.",
    ],
    closings: [
      "I respectfully ask you to release all political prisoners unconditionally and to end politically motivated arrests.\n\nYours sincerely,",
      "I ask you to use your authority so that every political prisoner in Belarus is freed without conditions. Thank you for your attention to this appeal.\n\nYours sincerely,",
      "Please release every political prisoner and let their families see them again. I would be grateful to hear what you decide.\n\nRespectfully,",
    ],
  },
};

/**
 * The report behind each argument, in the order of `arguments`: a demo source key, or null
 * for a principle that states no fact. Kept apart from the templates so that the seed can
 * spread a template into its database row as it is.
 */
const argumentSources: (string | null)[] = ["ips-2025-10-07", null, null];

export const demoAppealArgumentSources: Record<Language, (string | null)[]> = {
  ru: argumentSources,
  be: argumentSources,
  uk: argumentSources,
  pl: argumentSources,
  lt: argumentSources,
  en: argumentSources,
};
