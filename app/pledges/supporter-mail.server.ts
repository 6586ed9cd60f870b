// Pledge and privacy emails into the outbox. Like enqueueMail (app/mail/outbox.server.ts),
// with the pledge the row belongs to, so queued reminders go when a pledge is withdrawn.
import type { OutboxMessage, Prisma } from "@prisma/client";

import type { RenderedMail } from "~/mail/messages.server";
import { addressHash, randomMessageId } from "~/mail/outbox.server";

export async function enqueueSupporterMail(
  tx: Prisma.TransactionClient,
  message: RenderedMail & {
    kind: "PLEDGE_CONFIRMATION" | "PLEDGE_REMINDER" | "PRIVACY_LINK";
    pledgeId: string | null;
    to: string;
    now: Date;
    /** The one-click stop address for the List-Unsubscribe header (reminders). */
    unsubscribe?: string | null;
  },
): Promise<OutboxMessage> {
  const { now, unsubscribe = null, ...rest } = message;
  return tx.outboxMessage.create({
    data: {
      ...rest,
      unsubscribe,
      appealId: null,
      toHash: addressHash(message.to),
      replyTo: null,
      // Random: nothing in a supporter's mailbox links one email to another.
      messageId: randomMessageId(),
      state: "QUEUED",
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
