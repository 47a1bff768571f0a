/** Swedish texts of confirmations, undo, confirm dialogs and refusals (issue 17, item 5; spread into `sv`). */
export const feedbackSv = {
  feedback: {
    close: 'Stäng meddelandet',
    undo: 'Ångra',
    justSaved: 'Nytt',
    noPermissionPage: 'Du har inte behörighet att öppna den sidan. Du är tillbaka på startsidan.',
    sessionScheduled: 'Tillfället är sparat: {date} kl. {time}.',
    seriesScheduled: 'Serien är sparad. Antal tillfällen: {count}, det första {date} (visas här).',
    markAllDone: 'Markerade som närvarande: {count}.',
    markAllUndone: 'Markeringarna är borttagna igen.',
    undoFailed: 'Alla markeringar kunde inte tas bort. Kontrollera listan.',
    clearMark: 'Rensa',
    clearMarkFor: 'Rensa markeringen för {name}',
    markCleared: 'Markeringen för {name} är borttagen.',
    markReplaced: 'Någon har ändrat markeringen under tiden. Listan visar den nu.',
    clearNeedsNetwork: 'Att rensa en sparad markering kräver nätverk. Försök igen när du är ansluten.',
    calendarRotateTitle: 'Byta kalenderlänk?',
    disableTitle: 'Stäng av kontot?',
    pseudonymiseTitle: 'Avidentifiera personen?',
  },
};
