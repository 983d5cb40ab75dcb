/** A small roster as Pronote exports it: UTF-8 with BOM, CRLF, one upper-case name column. */
export const ROSTER_CSV =
  '\uFEFFÉlèves,Né(e) le,Classe,Adresse E-mail\r\n' +
  'DUPONT MARIE,12/03/2008,T.01,marie.dupont@example.fr\r\n' +
  'BEN JEMAA SADRI,21/09/2008,T.01,sadri.ben-jemaa@example.fr\r\n' +
  'MARTIN PAUL,01/10/2008,T.01,paul.martin@example.fr\r\n';
