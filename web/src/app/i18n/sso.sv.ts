/** Swedish texts of single sign-on on the sign-in page (spread into `sv`). */
export const ssoSv = {
  sso: {
    button: 'Logga in med organisationens konto',
    or: 'eller med lösenord',
    failed: 'Inloggningen med organisationens konto misslyckades. Försök igen eller logga in med lösenord.',
    noMatch:
      'Ditt konto i organisationen hittar ingen aktiv person i Kunna. Be din chef eller administratör kontrollera din e-post eller ditt anställningsnummer.',
    ambiguous: 'Ditt konto i organisationen passar flera personer i Kunna. Be din administratör rätta uppgifterna.',
  },
};
