-- CreateEnum
CREATE TYPE "GrammaticalGender" AS ENUM ('MASCULINE', 'FEMININE');

-- CreateEnum
CREATE TYPE "LetterLanguage" AS ENUM ('RU', 'BE');

-- AlterTable
ALTER TABLE "Prisoner" ADD COLUMN     "grammaticalGender" "GrammaticalGender",
ADD COLUMN     "letterLanguage" "LetterLanguage";

