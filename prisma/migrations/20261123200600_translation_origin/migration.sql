-- AlterEnum
ALTER TYPE "PrisonerChangeOrigin" ADD VALUE 'TRANSLATION';

