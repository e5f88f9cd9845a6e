/**
 * Articles of our own for the server's and the UI's tests: two outlets, two months,
 * attributions (named, anonymous, relayed), contested names and terms, one report long enough for genre
 * and frames (the others are shorter than their minimum) and one hostile page.
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
      // The war's terms, for the outlets page: the outlet's own, and one kept at a distance.
      'Moscow still calls its full-scale invasion a "special military operation".',
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
  {
    // Long enough (over 250 words) for genre and frames, which abstain on short texts.
    id: 'daily-flood',
    outlet: 'Example Daily',
    published: '2023-06-14',
    text: [
      'Floods close grain terminal in Marisport as river bursts its banks',
      'MARISPORT - The grain terminal at Marisport was closed on Wednesday after the Vell river burst its banks overnight, flooding warehouses and leaving hundreds of families without power, the port authority said.',
      'Water rose more than two metres above its usual level within six hours, according to the regional weather service, which had warned on Monday that heavy rain in the hills could reach the coast by midweek.',
      '"We have never seen the river climb this fast," said Elena Dravic, the harbour master, who spent the night moving staff and equipment to higher ground. "Our first concern is the people who live along the quay."',
      'Rescue teams evacuated about 400 residents from the low-lying Old Dock district by boat, and the city opened two schools as shelters. No deaths were reported, but three people were treated in hospital for hypothermia, a spokesman for the emergency services said.',
      'The terminal handles roughly a fifth of the country’s grain exports. Traders said the closure could delay shipments to North Africa and push up prices if it lasted more than a week. One exporter, who asked not to be named, said several ships were already waiting at anchor outside the harbour.',
      'The transport ministry said engineers would inspect the loading cranes and the rail link to the terminal once the water had fallen. Opposition lawmakers accused the government of cutting the budget for flood defences last year and called for an inquiry.',
      'Prime Minister Tomas Reuel, who visited the shelters on Wednesday afternoon, promised emergency aid to families who had lost their homes and said repairs to the river walls would begin as soon as possible.',
      'Forecasters expect more rain in the hills on Friday.',
    ].join('\n'),
  },
];
