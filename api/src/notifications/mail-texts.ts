import { NotificationDetails, NotificationKind } from '@kunna/contracts';

export interface MailText {
  subject: string;
  body: string;
}

/**
 * The e-mail of a notification in the recipient's language. The in-app notification is worded by the web app
 * (web/src/app/notifications); these are the same sentences.
 */
export function mailText(kind: NotificationKind, details: NotificationDetails, language: 'sv' | 'en', link: string): MailText {
  const title = details.sessionTitle ?? '';
  const when = `${details.date ?? ''} ${details.startTime ?? ''}`.trim();
  const place = details.place ?? '';
  const sv = language === 'sv';
  switch (kind) {
    case NotificationKind.SessionTomorrow:
      return sv
        ? { subject: `Påminnelse: ${title} ${when}`, body: `Hej!\n\nDu är inbjuden till ”${title}” ${when}, ${place}.\n\n${link}\n\n/Kunna` }
        : { subject: `Reminder: ${title} ${when}`, body: `Hello,\n\nYou are invited to "${title}" ${when}, ${place}.\n\n${link}\n\n/Kunna` };
    case NotificationKind.SessionCancelled: {
      const reason = details.cancelReason ? (sv ? `\nOrsak: ${details.cancelReason}` : `\nReason: ${details.cancelReason}`) : '';
      return sv
        ? { subject: `Inställt: ${title} ${when}`, body: `Hej!\n\nTillfället ”${title}” ${when}, ${place} är inställt.${reason}\n\n${link}\n\n/Kunna` }
        : {
            subject: `Cancelled: ${title} ${when}`,
            body: `Hello,\n\nThe session "${title}" ${when}, ${place} has been cancelled.${reason}\n\n${link}\n\n/Kunna`,
          };
    }
    case NotificationKind.AfterCheckPending:
      return sv
        ? {
            subject: `Svara på eftermätningen: ${title}`,
            body: `Hej!\n\nTack för att du var med på ”${title}” ${when}. Svara gärna på eftermätningen:\n\n${link}\n\n/Kunna`,
          }
        : {
            subject: `Answer the after check: ${title}`,
            body: `Hello,\n\nThank you for taking part in "${title}" ${when}. Please answer the after check:\n\n${link}\n\n/Kunna`,
          };
  }
}
