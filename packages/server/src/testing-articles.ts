/**
 * Short articles of our own for the server's and the UI's tests: two outlets, two months,
 * attributions (named, anonymous, relayed), contested names, and one hostile page.
 */
export const ARTICLES = [
  {
    id: 'wire-arms',
    outlet: 'Example Wire',
    published: '2023-05-22',
    text: [
      'Kiev asks for more arms as Artyomovsk battle drags on',
      'WASHINGTON (Example Wire) - The United States will send more shells to Kiev, a senior official who refused to be named told reporters on Monday.',
      '"We will stand with them for as long as it takes," the official said, according to AFP.',
      'Belgian military expert Pierre Henrot said the city of Artyomovsk had become a symbol for both sides, and that its fall would change little on the map.',
      'Officials in Moscow admitted that the fighting was fierce, the agency reported.',
    ].join('\n'),
  },
  {
    id: 'daily-sanctions',
    outlet: 'Example Daily',
    published: '2023-06-03',
    text: [
      'Sanctions hit Russian oil exports',
      'LONDON - Oil exports fell by 12% in May after new sanctions, the International Energy Agency said on Tuesday.',
      'Analysts at the bank said the drop would deepen over the summer as buyers in Asia demanded larger discounts.',
      'Kyiv welcomed the figures, saying that every barrel not sold was a shell not fired at Bakhmut.',
    ].join('\n'),
  },
  {
    id: 'hostile-page',
    outlet: 'Example Daily',
    published: '2023-06-10',
    text: [
      'Officials deny report <script>window.__pwned = 1</script>',
      'A spokesman said the report was <img src=x onerror="window.__pwned = 2"> false, and linked to javascript:window.__pwned=3 in his statement.',
      'Right-to-left text such as \u05E9\u05DC\u05D5\u05DD and a zero\u200Bwidth space must not shift what follows: Kiev is named here.',
    ].join('\n'),
  },
];
