// Writes the import test files. Run from the repository root: node api/src/imports/test-files/generate.mjs
// The messy file is encoded with iconv-lite so that it really is Windows-1252 (å = 0xE5, ä = 0xE4, ö = 0xF6).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const here = dirname(fileURLToPath(import.meta.url));

// UTF-8 with a byte order mark (as Excel's "CSV UTF-8" saves it), comma, LF. Six new people, the fixture's
// staffU1 (T101) exactly as stored, and the fixture's staffU2 (T108) moved from U2 to U3.
const clean =
  [
    'Anställningsnummer,Förnamn,Efternamn,E-post,Befattning,Anställningsform,Startdatum,Slutdatum,Kön,Enhetskod,Enhet,Område',
    '2001,Åsa,Öberg,asa.oberg@kommun-a.example,Undersköterska,Tillsvidare,2019-03-01,,Kvinna,U1,Enhet U1,Område A1',
    '2002,Björn,Ärlig,bjorn.arlig@kommun-a.example,Vårdbiträde,Vikarie,2024-09-15,,Man,U1,Enhet U1,Område A1',
    '2003,Cecilia,Lindqvist,cecilia.lindqvist@kommun-a.example,"Undersköterska, natt",Timanställd,2023-05-02,,Kvinna,U2,Enhet U2,Område A1',
    '2004,David,Nilsson,,Stödassistent,Tillsvidare,2021-11-01,,Man,U2,Enhet U2,Område A1',
    '2005,Elin,Åkesson,elin.akesson@kommun-a.example,Sjuksköterska,Fast,2018-01-08,,Kvinna,U3,Enhet U3,Område A2',
    '2006,Fatima,Hassan,fatima.hassan@kommun-a.example,Undersköterska,Timavlönad,2025-01-13,,Kvinna,U3,Enhet U3,Område A2',
    'T101,staffU1,Testsson,staffu1@test.example,Undersköterska,Tillsvidare,2024-01-01,,Kvinna,U1,Enhet U1,Område A1',
    'T108,staffU2,Testsson,staffu2@test.example,Undersköterska,Tillsvidare,2024-01-01,,Kvinna,U3,Enhet U3,Område A2',
  ].join('\n') + '\n';
writeFileSync(join(here, 'clean-utf8-comma.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean, 'utf8')]));

// Windows-1252, semicolon, CRLF, no byte order mark, Swedish column names ("Anst.nr"), and one problem of
// each kind (see imports.int-spec.ts for the exact line and column of each).
const messy =
  [
    'Anst.nr;Förnamn;Efternamn;E-post;Befattning;Anställningsform;Startdatum;Slutdatum;Kön;Enhetskod;Enhet;Område',
    '3001;Göran;Ström;goran.strom@kommun-a.example;Undersköterska;tillsvidare;2020-02-01;;M;U1;Enhet U1;Område A1',
    '3002;Märta;Älvdal;marta.alvdal@kommun-a.example;"Vårdbiträde; natt";Vikarie;2022-08-15;;K;U2;Enhet U2;Område A1',
    '3003;Örjan;Håkansson;orjan.hakansson@kommun-a.example;Stödassistent;Timavlönad;5/1/2024;;M;U3;Enhet U3;Område A2',
    '3001;Göran;Strömberg;;Undersköterska;Tillsvidare;2020-02-01;;M;U1;Enhet U1;Område A1',
    '3004;Åke;Lööf;ake.loof@kommun-a.example;Undersköterska;Fast;2021-04-01;;M;U4;Enhet U4;Område B1',
    '3005;Ylva;Ärtsson;ylva@;Sjuksköterska;Projektanställd;2023-01-09;;K;U1;Enhet U1;Område A1',
    '3006;Kjell;Öst;kjell.ost@kommun-a.example;Undersköterska;Tillsvidare;2024-03-01;2024-02-01;M;U2;Enhet U2;Område A1',
    '3007;Saga;Nyström;staffu2@test.example;Vårdbiträde;Vikarie;2024-06-01;;K;U2;Enhet U2;Område A1',
    '3008;Tove;;tove.lind@kommun-a.example;Undersköterska;Tillsvidare;2024-06-01;;K;U1;Enhet U1;Område A1',
    '3009;Lena;Berg',
    '3010;Nils;Åström;nils.astrom@kommun-a.example;"Undersköterska\r\nnatt";Tillsvidare;2024-06-01;;M;U1;Enhet U1;Område A1',
    '3011;Rut;Öhman;rut.ohman@kommun-a.example;Undersköterska;Tillsvidare;2024-06-01;;K;U3;Enhet U3;Område A2;extra',
    '3012;Pia;Sjö;pia.sjo@kommun-a.example;Undersköterska;tillsvidare;2024-06-01;;K;U3;Enhet U3;Område A2',
  ].join('\r\n') + '\r\n';
writeFileSync(join(here, 'messy-windows1252-semicolon.csv'), iconv.encode(messy, 'windows-1252'));
