// A fictional facility shaped like a village colony: designation, street, settlement, district,
// region and a postcode of the settlement's own post office (no separate post town). Shared by
// the envelope's PDF test and its censor test.
import type { LetterRecipient } from "~/letters/letter-pdf.server";

export const VILLAGE_COLONY: LetterRecipient = {
  fullNameCyrillic: "Иванов Иван Иванович",
  yearOfBirth: 1970,
  designation: "ИК-3",
  streetLines: ["ул. Лесная, 1"],
  locality: "пос. Заречный",
  district: "Витебский р-н",
  region: "Витебская обл.",
  postcode: "211300",
  town: "",
  addressKnown: true,
};
