-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN     "reviewNoticeAt" TIMESTAMP(3);
