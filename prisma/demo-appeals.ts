// Appeal templates for the demo campaign "free-them-all", one per language. An appeal is
// written in the addressee's language: Russian for the Belarusian authorities, the
// supporter's own language for their own government or parliament. The other languages
// also let a supporter read what the letter says.
//
// Three variants of each part; one of each is picked per appeal (app/appeals/appeal-text.ts),
// so letters to the same official are not identical. Placeholders (single braces):
// {prisonerName} {prisonerFacts} {officialName} {officialPosition} {campaignTitle}; a
// sentence whose value is missing is left out. The figure quoted ("more than a thousand")
// is Viasna's count as reported in 2025 (1,168–1,184; see prisma/demo-data.ts).
// Addresses without grammatical gender ("Добрый день", "Szanowni Państwo") because the
// official's is not recorded.
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
      "Добрый день.\n\nЯ обращаюсь к Вам с просьбой освободить всех, кого в Беларуси лишили свободы за их взгляды. Среди них — {prisonerName}. {prisonerFacts}",
      "Здравствуйте.\n\nЯ пишу Вам в поддержку кампании «{campaignTitle}». Среди тех, за кого она выступает, — {prisonerName}. {prisonerFacts}",
      "Здравствуйте.\n\nЯ пишу Вам о судьбе человека, которого зовут {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "По данным правозащитного центра «Весна», в Беларуси по политическим мотивам в заключении находятся более тысячи человек. Одних освобождают, но на их место арестовывают других. Никто не должен сидеть в тюрьме за то, что он написал, сказал или во что он верит.",
      "Лишение свободы за мирное выражение мнений, журналистику или правозащитную работу противоречит Международному пакту о гражданских и политических правах, который Беларусь ратифицировала. Освобождение людей не должно быть предметом политического торга.",
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
      "Добры дзень.\n\nЗвяртаюся да Вас з просьбай вызваліць усіх, каго ў Беларусі пазбавілі волі за іх погляды. Сярод іх — {prisonerName}. {prisonerFacts}",
      "Добры дзень.\n\nПішу Вам у падтрымку кампаніі «{campaignTitle}». Сярод тых, за каго яна выступае, — {prisonerName}. {prisonerFacts}",
      "Вітаю.\n\nПішу Вам пра лёс чалавека, якога завуць {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "Паводле звестак праваабарончага цэнтра «Вясна», у Беларусі па палітычных матывах за кратамі знаходзіцца больш за тысячу чалавек. Адных вызваляюць, але на іх месца арыштоўваюць іншых. Ніхто не павінен сядзець у турме за тое, што ён напісаў, сказаў або ў што ён верыць.",
      "Пазбаўленне волі за мірнае выказванне поглядаў, журналістыку або праваабарончую працу супярэчыць Міжнароднаму пакту аб грамадзянскіх і палітычных правах, які Беларусь ратыфікавала. Вызваленне людзей не павінна быць прадметам палітычнага торгу.",
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
      "Добрий день.\n\nЗвертаюся до Вас із проханням звільнити всіх, кого в Білорусі позбавили волі за їхні погляди. Серед них — {prisonerName}. {prisonerFacts}",
      "Добрий день.\n\nПишу Вам на підтримку кампанії «{campaignTitle}». Серед тих, за кого вона виступає, — {prisonerName}. {prisonerFacts}",
      "Вітаю.\n\nПишу Вам про долю людини, яку звати {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "За даними правозахисного центру «Весна», у Білорусі з політичних мотивів за ґратами перебуває понад тисячу людей. Одних звільняють, але на їхнє місце заарештовують інших. Ніхто не повинен сидіти у в’язниці за те, що написав, сказав або у що вірить.",
      "Позбавлення волі за мирне висловлення поглядів, журналістику чи правозахисну роботу суперечить Міжнародному пакту про громадянські і політичні права, який Білорусь ратифікувала. Звільнення людей не повинно бути предметом політичного торгу.",
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
      "Szanowni Państwo,\n\npiszę w ramach kampanii „{campaignTitle}”. Jedną z osób, w których obronie występuje, jest {prisonerName}. {prisonerFacts}",
      "Dzień dobry,\n\npiszę w sprawie osoby, która nazywa się {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "Według Centrum Praw Człowieka „Wiasna” na Białorusi z powodów politycznych więzionych jest ponad tysiąc osób. Jedni są zwalniani, ale na ich miejsce aresztuje się kolejnych. Nikt nie powinien trafiać do więzienia za to, co napisał, powiedział lub w co wierzy.",
      "Pozbawianie wolności za pokojowe wyrażanie poglądów, pracę dziennikarską czy obronę praw człowieka narusza Międzynarodowy Pakt Praw Obywatelskich i Politycznych, który Białoruś ratyfikowała. Uwolnienie ludzi nie może być przedmiotem politycznych targów.",
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
      "Laba diena,\n\nkreipiuosi į Jus su prašymu paleisti visus žmones, kurie Baltarusijoje įkalinti dėl savo pažiūrų. Tarp jų yra {prisonerName}. {prisonerFacts}",
      "Laba diena,\n\nrašau Jums dėl kampanijos „{campaignTitle}“. Vienas iš žmonių, kuriuos ji gina, – {prisonerName}. {prisonerFacts}",
      "Gerbiamieji,\n\nrašau Jums dėl žmogaus, kurio vardas – {prisonerName}. {prisonerFacts}",
    ],
    arguments: [
      "Žmogaus teisių centro „Viasna“ duomenimis, Baltarusijoje dėl politinių motyvų įkalinta daugiau kaip tūkstantis žmonių. Vieni paleidžiami, bet jų vietoje suimami kiti. Niekas neturi sėdėti kalėjime už tai, ką parašė, pasakė ar kuo tiki.",
      "Laisvės atėmimas už taikų nuomonės reiškimą, žurnalistiką ar žmogaus teisių gynimą pažeidžia Tarptautinį pilietinių ir politinių teisių paktą, kurį Baltarusija yra ratifikavusi. Žmonių paleidimas neturi būti politinių derybų objektas.",
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
      "According to the Viasna human rights centre, more than a thousand people are imprisoned in Belarus for political reasons. Some are released, but others are arrested in their place. Nobody should be in prison for what they wrote, said or believe.",
      "Imprisoning people for the peaceful expression of their views, for journalism or for defending human rights breaches the International Covenant on Civil and Political Rights, which Belarus has ratified. The release of people must not be a matter of political bargaining.",
      "Releasing a few people at a time does not end the injustice while new ones fill the cells. Everyone imprisoned for political reasons should be released without conditions, and politically motivated arrests should stop.",
    ],
    closings: [
      "I respectfully ask you to release all political prisoners unconditionally and to end politically motivated arrests.\n\nYours sincerely,",
      "I ask you to use your authority so that every political prisoner in Belarus is freed without conditions. Thank you for your attention to this appeal.\n\nYours sincerely,",
      "Please release every political prisoner and let their families see them again. I would be grateful to hear what you decide.\n\nRespectfully,",
    ],
  },
};
