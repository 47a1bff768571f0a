import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Swedish and Kunna-specific passwords that meet the length rule, which an international list does not
 * hold, and the long entries of the public top-10 000 list (SecLists, 10 million passwords) that the
 * zxcvbn-ts list leaves out because its own repeat and sequence matchers find them.
 */
const SUPPLEMENT = `
1234567890 0123456789 12345678910 1234567891 0987654321 9876543210 1111111111 2222222222 5555555555
7777777777 9999999999 0000000000 1122334455 1212121212 1234512345 1234567890- aaaaaaaaaa poiuytrewq
qwertyqwerty 123456789a 123456789q a123456789 qwertyuiop qwertyuiopå asdfghjklö asdfghjkl1 1qaz2wsx3edc
1q2w3e4r5t 1q2w3e4r5t6y zaq12wsxcde qazwsxedcrfv password12 password123 password1234 passw0rd123
password!1 p@ssw0rd123 iloveyou12 iloveyou123 princess12 sunshine12 football12 baseball12
welcome123 welcome1234 letmein123 trustno1234 dragon1234 monkey1234 superman12 starwars12
abcdefghij abcdef1234 abc1234567 abcd123456 qwerty1234 qwerty12345 qwerty123456 qwertyuiop1
lösenord12 lösenord123 lösenord1234 losenord12 losenord123 losenord1234 sommaren2024 sommaren2025
sommaren2026 sommar2024! sommar2025! sommar2026! vinter2024! vinter2025! vinter2026! hösten2025
varen20251 sverige123 sverige1234 sverige2025 hejhej1234 hejsan1234 hejsan12345 kommunen123
kommun1234 omsorg1234 hemtjanst1 hemtjänst1 hemtjanst123 hemtjänst123 aldreboende1 sjukhus1234
vårdboende1 vardboende1 välkommen1 valkommen1 valkommen123 välkommen123 januari2025 februari2025
december2025 november2025 oktober2025 september2025 augusti2025 password2025 password2026
kunna12345 kunna123456 kunnakunna changeme123 changeme12 temporary1 temppassword
`;

/**
 * Passwords refused as too common (OWASP ASVS level 2, NIST SP 800-63B: "passwords obtained from previous
 * breach corpuses"), in lower case: the common-password dictionary of zxcvbn-ts (`@zxcvbn-ts/language-common`,
 * MIT, about 49 000 passwords from public breach lists, most frequent first) plus the supplement above. Built
 * once when the module loads; a lookup is one Set access. Entries shorter than the minimum length are kept:
 * the length rule refuses them first, and the list stays the published one.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [...dictionary['passwords-common'], ...SUPPLEMENT.split(/\s+/)].map((word) => word.trim().toLowerCase()).filter((word) => word.length > 0),
);
