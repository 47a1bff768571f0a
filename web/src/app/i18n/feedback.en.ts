import { feedbackSv } from './feedback.sv';

/** English texts of confirmations, undo, confirm dialogs and refusals (spread into `en`). */
export const feedbackEn: typeof feedbackSv = {
  feedback: {
    close: 'Close the message',
    undo: 'Undo',
    justSaved: 'New',
    noPermissionPage: 'You are not allowed to open that page. You are back on the start page.',
    sessionScheduled: 'The session is saved: {date} at {time}.',
    seriesScheduled: 'The series is saved. Sessions: {count}, the first on {date} (shown here).',
    markAllDone: 'Marked as present: {count}.',
    markAllUndone: 'The marks have been removed again.',
    undoFailed: 'Not every mark could be removed. Check the list.',
    clearMark: 'Clear',
    clearMarkFor: 'Clear the mark for {name}',
    markCleared: 'The mark for {name} has been removed.',
    markReplaced: 'Someone changed the mark meanwhile. The list shows it now.',
    clearNeedsNetwork: 'Clearing a saved mark needs the network. Try again when you are connected.',
    calendarRotateTitle: 'Replace the calendar link?',
    disableTitle: 'Disable the account?',
    pseudonymiseTitle: 'Pseudonymise the person?',
  },
};
