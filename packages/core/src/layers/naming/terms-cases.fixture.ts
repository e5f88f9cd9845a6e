// Term cases of our own, one or more per concept and per context rule: the expected mentions as
// `surface | concept | form | pole | voice [| rule]` (see `termRows` in direct.fixture.ts).

export const EN_CASES: [name: string, text: string, expected: string[]][] = [
  [
    'war: invasion forms',
    "Russia's full-scale invasion of Ukraine entered a third year. The invasion has cost Moscow dearly.",
    [
      'full-scale invasion | war | full-scale invasion | ua | outlet',
      'The invasion | war | invasion | ua | outlet',
    ],
  ],
  [
    'war: verbs, war of aggression, neutral war',
    'Since Russia invaded Ukraine, the war in Ukraine has been called a war of aggression.',
    [
      'Russia invaded Ukraine | war | invasion | ua | outlet',
      'war in Ukraine | war | war in Ukraine | neutral | outlet',
      'war of aggression | war | war of aggression | ua | outlet',
    ],
  ],
  [
    'war: a term named as a word is distanced (mention)',
    'The Kremlin still calls it a special military operation.',
    ['special military operation | war | special military operation | ru | distanced | mention'],
  ],
  [
    'war: "what Moscow calls" with scare quotes',
    "Tanks rolled in for what Moscow calls a 'special military operation'.",
    ['special military operation | war | special military operation | ru | distanced | mention'],
  ],
  [
    'war: scare quotes alone',
    'Sanctions followed Russia\'s "special military operation" within days.',
    ['special military operation | war | special military operation | ru | distanced | scare-quotes'],
  ],
  [
    'war: negation',
    'This is not a special military operation, it is a war.',
    ['special military operation | war | special military operation | ru | distanced | negation'],
  ],
  [
    'war: a mention after the term',
    'The "special military operation," as the Kremlin calls it, began in February.',
    ['special military operation | war | special military operation | ru | distanced | mention'],
  ],
  [
    "war: inside a quotation the term is the source's",
    '"The SMO will go on until all its goals are met," Peskov told reporters on Monday.',
    ['SMO | war | SMO | ru | quoted | quotation'],
  ],
  [
    "war: reported speech keeps the outlet's wording",
    'Peskov said the special operation would go on.',
    ['special operation | war | special military operation | ru | outlet'],
  ],
  [
    'war: other invasions and special operations are not this war',
    'He backed the invasion of Iraq, warned of Muslim invaders and praised Special Operations Command.',
    [],
  ],
  [
    'territories',
    'Shelling hit occupied Kherson and Russian-held Nova Kakhovka; pensions are paid in the liberated territories and the new regions.',
    [
      'occupied Kherson | territories | occupied territories | ua | outlet',
      'Russian-held | territories | Russian-controlled territories | neutral | outlet',
      'liberated territories | territories | liberated territories | ru | outlet',
      'new regions | territories | new regions | ru | outlet',
    ],
  ],
  [
    'crimea',
    'Flights from the Republic of Crimea to annexed Crimea are the same flights.',
    [
      'Republic of Crimea | crimea | Republic of Crimea | ru | outlet',
      'annexed Crimea | crimea | annexed Crimea | ua | outlet',
    ],
  ],
  [
    'status change: "calls the X" is not a mention of the term',
    'Moscow calls the annexation a reunification with Russia.',
    [
      'annexation | status-change | annexation | ua | outlet',
      'reunification with Russia | status-change | reunification | ru | outlet',
    ],
  ],
  [
    'referendum: sham and so-called forms',
    'After the sham referendums came so-called referendums in Zaporizhzhia.',
    [
      'sham referendums | referendum | sham referendum | ua | outlet',
      'so-called referendums | referendum | so-called referendum | ua | outlet',
    ],
  ],
  [
    'republics: named as a republic, and flipped by so-called and scare quotes',
    'The DPR leader met officials of the self-proclaimed Luhansk People\'s Republic and of the "LPR".',
    [
      'DPR | separatist-republics | DPR | ru | outlet',
      "Luhansk People's Republic | separatist-republics | so-called DPR/LPR | ua | outlet | so-called",
      'LPR | separatist-republics | so-called DPR/LPR | ua | outlet | scare-quotes',
    ],
  ],
  [
    'republics: occupation administration',
    'The Russian-installed head of the occupation administration fled.',
    [
      'Russian-installed | separatist-republics | occupation administration | ua | outlet',
      'occupation administration | separatist-republics | occupation administration | ua | outlet',
    ],
  ],
  [
    'government',
    'The Kiev regime and the Zelensky regime, not the Ukrainian government, were blamed.',
    [
      'Kiev regime | kyiv-government | Kiev regime | ru | outlet',
      'Zelensky regime | kyiv-government | Zelensky regime | ru | outlet',
      'Ukrainian government | kyiv-government | Ukrainian government | neutral | outlet',
    ],
  ],
  [
    'forces',
    "Neo-Nazis and nationalist battalions, said TASS of the Ukrainian Armed Forces; Ukraine's defenders held.",
    [
      'Neo-Nazis | ukrainian-forces | neo-Nazis | ru | outlet',
      'nationalist battalions | ukrainian-forces | nationalist battalions | ru | outlet',
      'Ukrainian Armed Forces | ukrainian-forces | AFU | neutral | outlet',
      "Ukraine's defenders | ukrainian-forces | defenders | ua | outlet",
    ],
  ],
  [
    'russian forces and denazification',
    'Russian troops, called Russian occupiers in Kyiv, came for demilitarization and denazification.',
    [
      'Russian troops | russian-forces | Russian forces | neutral | outlet',
      'Russian occupiers | russian-forces | occupiers | ua | outlet',
      'demilitarization and denazification | denazification | denazification | ru | outlet',
    ],
  ],
  [
    'war: portrayed as … (a mention) with scare quotes',
    'State TV portrays the invasion as a “special military operation” limited in scope.',
    [
      'the invasion | war | invasion | ua | outlet',
      'special military operation | war | special military operation | ru | distanced | mention',
    ],
  ],
  [
    'war: a quotation carried over paragraphs, and a mark never closed is no quotation',
    '"The invasion was a crime.\n\n"Nothing justifies it," she said.\n\nHe warned that "Russia\'s invasion would fail.',
    [
      'The invasion | war | invasion | ua | quoted | quotation',
      "Russia's invasion | war | invasion | ua | outlet",
    ],
  ],
  [
    'war: a hypothetical invasion, and one named by reference near the war',
    'Washington warned that Russia could invade within days. Kyiv fears an imminent invasion, and Ukraine says it will resist this aggression.',
    [
      'Russia could invade | war | invasion | ua | outlet',
      'imminent invasion | war | invasion | ua | outlet',
      'this aggression | war | war of aggression | ua | outlet',
    ],
  ],
  [
    'war: named by reference, with no referent nearby or near another war',
    'Officials feared an imminent invasion of the islands. In 1940 this aggression shocked Europe and Hitler chose to invade.',
    [],
  ],
  [
    'war: proxy war',
    "Moscow calls it NATO's proxy war, and Lavrov says the West wages a proxy war in Ukraine.",
    [
      "NATO's proxy war | war | proxy war | ru | distanced | mention",
      'proxy war | war | proxy war | ru | outlet',
    ],
  ],
  [
    'war: a conflict with Russia needs the war around it, not only its own words',
    'Kyiv needs arms for the conflict with Russia, and Moscow is waging war in Ukraine.\n\nTurkey avoided a conflict with Russia.',
    [
      'conflict with Russia | war | conflict in Ukraine | neutral | outlet',
      'Moscow is waging war in Ukraine | war | war of aggression | ua | outlet',
    ],
  ],
  [
    'territories: occupied by Russia; war: reversed compounds and invading',
    'The territories occupied by Russia were shelled in the Ukraine–Russia war, weeks after invading Ukraine.',
    [
      'territories occupied by Russia | territories | occupied territories | ua | outlet',
      'Ukraine–Russia war | war | war in Ukraine | neutral | outlet',
      'invading Ukraine | war | invasion | ua | outlet',
    ],
  ],
  [
    'forces: bare occupiers near the war; military might is not the forces; proxy conflict',
    "Ukraine's army shelled the occupiers near Kherson, a blow to Russian military might in NATO's proxy conflict.",
    [
      "Ukraine's army | ukrainian-forces | Ukrainian forces | neutral | outlet",
      'occupiers | russian-forces | occupiers | ua | outlet',
      "NATO's proxy conflict | war | proxy war | ru | outlet",
    ],
  ],
  [
    'families: modal, conditional and negated verbs with a pronoun subject',
    'Putin will be bitterly resisted if he invades. Kyiv fears they could invade again.',
    ['he invades | war | invasion | ua | outlet', 'they could invade | war | invasion | ua | outlet'],
  ],
  [
    'families: modifiers and coordination between the words of a term',
    "Russia's illegal and unprovoked invasion went on; Kyiv wants back the occupied and annexed territories.",
    [
      "Russia's illegal and unprovoked invasion | war | invasion | ua | outlet",
      'occupied and annexed territories | territories | occupied territories | ua | outlet',
    ],
  ],
  [
    'families: a quotation mark inside a term marks the quoted word',
    'Moscow staged the so-called "referendums" in Kherson.',
    ['referendums | referendum | so-called referendum | ua | outlet | so-called'],
  ],
  [
    'families: capitals of a headline, possessives with either apostrophe',
    "RUSSIA'S INVASION OF UKRAINE ENTERS ITS THIRD YEAR\nPutin’s invasion was planned for months.",
    ["RUSSIA'S INVASION | war | invasion | ua | outlet", 'Putin’s invasion | war | invasion | ua | outlet'],
  ],
  [
    'families: the annexing state as subject names the event, not Crimea',
    'Russia annexed Crimea in 2014, and annexed Crimea is still under sanctions.',
    [
      'Russia annexed | status-change | annexation | ua | outlet',
      'annexed Crimea | crimea | annexed Crimea | ua | outlet',
    ],
  ],
  [
    'families: a referent in a place name of the war, not a later world war',
    'The occupiers shelled Kharkiv at night. Critics fear a proxy war could become World War III.',
    ['occupiers | russian-forces | occupiers | ua | outlet', 'proxy war | war | proxy war | ru | outlet'],
  ],
  [
    'families: a headline that names the war is the referent of a bare invasion',
    'Britain vows to defend Ukraine if Russia dares invade\nThe allies would respond to any invasion with sanctions.',
    ['Russia dares invade | war | invasion | ua | outlet', 'any invasion | war | invasion | ua | outlet'],
  ],
  [
    'families: not where another war is named nearby, whatever the headline',
    'Ukraine aid stalls in Congress\nIsraeli troops are ready to invade as Hamas fires rockets.',
    [],
  ],
  [
    'families: described as is a mention',
    'Russian officials have described the conflict as a Western proxy war against Moscow.',
    ['Western proxy war | war | proxy war | ru | distanced | mention'],
  ],
  [
    'families: a term is not the first part of a compound',
    "Ukraine's military-intelligence service and Ukraine's military both denied it.",
    ["Ukraine's military | ukrainian-forces | Ukrainian forces | neutral | outlet"],
  ],
  [
    'families: a participle before the army names the invaders; bare Nazis near the war',
    'Kyiv wants its land back from invading Russian forces. Moscow says it fights Nazis in Ukraine.',
    [
      'invading Russian forces | russian-forces | occupiers | ua | outlet',
      'Nazis | ukrainian-forces | neo-Nazis | ru | outlet',
    ],
  ],
  // Session 3 families (issue 19): each one a kind of phrasing, not a sentence of the splits.
  [
    'families: military as an adjective before another noun is not the army',
    'A Russian military spy was named. Russian military estimates and a Russian military drill followed; Russian military units moved.',
    ['Russian military units | russian-forces | Russian forces | neutral | outlet'],
  ],
  [
    'families: an invading army with a possessive of Russia; bare near the war',
    "Putin's invading forces shelled Kharkiv. Near Kherson the invading troops dug in.",
    [
      "Putin's invading forces | russian-forces | occupiers | ua | outlet",
      'invading troops | russian-forces | occupiers | ua | outlet',
    ],
  ],
  [
    'families: the capitals stand for the states',
    'Talks stalled amid the war between Moscow and Kyiv and the conflict between Kiev and Moscow.',
    [
      'war between Moscow and Kyiv | war | war in Ukraine | neutral | outlet',
      'conflict between Kiev and Moscow | war | conflict in Ukraine | neutral | outlet',
    ],
  ],
  [
    "families: waging war on Ukraine is Russia's war, whoever the subject",
    'Sanctions target its ability to wage war in Ukraine as it continues to wage war on neighbouring Ukraine.',
    [
      'wage war in Ukraine | war | war of aggression | ua | outlet',
      'wage war on neighbouring Ukraine | war | war of aggression | ua | outlet',
    ],
  ],
  [
    'families: aggression with its agent after the noun',
    'The EU backs Ukraine against aggression by Russia.',
    ['aggression by Russia | war | war of aggression | ua | outlet'],
  ],
  [
    'families: the West at war with Russia is the proxy framing',
    'America is at war with Russia, the blogger wrote. NATO’s war against Russia goes on.',
    [
      'America is at war with Russia | war | proxy war | ru | outlet',
      'NATO’s war against Russia | war | proxy war | ru | outlet',
    ],
  ],
  [
    "families: Ukraine's war, not its war effort",
    "Backers are tired of Ukraine's war. Ukraine's war effort needs shells.",
    ["Ukraine's war | war | war in Ukraine | neutral | outlet"],
  ],
  [
    'families: an accusation or an alleged act names the word as another’s',
    'Kyiv accused Moscow of an invasion of Ukraine. Peskov denied the alleged invasion of Ukraine.',
    [
      'invasion of Ukraine | war | invasion | ua | distanced | mention',
      'invasion of Ukraine | war | invasion | ua | distanced | so-called',
    ],
  ],
  [
    'families: the agent after the noun; the Kremlin and the capital for the state',
    "Fear of invasion by Russia grew. The Kremlin's war drags on, and Moscow's war machine with it.",
    ['invasion | war | invasion | ua | outlet', "Kremlin's war | war | war of aggression | ua | outlet"],
  ],
  [
    'families: an invasion by someone other than Russia is another event; the agent stays outside',
    'Kyiv fears an invasion by Russian military forces, not an invasion by pro-Ukraine saboteurs.',
    [
      'invasion | war | invasion | ua | outlet',
      'Russian military forces | russian-forces | Russian forces | neutral | outlet',
    ],
  ],
  [
    'families: occupation of a named place; a geographic adjective between the words',
    'Since the occupation of Crimea and the occupation of Kherson, people in occupied southern Ukraine have fled.',
    [
      'occupation of Crimea | crimea | occupied Crimea | ua | outlet',
      'occupation of Kherson | territories | occupied territories | ua | outlet',
      'occupied southern Ukraine | territories | occupied territories | ua | outlet',
    ],
  ],
  [
    "families: a unit's name between neo-Nazi and the unit",
    'The Kremlin blamed the neo-Nazi Azov regiment for the shelling of Donetsk.',
    ['neo-Nazi Azov regiment | ukrainian-forces | neo-Nazis | ru | outlet'],
  ],
  [
    'families: military is the army after a determiner or before a verb, else an adjective',
    'A Russian military officer was shot at Russian military camps. The Russian military denied it; Ukrainian military said it was a symbol of Russian military might.',
    [
      'Russian military | russian-forces | Russian forces | neutral | outlet',
      'Ukrainian military | ukrainian-forces | Ukrainian forces | neutral | outlet',
    ],
  ],
  [
    'families: Russian occupation alone names the land as occupied',
    'Ukrainians who resist Russian occupation are deported; the Russian occupation of Crimea began in 2014.',
    [
      'Russian occupation | territories | occupied territories | ua | outlet',
      'occupation of Crimea | crimea | occupied Crimea | ua | outlet',
    ],
  ],
  [
    'families: misrepresenting a thing as a word is a mention',
    'Officials misrepresented the vote in Crimea as an invasion.',
    ['an invasion | war | invasion | ua | distanced | mention'],
  ],
  [
    'elsewhere: another war in the clause — Chechnya, Syria, a year before 2022',
    'He had fought Russian troops in Chechnya. Russian forces in Syria bombed Aleppo. Russia invaded Ukraine to annex Crimea in 2014. Russian forces withdrew from Kyiv in March 2022.',
    [
      // The annexation of 2014 is still a status change (eval/data/README.md, final5 readings).
      'annex Crimea | status-change | annexation | ua | outlet',
      'Russian forces | russian-forces | Russian forces | neutral | outlet',
    ],
  ],
  [
    'elsewhere: another war in another clause of the sentence is a comparison, not the referent',
    'Its troops gained experience in Chechnya and Syria, and the Russian forces now shell Kharkiv. Unlike the Iraq war, Russia’s invasion was condemned.',
    [
      'Russian forces | russian-forces | Russian forces | neutral | outlet',
      'Russia’s invasion | war | invasion | ua | outlet',
    ],
  ],
  [
    'elsewhere: the war that began in 2014 is still this one (eval/data/README.md, final4)',
    "Russia's war against Ukraine began in 2014, Zelensky said. The Minsk agreements did not end the conflict in eastern Ukraine.",
    ["Russia's war against Ukraine | war | war of aggression | ua | outlet"],
  ],
  [
    'elsewhere: another kind of war or invasion right before the match',
    'NATO will never fight a nuclear war with Russia over Ukraine. Income tax invasion worries Kyiv less than a tourist invasion. The allies fear an invasion, Kyiv says.',
    ['an invasion | war | invasion | ua | outlet'],
  ],
  [
    'elsewhere: another country right after the match; `war` is a noun, not the stem of `warns`',
    'Russia could invade Poland next, Ukraine warns, as the occupied territories of the West Bank and Russian-occupied Transnistria show. Russia and Ukraine warned. Russia could invade Ukraine again.',
    ['Russia could invade | war | invasion | ua | outlet'],
  ],
  [
    'elsewhere: actors and votes of other times and places',
    'Ukrainian nationalists of the 1940s fought Hitler. The referendum in Scotland was legal; the referendum on joining Russia was not. Ukrainian nationalists march in Kyiv.',
    [
      'referendum on joining | referendum | referendum | neutral | outlet',
      'Ukrainian nationalists | ukrainian-forces | nationalist battalions | ru | outlet',
    ],
  ],
  [
    'families: a noun after the army word makes it an adjective',
    'A Russian army veteran and a Russian army officer spoke; Russian army units advanced.',
    ['Russian army | russian-forces | Russian forces | neutral | outlet'],
  ],
  [
    'elsewhere: a war on something else than a country at war (metaphors), a pitch invasion',
    "Ukraine's war on corruption stalled. Putin's war on the free press goes on. Fans staged a pitch invasion in Kyiv. Putin's war on Ukraine goes on.",
    ["Putin's war | war | war of aggression | ua | outlet"],
  ],
  [
    'session 8: annexed Crimea after a subject is the act (status change), after a preposition the place',
    'Weeks later, President Vladimir Putin, annexed Crimea from Ukraine. Sanctions hit the annexed Crimea and firms in Russian-annexed Crimea.',
    [
      'annexed | status-change | annexation | ua | outlet',
      'annexed Crimea | crimea | annexed Crimea | ua | outlet',
      'Russian-annexed Crimea | crimea | annexed Crimea | ua | outlet',
    ],
  ],
  [
    'session 8: new regions and reunification name the war only beside its referents',
    'The chain opened stores in new regions.\n\nGerman reunification came in 1990; the families reunited with their children.\n\nMoscow pays pensions in the new regions and celebrates the reunification.',
    [
      'new regions | territories | new regions | ru | outlet',
      'reunification | status-change | reunification | ru | outlet',
    ],
  ],
  [
    'session 8: other annexations and reunifications — the West Bank, Germany, years before 2014',
    'Israeli annexation of the West Bank was shelved. The annexation of Texas in 1845 and the reunification of Germany are history. Russia’s annexation of Crimea is not recognised.',
    ['annexation | status-change | annexation | ua | outlet'],
  ],
  [
    'session 8: a political or economic crisis is not the war; the crisis in Ukraine is',
    'Pinchuk discussed the political crisis in Ukraine with donors. Russian troops shell Kharkiv as the crisis in Ukraine deepens.',
    [
      'Russian troops | russian-forces | Russian forces | neutral | outlet',
      'crisis in Ukraine | war | conflict in Ukraine | neutral | outlet',
    ],
  ],
  [
    'session 8: armies and wars of centuries before are other events',
    'In 1661 he joined the Russian army under Tsar Aleksei. Under the tsarist regime Russian troops fought Napoleon. Russian troops shell Kharkiv.',
    ['Russian troops | russian-forces | Russian forces | neutral | outlet'],
  ],
  [
    'session 8: an agency in the clause makes a special operation its own, not the war; the SMO beside it stays',
    'Police in Kharkiv ran a special operation to free the hostages. Kyiv says the CIA knew of the special military operation in advance, as the SMO began.',
    [
      'special military operation | war | special military operation | ru | outlet',
      'SMO | war | SMO | ru | outlet',
    ],
  ],
  [
    'session 8 (final9): the military operation in Ukraine, government forces; prisoners of war are not the war',
    'Since Russia’s military operation in Ukraine began, Ukraine government forces hold Kharkiv. Prisoners of war between Russia and Ukraine were swapped.',
    [
      'Russia’s military operation | war | special military operation | ru | outlet',
      'Ukraine government forces | ukrainian-forces | Ukrainian forces | neutral | outlet',
    ],
  ],
  [
    'session 8 (recall round): a war happening in Ukraine, `Russia War` in a headline; not war crimes nor another compound',
    'US Helps Ukraine Print Textbooks as Russia War Disrupts Printing Houses. We see this war happening in Ukraine. The Russia Ukraine war goes on. Russia war crimes were documented. The war going on in Ukraine is long.',
    [
      'Russia War | war | war of aggression | ua | outlet',
      'war happening in Ukraine | war | war in Ukraine | neutral | outlet',
      'Russia Ukraine war | war | war in Ukraine | neutral | outlet',
      'war going on in Ukraine | war | war in Ukraine | neutral | outlet',
    ],
  ],
  [
    "session 8 (recall round): Putin's `his troops`; Russia at war with the United States; not another leader's troops",
    'It is unclear whether Putin will withdraw his troops from Ukraine. Putin sent his troops into Ukraine. Russia says that it is at war against the United States. Macron will withdraw his troops from Mali. Zelensky praised his troops.',
    [
      'his troops | russian-forces | Russian forces | neutral | outlet',
      'his troops | russian-forces | Russian forces | neutral | outlet',
      'at war against the United States | war | proxy war | ru | outlet',
    ],
  ],
  [
    "voice (recall round): a word quoted as what a speaker condemned something as is the speaker's",
    'Joe Biden and Boris Johnson condemned the move as an "invasion" and slapped sanctions on Russian banks. Sanctions followed the "invasion" within days.',
    [
      'invasion | war | invasion | ua | quoted | scare-quotes',
      'invasion | war | invasion | ua | distanced | scare-quotes',
    ],
  ],
  [
    'voice: a judging verb is a whole word (`Thailand as the "invasion"` is no `hail … as`)',
    'Thailand votes as the "invasion" of Ukraine enters its third year.',
    ['invasion | war | invasion | ua | distanced | scare-quotes'],
  ],
  [
    'voice (recall round): a term dismissed right after it is named as a word',
    'Five Azov leaders? Even the de-nazification is BS. Denazification is a myth, they say. The denazification of Ukraine goes on, Moscow says.',
    [
      'de-nazification | denazification | denazification | ru | distanced | mention',
      'Denazification | denazification | denazification | ru | distanced | mention',
      'denazification | denazification | denazification | ru | outlet',
    ],
  ],
  [
    'session 8: Nazi groups named as Ukrainian are the Ukrainian side',
    'He is a member of the Ukrainian Nazi groups of Kyiv, Moscow claims.',
    ['Ukrainian Nazi groups | ukrainian-forces | neo-Nazis | ru | outlet'],
  ],
  [
    'elsewhere: a vote on the independence of another country',
    'The referendum on the independence of New Caledonia failed. The referendum in Kherson was staged.',
    ['referendum in Kherson | referendum | referendum | neutral | outlet'],
  ],
  [
    "voice: fragments of a statement quoted in one sentence are the statement's words",
    'The communiqué stresses that Moscow\'s "military aggression" against Ukraine "will carry a heavy price for the Kremlin."',
    ['military aggression | war | war of aggression | ua | quoted | scare-quotes'],
  ],
  [
    'voice: a closing mark whose opening was lost, right before the attribution, closes the sentence before it',
    'Borders must not change by force. The invasion of Ukraine will cost Moscow dearly," the ministers warned.\n\nThe invasion of Ukraine goes on." Nothing else was said.',
    [
      'invasion of Ukraine | war | invasion | ua | quoted | quotation',
      'invasion of Ukraine | war | invasion | ua | outlet',
    ],
  ],
  [
    'voice: an opening mark never closed runs to the attribution after it',
    'The envoy was blunt: "the invasion must stop now, he said at the summit.',
    ['the invasion | war | invasion | ua | quoted | quotation'],
  ],
  [
    'voice: straight marks nested in straight marks',
    'She said the meeting showed "the united voice of the "Group of Seven", which made clear that an invasion of Ukraine would be costly".',
    ['invasion of Ukraine | war | invasion | ua | quoted | quotation'],
  ],
  [
    "russian-forces: Putin's soldiers and the service branches (session 9)",
    "Putin's soldiers shelled Kharkiv while Russian aerial forces bombed Odesa and Putin’s troops dug in.",
    [
      "Putin's soldiers | russian-forces | Russian forces | neutral | outlet",
      'Russian aerial forces | russian-forces | Russian forces | neutral | outlet',
      'Putin’s troops | russian-forces | Russian forces | neutral | outlet',
    ],
  ],
  [
    "russian-forces: not Putin's military budget nor an air force base (session 9)",
    "Putin's military budget grew and a Russian air force base opened near Kaliningrad.",
    [],
  ],
  [
    'war: a war that rages or drags on in Ukraine (session 9)',
    'As war rages in Ukraine, the war drags on in Ukraine for a third winter.',
    [
      'war rages in Ukraine | war | war in Ukraine | neutral | outlet',
      'war drags on in Ukraine | war | war in Ukraine | neutral | outlet',
    ],
  ],
  [
    'families: a plain term elsewhere in the article is the referent of a bare form whose paragraph names no side (session 9)',
    'Finish it\n\nThe special military operation goes on.\n\nTalks with the Nazis would only help them.',
    [
      'special military operation | war | special military operation | ru | outlet',
      'Nazis | ukrainian-forces | neo-Nazis | ru | outlet',
    ],
  ],
  [
    'families: without a plain term in the article a bare form needs its paragraph or the headline (session 9)',
    'Finish it\n\nTalks with the Nazis would only help them.',
    [],
  ],
  [
    'ukrainian-forces and kyiv-government: the air force, the Zelensky government, Ukrainian terrorists (session 9, after final11)',
    'The Ukrainian air force shot down drones, the Zelensky government said, and Moscow blamed Ukrainian terrorists.',
    [
      'Ukrainian air force | ukrainian-forces | Ukrainian forces | neutral | outlet',
      'Zelensky government | kyiv-government | Ukrainian government | neutral | outlet',
      'Ukrainian terrorists | ukrainian-forces | Ukrainian militants | ru | outlet',
    ],
  ],
  [
    'not terms: a terrorist attack (adjective), an air force base (session 9, after final11)',
    'Moscow called it a Ukrainian terrorist attack near a Ukrainian air force base.',
    [],
  ],
  [
    'war: the operation in Ukraine, a war against Russia in Ukraine, the Ukraine warzone (session 9, after final11)',
    'Critics of the operation in Ukraine say there is a war against Russia in Ukraine; children left the Ukraine warzone.',
    [
      'operation in Ukraine | war | special military operation | ru | outlet',
      'war against Russia in Ukraine | war | proxy war | ru | outlet',
      'Ukraine warzone | war | war in Ukraine | neutral | outlet',
    ],
  ],
  [
    'war: the aggressor state, and the aggressor near the war (session 10)',
    'Kyiv says Russia is an aggressor state. Europe must repel the aggressor in Ukraine. "Russia is the aggressor country," she said.',
    [
      'aggressor state | war | aggressor state | ua | outlet',
      'aggressor | war | aggressor state | ua | outlet',
      'aggressor country | war | aggressor state | ua | quoted | quotation',
    ],
  ],
  [
    'not the aggressor state: another war, a football derby (session 10)',
    'In Gaza each side calls the other the aggressor.\n\nThe aggressor in the derby was the home team.',
    [],
  ],
  [
    'russian-forces: troops sent into Ukraine, not troops sent to Ukraine (session 10)',
    'Russia sent its troops into Ukraine in February. Since sending troops into Ukraine, Moscow has lost allies. France may send troops to Ukraine.',
    [
      'its troops | russian-forces | Russian forces | neutral | outlet',
      'troops | russian-forces | Russian forces | neutral | outlet',
    ],
  ],
  [
    'crimea: the occupation by Russia of Crimea (session 10)',
    'Envoys condemned the illegal occupation by Russia of Crimea.',
    ['occupation by Russia of Crimea | crimea | occupied Crimea | ua | outlet'],
  ],
  // Session 11: forms of Kremlin-aligned and Ukrainian/Western coverage added from domain knowledge.
  [
    'war: the operation in Donbass, a liberation operation near the war (session 11)',
    'Moscow launched the military operation in Donbass in February. The liberation operation goes on, Russian state TV said.',
    [
      'military operation in Donbass | war | special military operation | ru | outlet',
      'liberation operation | war | special military operation | ru | outlet',
    ],
  ],
  [
    'war: large-scale invasion, a large-scale war near the war, the Russo-Ukrainian war (session 11)',
    'Kyiv marks two years of the large-scale invasion. Europe fears a large-scale war, Zelensky said.\n\nThe Russo-Ukrainian war is in its third year.',
    [
      'large-scale invasion | war | full-scale invasion | ua | outlet',
      'large-scale war | war | full-scale invasion | ua | outlet',
      'Russo-Ukrainian war | war | war in Ukraine | neutral | outlet',
    ],
  ],
  [
    'not the war: a liberation of 1944, a large-scale war elsewhere (session 11)',
    'The liberation operation of Paris in 1944 ended the occupation.\n\nAnalysts feared a large-scale war in the Pacific between China and Japan.',
    [],
  ],
  [
    'denazification: demilitarisation of Ukraine (session 11)',
    'Putin vowed to demilitarize Ukraine. The demilitarization of Ukraine is the stated goal.',
    [
      'demilitarize Ukraine | denazification | demilitarization | ru | outlet',
      'demilitarization of Ukraine | denazification | demilitarization | ru | outlet',
    ],
  ],
  [
    'territories: TOT and Novorossiya near the war (session 11)',
    "Ukraine's ministry helps residents of the TOT. Pro-Kremlin bloggers dream of Novorossiya from Kharkiv to Odesa.",
    [
      'TOT | territories | occupied territories | ua | outlet',
      'Novorossiya | territories | Novorossiya | ru | outlet',
    ],
  ],
  [
    "not territories: Catherine's Novorossiya, a festival's TOT (session 11)",
    'Catherine the Great founded cities across Novorossiya in 1775.\n\nThe TOT festival opened in Berlin.',
    [],
  ],
  [
    'status change: admission into the Russian Federation (session 11)',
    'The Duma approved their admission into the Russian Federation. Kherson region joined the Russian Federation, Moscow said.',
    [
      'admission into the Russian Federation | status-change | accession | ru | outlet',
      'joined the Russian Federation | status-change | accession | ru | outlet',
    ],
  ],
  [
    'referendum: bogus and illegitimate referendums (session 11)',
    'Kyiv dismissed the bogus referendums in Kherson and the illegitimate referendum in Zaporizhzhia.',
    [
      'bogus referendums | referendum | sham referendum | ua | outlet',
      'illegitimate referendum | referendum | sham referendum | ua | outlet',
    ],
  ],
  [
    'kyiv government: the puppet regime; Banderovtsy (session 11)',
    "RT blamed the Kiev puppet regime for the strike and said Banderovtsy shelled Donetsk. Zelensky's puppet government denied it.",
    [
      'Kiev puppet regime | kyiv-government | Kiev regime | ru | outlet',
      'Banderovtsy | ukrainian-forces | nationalist battalions | ru | outlet',
      "Zelensky's puppet government | kyiv-government | Kiev regime | ru | outlet",
    ],
  ],
  [
    'ukrainian forces: mercenaries (session 11)',
    'The MoD said 180 foreign mercenaries were killed near Lviv. Kiev mercenaries retreated. Mercenaries fighting for Ukraine were captured.',
    [
      'foreign mercenaries | ukrainian-forces | mercenaries | ru | outlet',
      'Kiev mercenaries | ukrainian-forces | mercenaries | ru | outlet',
      'Mercenaries fighting for Ukraine | ukrainian-forces | mercenaries | ru | outlet',
    ],
  ],
  [
    "not Ukraine's mercenaries: Libya, Wagner (session 11)",
    'Foreign mercenaries fought in Libya, the UN said.\n\nWagner mercenaries guarded mines in Mali.',
    [],
  ],
  [
    'russian forces: orcs near the war (session 11)',
    'Ukrainian soldiers say the orcs shelled Kharkiv again. Russian orcs retreated.',
    [
      'Ukrainian soldiers | ukrainian-forces | Ukrainian forces | neutral | outlet',
      'orcs | russian-forces | occupiers | ua | outlet',
      'Russian orcs | russian-forces | occupiers | ua | outlet',
    ],
  ],
  ['not the occupiers: Tolkien (session 11)', "In Tolkien's books the orcs serve Sauron.", []],
  [
    'separatists: Russian-backed, pro-Russian, bare near the war, so-called republics (session 11)',
    'Russian-backed separatists shelled Mariupol. Pro-Russian rebels seized the airport. The separatists answered to Moscow, and Kyiv does not recognise the so-called republics.',
    [
      'Russian-backed separatists | separatist-republics | Russian-backed separatists | ua | outlet',
      'Pro-Russian rebels | separatist-republics | Russian-backed separatists | ua | outlet',
      'separatists | separatist-republics | Russian-backed separatists | ua | outlet',
      'so-called republics | separatist-republics | so-called DPR/LPR | ua | outlet',
    ],
  ],
  [
    'not these separatists: Transnistria, Catalonia, 1990s (session 11)',
    "Moscow-backed separatists in Transnistria held a vote.\n\nCatalan separatists rallied in Barcelona.\n\nIn 1992 Russia's army backed separatists in Abkhazia.",
    [],
  ],
  [
    "separatist republics: the people's militia (session 11)",
    "The DPR people's militia said it repelled an attack.",
    ["DPR people's militia | separatist-republics | people's militia | ru | outlet"],
  ],
  [
    'the West: collective West, Anglo-Saxons near the war (session 11)',
    'Lavrov accused the collective West of prolonging the fighting. The Anglo-Saxons want to bleed Russia in Ukraine, Zakharova said.',
    [
      'collective West | west | collective West | ru | outlet',
      'Anglo-Saxons | west | collective West | ru | outlet',
    ],
  ],
  [
    'not the West: the early Anglo-Saxons (session 11)',
    'The Anglo-Saxons settled in England in the fifth century.',
    [],
  ],
  [
    'war: epithets between the words; the so-called LDPR (session 11)',
    "Kyiv condemned Russia's genocidal war on Ukraine and the so-called LDPR. The LDPR party met in Moscow.",
    [
      "Russia's genocidal war on Ukraine | war | war of aggression | ua | outlet",
      'so-called LDPR | separatist-republics | so-called DPR/LPR | ua | outlet',
    ],
  ],
  [
    'war: `the aggression` near the war, not in 1940; an accusation of starting a war (session 11, second pass)',
    'Zelensky said the world must end the aggression on the terms of Ukraine. The West accuses Russia of waging a war of aggression.\n\nIn 1940 the aggression spread across Europe.',
    [
      'the aggression | war | war of aggression | ua | outlet',
      'war of aggression | war | war of aggression | ua | distanced | mention',
    ],
  ],
  [
    'separatist republics, territories: Kremlin-installed, occupied + a town (session 11, second pass)',
    'The Kremlin-installed governor of occupied Kharkiv region fled. Shelling hit occupied Horlivka and occupied Bakhmut.',
    [
      'Kremlin-installed | separatist-republics | occupation administration | ua | outlet',
      'occupied Kharkiv | territories | occupied territories | ua | outlet',
      'occupied Horlivka | territories | occupied territories | ua | outlet',
      'occupied Bakhmut | territories | occupied territories | ua | outlet',
    ],
  ],
  [
    'war: `his war in Ukraine` is the war as Putin’s; `its war with Russia` stays plain (session 11, second pass)',
    'Putin wants China to fund his war in Ukraine. Kyiv needs weapons for its war with Russia.',
    [
      'his war in Ukraine | war | war of aggression | ua | outlet',
      'war with Russia | war | war in Ukraine | neutral | outlet',
    ],
  ],
  [
    'not this war: Russian troops in Poti, 2008 (session 11, second pass)',
    'Russian troops entered Poti and Tskhinvali, the reports said.',
    [],
  ],
  [
    'war: unleashed, started by Russia; not Georgia in 2008 (session 13)',
    'The war unleashed by Russia has displaced millions. Russia unleashed a war that reached Kharkiv, and the war Putin started against Ukraine goes on.\n\nIn 2008 Russia unleashed a war on Georgia.',
    [
      'war unleashed by Russia | war | war of aggression | ua | outlet',
      'Russia unleashed a war | war | war of aggression | ua | outlet',
      'war Putin started against Ukraine | war | war of aggression | ua | outlet',
    ],
  ],
  [
    "war: the West waging war on Russia, a hybrid war against Russia; not Russia's hybrid war (session 13)",
    "Lavrov said the West is waging a war against Russia and that NATO wages a hybrid war against Russia through Ukraine.\n\nRyabkov said the hybrid war being waged against our country will fail, as arms flow to Ukraine.\n\nKyiv said Russia's hybrid war against our country targets Ukraine's grid.",
    [
      'West is waging a war against Russia | war | proxy war | ru | outlet',
      'hybrid war against Russia | war | proxy war | ru | outlet',
      'hybrid war being waged against our country | war | proxy war | ru | outlet',
    ],
  ],
  [
    'not this war: a hybrid war against our country with no referent of the war (session 13)',
    'Estonia said the hybrid war against our country began with cyberattacks.',
    [],
  ],
  [
    "russian forces: service branches and kinds of soldier, Russia's air force; not a budget (session 13)",
    "Russian paratroopers landed at Hostomel, Russian marines attacked near Vuhledar and Russia's special forces raided Kupiansk. The Russian special forces budget grew. Russia's air force bombed Mariupol, but Russia's air force budget shrank.",
    [
      'Russian paratroopers | russian-forces | Russian forces | neutral | outlet',
      'Russian marines | russian-forces | Russian forces | neutral | outlet',
      "Russia's special forces | russian-forces | Russian forces | neutral | outlet",
      "Russia's air force | russian-forces | Russian forces | neutral | outlet",
    ],
  ],
  [
    "territories: liberated the village of X near the war; not Ukraine's recapture, not 1944 (session 13)",
    "Russia's defence ministry said its forces had liberated the village of Pervomaiske near Donetsk.\n\nUkrainian forces liberated the village of Klishchiivka near Bakhmut.\n\nUkraine has liberated the village of Robotyne, Kyiv said.\n\nAllied troops liberated the village of Sainte-Mère-Église in 1944.",
    [
      'liberated the village | territories | liberated territories | ru | outlet',
      'Ukrainian forces | ukrainian-forces | Ukrainian forces | neutral | outlet',
    ],
  ],
  [
    "separatist republics: Moscow's proxies near the war; not Transnistria's (session 13)",
    "Moscow's proxies in Donetsk announced a vote.\n\nRussian proxies in Transnistria are on alert near Ukraine.",
    ["Moscow's proxies | separatist-republics | Russian-backed separatists | ua | outlet"],
  ],
  [
    'voice: a short quotation that is a whole statement, attributed after or before it; not a name in marks inside a phrase (session 13)',
    '"This is an invasion," Zelensky said in Kyiv.\n\nIgor Kimakovsky, an adviser to the head of the "Donetsk People\'s Republic," told TASS the front held.\n\nBlinken said: "It is an invasion."',
    [
      'an invasion | war | invasion | ua | quoted | quotation',
      "Donetsk People's Republic | separatist-republics | so-called DPR/LPR | ua | outlet | scare-quotes",
      'an invasion | war | invasion | ua | quoted | quotation',
    ],
  ],
  [
    'session 14 forms: terrorist state, Crimean Spring, historical Russian lands, de-occupation; not Iran',
    "Zelensky said Russia is a terrorist state. Moscow celebrated the Crimean Spring, and Putin called Ukraine's south historical Russian lands. Kyiv plans the de-occupation of Crimea.\n\nIsrael calls Iran a terrorist state.",
    [
      'Russia is a terrorist state | war | terrorist state | ua | outlet',
      'Crimean Spring | status-change | Crimean Spring | ru | outlet',
      'historical Russian lands | territories | historical Russian lands | ru | outlet',
      'de-occupation | territories | de-occupation | ua | outlet',
    ],
  ],
  [
    'session 14 forms: punishers, golden billion, Western handlers, referendum at gunpoint; not 1940s battalions',
    "Ukrainian punishers shelled Donetsk, RT said, as the golden billion armed Kyiv's Western handlers. The referendums at gunpoint in Kherson followed.\n\nIn 1943 punitive battalions burned the village.",
    [
      'Ukrainian punishers | ukrainian-forces | punishers | ru | outlet',
      'golden billion | west | golden billion | ru | outlet',
      "Kyiv's Western handlers | west | Western handlers | ru | outlet",
      'referendums at gunpoint | referendum | sham referendum | ua | outlet',
    ],
  ],
  [
    'session 14 voice: American punctuation inside scare quotes, part of a term in quotes, `calls the war a`, self-described',
    'Ukraine: Russia calls the war a "special military operation." Moscow\'s self-described special military operation went on, and the "special" military operation failed.',
    [
      'special military operation | war | special military operation | ru | distanced | mention',
      'special military operation | war | special military operation | ru | distanced | so-called',
      'special" military operation | war | special military operation | ru | distanced | scare-quotes',
    ],
  ],
  [
    'session 16: the bare acronyms DPR/LPR near the war',
    'The DPR shelled Donetsk again, Kyiv said, and the LPR denied it.',
    ['DPR | separatist-republics | DPR | ru | outlet', 'LPR | separatist-republics | DPR | ru | outlet'],
  ],
  [
    'session 16: DPR/LPR elsewhere are other acronyms',
    'The labor-force participation rate (LPR) rose for immigrants. A reconciling difference exists between the reported DPR and the final accounting.',
    [],
  ],
  [
    'session 16: another state annexing, a year before 2014 after `after`',
    'A sliver of Syrian territory that Israel annexed after the 1967 war is disputed. Turkey annexed the province of Hatay.',
    [],
  ],
  [
    "session 16: another war's place after a restatement of the match",
    'He was wrong in his reaction to the Russian invasion -- aggression in Georgia, and on the Russian troops and tanks in Georgia.',
    [],
  ],
  [
    'session 16: the restatement before this war still counts',
    'The Russian invasion and occupation of Ukraine went on.',
    [
      'Russian invasion | war | invasion | ua | outlet',
      'occupation of Ukraine | territories | occupied territories | ua | outlet',
    ],
  ],
  [
    'session 16 review: a count of days or an earlier protest is not another annexation',
    'In the 1000 days since Russia annexed Crimea, little changed. Russia annexed Crimea in March 2014 after the 2013 Euromaidan protests.',
    [
      'Russia annexed | status-change | annexation | ua | outlet',
      'Russia annexed | status-change | annexation | ua | outlet',
    ],
  ],
  [
    'session 16 review: another word before Europe is not a restatement of the war',
    "Russia's war and inflation in Europe worry voters. Russia's aggression and expansion in Europe must be stopped.",
    [
      "Russia's war | war | war of aggression | ua | outlet",
      "Russia's aggression | war | war of aggression | ua | outlet",
    ],
  ],
  [
    'session 16 review: the war in Europe is this war; a war on Europe is another',
    "Russia's war in Europe worries voters. Russian troops in Europe dig in. Russia's war on Europe would be a new war.",
    [
      "Russia's war | war | war of aggression | ua | outlet",
      'Russian troops | russian-forces | Russian forces | neutral | outlet',
    ],
  ],
  [
    'session 16 review: DPR of Korea and LPR status are not the republics, even near the war',
    "Ukrainians who fled Russia's invasion of Ukraine have parole, not LPR status, and few are LPRs or LPR holders. Since Russia's full-scale invasion of Ukraine, the DPR of Korea has shipped shells.",
    [
      "Russia's invasion | war | invasion | ua | outlet",
      'full-scale invasion | war | full-scale invasion | ua | outlet',
    ],
  ],
];

export const RU_CASES: [name: string, text: string, expected: string[]][] = [
  [
    'война: все падежи и сокращения',
    'Россия проводит специальную военную операцию. Цели СВО и спецоперации не изменились.',
    [
      'специальную военную операцию | war | специальная военная операция | ru | outlet',
      'СВО | war | СВО | ru | outlet',
      'спецоперации | war | спецоперация | ru | outlet',
    ],
  ],
  [
    'война: вторжение, агрессия, конфликт',
    'После вторжения России и полномасштабного вторжения российская агрессия превратила конфликт на Украине в долгую войну.',
    [
      'вторжения России | war | вторжение | ua | outlet',
      'полномасштабного вторжения | war | полномасштабное вторжение | ua | outlet',
      'российская агрессия | war | агрессия | ua | outlet',
      'конфликт на Украине | war | конфликт на Украине | neutral | outlet',
    ],
  ],
  [
    'война: так называемая + кавычки',
    'Так называемая «спецоперация» длится третий год.',
    ['спецоперация | war | спецоперация | ru | distanced | so-called'],
  ],
  [
    'война: отрицание',
    'Это не спецоперация, а война.',
    ['спецоперация | war | спецоперация | ru | distanced | negation'],
  ],
  [
    'война: упоминание после термина',
    'Спецоперация, как её называют в Кремле, идёт третий год.',
    ['Спецоперация | war | спецоперация | ru | distanced | mention'],
  ],
  [
    'война: кавычки без «так называемой»',
    'Западные газеты пишут о «СВО» с иронией.',
    ['СВО | war | СВО | ru | distanced | scare-quotes'],
  ],
  [
    'республики: кавычки и приставка псевдо- переворачивают форму',
    'Глава «ДНР» и власти псевдо-ЛНР провели встречу.',
    [
      'ДНР | separatist-republics | так называемые ДНР/ЛНР | ua | outlet | scare-quotes',
      'ЛНР | separatist-republics | так называемые ДНР/ЛНР | ua | outlet | so-called',
    ],
  ],
  [
    'война: упоминание («то, что называют»)',
    'Началось то, что в Кремле называют специальной военной операцией.',
    ['специальной военной операцией | war | специальная военная операция | ru | distanced | mention'],
  ],
  [
    'война: прямая речь и косвенная',
    '«СВО будет продолжена до достижения всех целей», — сказал Песков.\n\nПесков заявил, что спецоперация продолжится.',
    ['СВО | war | СВО | ru | quoted | quotation', 'спецоперация | war | спецоперация | ru | outlet'],
  ],
  [
    'война: ответ в интервью (абзац с тире)',
    '— Киевский режим проиграет эту войну, — уверен эксперт.',
    ['Киевский режим | kyiv-government | киевский режим | ru | quoted | quotation'],
  ],
  [
    'территории',
    'На освобождённых территориях и в новых регионах платят пенсии, в оккупированном Мелитополе — нет.',
    [
      'освобождённых территориях | territories | освобождённые территории | ru | outlet',
      'новых регионах | territories | новые регионы | ru | outlet',
      'оккупированном Мелитополе | territories | оккупированные территории | ua | outlet',
    ],
  ],
  [
    'территории: родительный падеж с беглой гласной (земля → земель)',
    'Жителей освобождаемых земель и оккупированных земель эвакуируют.',
    [
      'освобождаемых земель | territories | освобождённые территории | ru | outlet',
      'оккупированных земель | territories | оккупированные территории | ua | outlet',
    ],
  ],
  [
    'Крым и статус',
    'Воссоединение Республики Крым с Россией на Западе называют аннексией, а оккупированный Крым — нашим.',
    [
      'Воссоединение | status-change | воссоединение | ru | outlet',
      'Республики Крым | crimea | Республика Крым | ru | outlet',
      'аннексией | status-change | аннексия | ua | outlet',
      'оккупированный Крым | crimea | оккупированный Крым | ua | outlet',
    ],
  ],
  [
    'референдум',
    'Референдум о присоединении к России назвали псевдореферендумом, так называемые референдумы прошли в сентябре.',
    [
      'Референдум о присоединении | referendum | референдум | neutral | outlet',
      'псевдореферендумом | referendum | псевдореферендум | ua | outlet',
      'так называемые референдумы | referendum | так называемый референдум | ua | outlet',
    ],
  ],
  [
    'власть',
    'Киевский режим, он же режим Зеленского, а по-другому украинские власти.',
    [
      'Киевский режим | kyiv-government | киевский режим | ru | outlet',
      'режим Зеленского | kyiv-government | режим Зеленского | ru | outlet',
      'украинские власти | kyiv-government | украинские власти | neutral | outlet',
    ],
  ],
  [
    'армия',
    'Боевики ВСУ, по данным ЗСУ, отошли; неонацисты из нацбатов бежали, защитники Мариуполя держались.',
    [
      'Боевики ВСУ | ukrainian-forces | боевики | ru | outlet',
      'ЗСУ | ukrainian-forces | ЗСУ | ua | outlet',
      'неонацисты | ukrainian-forces | неонацисты | ru | outlet',
      'нацбатов | ukrainian-forces | националисты | ru | outlet',
      'защитники Мариуполя | ukrainian-forces | защитники | ua | outlet',
    ],
  ],
  [
    'российские войска и цели',
    'Российские войска, которых в Киеве зовут оккупантами, пришли ради денацификации.',
    [
      'Российские войска | russian-forces | российские войска | neutral | outlet',
      'оккупантами | russian-forces | оккупанты | ua | outlet',
      'денацификации | denazification | денацификация | ru | outlet',
    ],
  ],
  [
    'республики',
    'Глава ДНР встретился с главой так называемой ЛНР и с оккупационной администрацией.',
    [
      'ДНР | separatist-republics | ДНР | ru | outlet',
      'так называемой ЛНР | separatist-republics | так называемые ДНР/ЛНР | ua | outlet',
      'оккупационной администрацией | separatist-republics | оккупационная администрация | ua | outlet',
    ],
  ],
  [
    'прямая речь без кавычек: тире и глагол речи',
    'Думаю, спецоперация скоро закончится, – отмечает эксперт. – А киевский режим падёт.\n\nЭксперт говорил о спецоперации.',
    [
      'спецоперация | war | спецоперация | ru | quoted | quotation',
      'киевский режим | kyiv-government | киевский режим | ru | quoted | quotation',
      'спецоперации | war | спецоперация | ru | outlet',
    ],
  ],
  [
    'прямая речь без кавычек: абзац, закрытый атрибуцией в следующем',
    'Киевский режим доживает последние месяцы.\n\n– резюмировал депутат.\n\nКиевский режим молчит.',
    [
      'Киевский режим | kyiv-government | киевский режим | ru | quoted | quotation',
      'Киевский режим | kyiv-government | киевский режим | ru | outlet',
    ],
  ],
  [
    'выгрузка CSV: поле в кавычках — текст издания, удвоенные кавычки — цитата',
    '"Киевский режим отступает. ""Спецоперация идёт строго по плану и в срок"", - сказал Песков."',
    [
      'Киевский режим | kyiv-government | киевский режим | ru | outlet',
      'Спецоперация | war | спецоперация | ru | quoted | quotation',
    ],
  ],
  [
    'война: «представляют как» — упоминание',
    'Кремль представляет вторжение России как «специальную военную операцию».',
    [
      'вторжение России | war | вторжение | ua | outlet',
      'специальную военную операцию | war | специальная военная операция | ru | distanced | mention',
    ],
  ],
  [
    'война: прокси-война и «нацисты» рядом с войной',
    'НАТО ведёт прокси-войну против России. На Украине нацисты обстреляли Донецк, нацистский режим молчит.',
    [
      'прокси-войну | war | прокси-война | ru | outlet',
      'нацисты | ukrainian-forces | неонацисты | ru | outlet',
      'нацистский режим | kyiv-government | киевский режим | ru | outlet',
    ],
  ],
  [
    'не термины: нацисты и бандеровцы Второй мировой, спецоперация разведки, военные объекты',
    'В годы Второй мировой нацисты и бандеровцы убивали мирных жителей Украины. СБУ провела спецоперацию СБУ, а удары пришлись по российским военным объектам.',
    [],
  ],
  [
    'статус и территории: включение в состав, освободили населённый пункт, спецвоенная операция',
    'ВС РФ освободили населенный пункт Восход. Киев не признаёт включения в состав РФ новых регионов, идёт спецвоенная операция.',
    [
      'ВС РФ | russian-forces | российские войска | neutral | outlet',
      'освободили населенный пункт | territories | освобождённые территории | ru | outlet',
      'включения в состав РФ | status-change | вхождение в состав России | ru | outlet',
      'новых регионов | territories | новые регионы | ru | outlet',
      'спецвоенная операция | war | специальная военная операция | ru | outlet',
    ],
  ],
  [
    'выгрузка CSV: тело статьи в одной паре кавычек после заголовка — текст издания',
    'Заголовок о СВО\n\n"ВСУ отступают, а киевский режим молчит, заявил депутат. Спецоперация идёт."',
    [
      'СВО | war | СВО | ru | outlet',
      'ВСУ | ukrainian-forces | ВСУ | neutral | outlet',
      'киевский режим | kyiv-government | киевский режим | ru | outlet',
      'Спецоперация | war | спецоперация | ru | outlet',
    ],
  ],
  ['не термины', 'Голландский референдум и неонацистская идеология в учебнике.', []],
  [
    'семьи: причастие с агентом — сам термин без агента, агент отдельно',
    'Референдумы прошли в регионах, освобожденных Вооруженными силами России, и на освобождённых от ВСУ землях.',
    [
      'освобожденных | territories | освобождённые территории | ru | outlet',
      'Вооруженными силами России | russian-forces | российские войска | neutral | outlet',
      'освобождённых | territories | освобождённые территории | ru | outlet',
      'ВСУ | ukrainian-forces | ВСУ | neutral | outlet',
    ],
  ],
  [
    'семьи: определения между словами термина, полное имя',
    'Киевский преступный режим и режим президента Украины Владимира Зеленского.',
    [
      'Киевский преступный режим | kyiv-government | киевский режим | ru | outlet',
      'режим президента Украины Владимира Зеленского | kyiv-government | режим Зеленского | ru | outlet',
    ],
  ],
  [
    'семьи: слово, образованное от аббревиатуры',
    'Обломки упали на корпус, где лечат ВСУшников, а ВСУ-шники молчат.',
    [
      'ВСУшников | ukrainian-forces | ВСУ | neutral | outlet',
      'ВСУ-шники | ukrainian-forces | ВСУ | neutral | outlet',
    ],
  ],
  // Session 3 families (issue 19).
  [
    'семьи: Россию обвиняют в агрессии (порядок слов скрывает «агрессия России»)',
    'Запад теперь обвиняет в агрессии Россию. Киев обвинил Россию в агрессии.',
    [
      'агрессии | war | агрессия | ua | distanced | mention',
      'Россию в агрессии | war | агрессия | ua | outlet',
    ],
  ],
  [
    'семьи: «якобы» перед термином — чужое слово',
    'Они решили, что российская спецоперация якобы является вторжением.',
    [
      'спецоперация | war | спецоперация | ru | outlet',
      'вторжением | war | вторжение | ua | distanced | mention',
    ],
  ],
  [
    'семьи: регионы референдума названы прилагательным места или статуса',
    'Путин поддержал проведение референдумов в южных регионах и референдума в четырех областях.',
    [
      'референдумов в южных регионах | referendum | референдум | neutral | outlet',
      'референдума в четырех областях | referendum | референдум | neutral | outlet',
    ],
  ],
  [
    'семьи: неонацистский и неофашистский как нацистский',
    'Эрдоган отпустил боевиков неонацистского батальона «Азов»; неофашистские формирования отступили.',
    [
      'боевиков неонацистского | ukrainian-forces | боевики | ru | outlet',
      'неофашистские формирования | ukrainian-forces | боевики | ru | outlet',
    ],
  ],
  [
    'семьи: кавычки-ёлочки через пробел — тоже кавычки',
    'Армения упомянула о « российской агрессии » на Украине.',
    ['российской агрессии | war | агрессия | ua | distanced | scare-quotes'],
  ],
  [
    'семьи: голое «агрессия» и голый «референдум» — не термины',
    'Это был акт агрессии киевского режима. Голландский референдум 2016 года по Украине провалился.',
    ['киевского режима | kyiv-government | киевский режим | ru | outlet'],
  ],
  [
    'elsewhere: другая война или год до 2022-го в той же части предложения',
    'Российские войска в Чечне воевали с боевиками. Российские войска вошли в Грузию в 2008 году. Освобождение Минска от немецко-фашистских захватчиков отметили. Российские войска наступают под Харьковом.',
    ['Российские войска | russian-forces | российские войска | neutral | outlet'],
  ],
  [
    'elsewhere: другой вид войны перед словом, другая страна после',
    'Ядерная война с Россией из-за Украины невозможна. Израильская армия начала вторжение в Газу. Информационная война против Украины идёт. Вторжение России в Украину осудили.',
    ['Вторжение России | war | вторжение | ua | outlet'],
  ],
  [
    'elsewhere: националисты сороковых и референдум в Шотландии — не эти',
    'Украинские националисты 1940-х годов сотрудничали с Гитлером. Украинские националисты обстреляли Донецк. Референдум о независимости Шотландии прошёл, а референдум о присоединении к России назначили.',
    [
      'Украинские националисты | ukrainian-forces | националисты | ru | outlet',
      'референдум о присоединении | referendum | референдум | neutral | outlet',
    ],
  ],
  [
    'elsewhere: операция другой армии, освобождение российской области',
    'Специальная операция ЦАХАЛ в секторе Газа продолжается. Освобожденные территории Курской области восстанавливают. Освобожденные территории Донбасса восстанавливают.',
    ['Освобожденные территории | territories | освобождённые территории | ru | outlet'],
  ],
  [
    'session 8: новые регионы и воссоединение — только рядом с референтами войны',
    'Сеть магазинов вышла в новые регионы.\n\nВоссоединение Германии прошло в 1990 году; семьи ждут воссоединения с детьми.\n\nПенсии в новых регионах России платят. В Донецке отметили воссоединение.',
    [
      'новых регионах России | territories | новые регионы | ru | outlet',
      'воссоединение | status-change | воссоединение | ru | outlet',
    ],
  ],
  [
    'session 8: воссоединение с Россией и Крыма — само по себе, без референтов рядом',
    'Годовщину воссоединения Крыма отметили. Все ждали воссоединения с Родиной.',
    [
      'воссоединения Крыма | status-change | воссоединение | ru | outlet',
      'воссоединения с Родиной | status-change | воссоединение | ru | outlet',
    ],
  ],
  [
    'session 8: другие аннексии и воссоединения — Голаны, церковь, годы до 2014-го',
    'Израиль продолжил аннексию Голанских высот. Воссоединение церквей в 2007 году готовили в Москве. Аннексию Крыма не признали.',
    ['Аннексию | status-change | аннексия | ua | outlet'],
  ],
  [
    'session 8: спецоперация разведки или полиции — не война; СВО рядом с разведкой — война',
    'Украинская разведка осуществила спецоперацию в Одессе. ФСБ провела спецоперацию по задержанию агентов СБУ. Разведка работает в зоне СВО. Спецоперация на Украине идёт.',
    ['СВО | war | СВО | ru | outlet', 'Спецоперация | war | спецоперация | ru | outlet'],
  ],
  [
    'session 8 (final9): военная операция на Украине, российские и украинские силы, конфликт вокруг Украины',
    'Россия начала военную операцию на Украине. Удары по российским силам и украинским силам продолжаются. Запад вовлечён в конфликт вокруг Украины. Военная операция в Сирии завершена.',
    [
      'военную операцию на Украине | war | специальная военная операция | ru | outlet',
      'российским силам | russian-forces | российские войска | neutral | outlet',
      'украинским силам | ukrainian-forces | украинские военные | neutral | outlet',
      'конфликт вокруг Украины | war | конфликт на Украине | neutral | outlet',
    ],
  ],
  [
    'session 8 (final9): освобождена территория, освобождены города — территории; освобождение от налогов — нет',
    'В ДНР освобождены Волноваха и Попасная. Была освобождена вся территория ЛНР. Фермеры освобождены от налогов.',
    [
      'ДНР | separatist-republics | ДНР | ru | outlet',
      'освобождены Волноваха | territories | освобождённые территории | ru | outlet',
      'освобождена вся территория | territories | освобождённые территории | ru | outlet',
      'ЛНР | separatist-republics | ДНР | ru | outlet',
    ],
  ],
  [
    'голос (раунд полноты): слово в кавычках, как которое осудили действие, — слово осудивших',
    'Лидеры G7 осудили эти действия как «агрессию России» и ввели санкции. Санкции последовали за «агрессией России».',
    [
      'агрессию России | war | агрессия | ua | quoted | scare-quotes',
      'агрессией России | war | агрессия | ua | distanced | scare-quotes',
    ],
  ],
  [
    'голос (раунд полноты): «назвал … актом войны» — упоминание, а не слово издания',
    'Скотт Риттер назвал украинский удар по Севастополю актом войны США против России. Это война США против России, считает он.',
    [
      'войны США против России | war | прокси-война | ru | distanced | mention',
      'война США против России | war | прокси-война | ru | outlet',
    ],
  ],
  [
    'session 8: политический кризис — не война; армии царских времён — другие события',
    'На Украине продолжается политический кризис на Украине. В 1812 году российские войска разбили Наполеона. Российские войска наступают под Харьковом.',
    ['Российские войска | russian-forces | российские войска | neutral | outlet'],
  ],
  [
    'war: the verb as the noun, with Ukraine as object or Russia as subject; not another country',
    'Если Россия вторгнется в Украину, последуют санкции. Россия может вторгнуться в Польшу. ВСУ вторглись в Курскую область.',
    ['Россия вторгнется | war | вторжение | ua | outlet', 'ВСУ | ukrainian-forces | ВСУ | neutral | outlet'],
  ],
  [
    'voice: предполагаемый — как alleged и якобы, дистанция',
    'Санкции введут из-за предполагаемого вторжения России. Вторжение России осудили.',
    [
      'вторжения России | war | вторжение | ua | distanced | so-called',
      'Вторжение России | war | вторжение | ua | outlet',
    ],
  ],
  [
    'голос: фрагменты заявления в кавычках в одном предложении — слова заявления',
    'В заявлении подчеркивается, что "военная агрессия" России против Украины "будет иметь огромные последствия и дорого обойдется" Москве.',
    ['агрессия" России | war | агрессия | ua | quoted | quotation'],
  ],
  [
    'голос: закрывающая кавычка без открывающей перед атрибуцией закрывает предложение перед ней',
    'Границы нельзя менять силой. Россия не должна сомневаться, что агрессия против Украины будет иметь последствия", - предупреждают они.\n\nАгрессия против Украины продолжается". Больше ничего.',
    [
      'агрессия против Украины | war | агрессия | ua | quoted | quotation',
      'Агрессия против Украины | war | агрессия | ua | outlet',
    ],
  ],
  [
    'голос: открывающая кавычка без закрывающей — до атрибуции; в начале абзаца — обёртка поля',
    'Генерал был краток: "ВС РФ искусно адаптируются к вызовам в ходе СВО, отметил он.\n\n"ВС РФ искусно адаптируются к вызовам в ходе СВО, отметил генерал.',
    [
      'ВС РФ | russian-forces | российские войска | neutral | quoted | quotation',
      'СВО | war | СВО | ru | quoted | quotation',
      'ВС РФ | russian-forces | российские войска | neutral | outlet',
      'СВО | war | СВО | ru | outlet',
    ],
  ],
  [
    'голос: прямые кавычки внутри прямых кавычек',
    'По ее словам, встреча показала "единый голос стран "Большой семерки", которые дали понять, что вторжение в Украину дорого обойдется".',
    ['вторжение в Украину | war | вторжение | ua | quoted | quotation'],
  ],
  [
    'российские войска: ВКС, ВДВ, «наши военные» и «наша армия» рядом с войной (сессия 9)',
    'Российские ВКС нанесли удар по позициям ВСУ, ВДВ России наступают. По данным Минобороны России, наши военные отразили атаку, а наша армия продвинулась.',
    [
      'Российские ВКС | russian-forces | российские войска | neutral | outlet',
      'ВСУ | ukrainian-forces | ВСУ | neutral | outlet',
      'ВДВ России | russian-forces | российские войска | neutral | outlet',
      'наши военные | russian-forces | российские войска | neutral | outlet',
      'наша армия | russian-forces | российские войска | neutral | outlet',
    ],
  ],
  [
    'российские войска: «наши» без войны рядом и в годы войны — не термин (сессия 9)',
    'Наши бойцы выиграли чемпионат по боксу, а наша армия болельщиков поехала в Казань.\n\nВ 1943 году наши войска освободили Киев.',
    [],
  ],
  [
    'российские войска: места фронта как указание на войну (сессия 9)',
    'Наши подразделения продавили оборону противника юго-восточнее Угледара.',
    ['Наши подразделения | russian-forces | российские войска | neutral | outlet'],
  ],
  [
    'территории: освободили посёлок, освобождение ЛНР, новые российские территории (сессия 9)',
    'Войска освободили посёлок Восход. Путину доложили об освобождении ЛНР. Жизнь на новых российских территориях налаживается.',
    [
      'освободили посёлок | territories | освобождённые территории | ru | outlet',
      'освобождении | territories | освобождённые территории | ru | outlet',
      'ЛНР | separatist-republics | ДНР | ru | outlet',
      'новых российских территориях | territories | новые регионы | ru | outlet',
    ],
  ],
  [
    'прокси-война: конфликт между Россией и США рядом с Украиной, но не торговый спор (сессия 9)',
    'На Украине нет конфликта между Россией и Украиной, есть конфликт между Россией и США.\n\nТорговый конфликт между США и Россией обострился из-за пошлин.',
    [
      'конфликта между Россией и Украиной | war | конфликт на Украине | neutral | outlet',
      'конфликт между Россией и США | war | прокси-война | ru | outlet',
    ],
  ],
  [
    'ссылка на войну: простой термин в статье делает «нашу армию» и «нацистов» войной (сессия 9)',
    'Закончить победой\n\nСВО продолжается.\n\nПереговоры с нацистами подрывают боевой дух нашей армии.',
    [
      'СВО | war | СВО | ru | outlet',
      'нацистами | ukrainian-forces | неонацисты | ru | outlet',
      'нашей армии | russian-forces | российские войска | neutral | outlet',
    ],
  ],
  [
    'ссылка на войну: без простого термина в статье — нет (сессия 9)',
    'Закончить победой\n\nПереговоры с нацистами подрывают боевой дух нашей армии.',
    [],
  ],
  [
    'не термин: символика нацистов при войне в статье (сессия 9)',
    'Задержаны члены группы\n\nВСУ отступают.\n\nИзъяты флаги с символикой нацистов.',
    ['ВСУ | ukrainian-forces | ВСУ | neutral | outlet'],
  ],
  [
    'войска: ракетные войска, Вооруженные силы с прилагательным, украинские террористы (сессия 9, после final11)',
    'Российские ракетные войска ударили по позициям, действия российских Вооруженных сил обсуждают. Украинские вооруженные силы и украинские террористы отступили.',
    [
      'Российские ракетные войска | russian-forces | российские войска | neutral | outlet',
      'российских Вооруженных сил | russian-forces | российские войска | neutral | outlet',
      'Украинские вооруженные силы | ukrainian-forces | ВСУ | neutral | outlet',
      'украинские террористы | ukrainian-forces | боевики | ru | outlet',
    ],
  ],
  [
    'не термин: террористический — прилагательное (сессия 9, после final11)',
    'Суд рассмотрел украинский террористический акт.',
    [],
  ],
  [
    'страна-агрессор и агрессор рядом с войной (сессия 10)',
    'Киев называет Россию страной-агрессором. Напомним, Крым используется агрессором для ударов по Украине.',
    [
      'страной-агрессором | war | страна-агрессор | ua | outlet',
      'агрессором | war | страна-агрессор | ua | outlet',
    ],
  ],
  [
    'не термин: агрессор другой войны (сессия 10)',
    'Агрессор из книги о Второй мировой войне напал на Польшу.',
    [],
  ],
  [
    'националисты: формула сводок Минобороны — глагол, число (сессия 10)',
    'По данным Минобороны, за сутки уничтожено более 1 200 националистов на Украине. Ракетные войска России уничтожили 80 националистов.',
    [
      'националистов | ukrainian-forces | националисты | ru | outlet',
      'войска России | russian-forces | российские войска | neutral | outlet',
      'националистов | ukrainian-forces | националисты | ru | outlet',
    ],
  ],
  [
    'не термин: националисты без формулы сводки (сессия 10)',
    'В XIX веке националисты писали о Малороссии, а критики уничтожили более 40 статей националистов.',
    [],
  ],
  [
    'российские войска: «наша доблестная армия», «Вооруженные силы (ВС) России» (сессия 10)',
    'По данным Минобороны России, наша доблестная армия отразила атаку. Вооруженные силы (ВС) России нанесли удары по позициям ВСУ.',
    [
      'наша доблестная армия | russian-forces | российские войска | neutral | outlet',
      'Вооруженные силы (ВС) России | russian-forces | российские войска | neutral | outlet',
      'ВСУ | ukrainian-forces | ВСУ | neutral | outlet',
    ],
  ],
  [
    'война: «операция на Украине» без «военная», «укровойска» (сессия 10, после final12)',
    'Ход операции на Украине показателен. А укровойска уже без горючего.',
    [
      'операции на Украине | war | специальная военная операция | ru | outlet',
      'укровойска | ukrainian-forces | укровойска | ru | outlet',
    ],
  ],
  [
    'не термин: антитеррористическая и спасательная операция на Украине, «укры» (сессия 10, после final12)',
    'Антитеррористическая операция на Украине началась в апреле. Спасательная операция на Украине завершена, укры спорят.',
    [],
  ],
  // Session 11: формы прокремлёвских и украинских/независимых СМИ, добавленные по знанию предмета.
  [
    'war: нападение, русско-украинская война (session 11)',
    'Нападение России на Украину осудили в ООН. Россия напала на Украину 24 февраля.\n\nРусско-украинская война идёт третий год.',
    [
      'Нападение России на Украину | war | вторжение | ua | outlet',
      'напала на Украину | war | вторжение | ua | outlet',
      'Русско-украинская война | war | война на Украине | neutral | outlet',
    ],
  ],
  [
    'war: освободительная операция рядом с войной, не операция 1944 года (session 11)',
    'Освободительная операция на Донбассе продолжается, сообщил Шойгу.\n\nОсвободительная операция 1944 года вернула Минск.',
    ['Освободительная операция | war | специальная военная операция | ru | outlet'],
  ],
  [
    'denazification: демилитаризация Украины, голая рядом с войной, не Корея (session 11)',
    'Цель — демилитаризация Украины. Демилитаризация продолжается, заявили в Кремле.\n\nДемилитаризация Корейского полуострова не цель, а денацификация Германии — история.',
    [
      'демилитаризация Украины | denazification | демилитаризация | ru | outlet',
      'Демилитаризация | denazification | демилитаризация | ru | outlet',
    ],
  ],
  [
    'territories: Новороссия рядом с войной, не Екатерина (session 11)',
    'Депутаты говорят о будущем Новороссии и Донбасса.\n\nЕкатерина II основала города Новороссии.',
    ['Новороссии | territories | Новороссия | ru | outlet'],
  ],
  [
    'referendum: инсценированные референдумы (session 11)',
    'Инсценированные референдумы прошли в Херсонской области.',
    ['Инсценированные референдумы | referendum | псевдореферендум | ua | outlet'],
  ],
  [
    'kyiv government: киевская клика, укрорейх (session 11)',
    'Киевская клика и весь укрорейх скоро падут.',
    [
      'Киевская клика | kyiv-government | киевский режим | ru | outlet',
      'укрорейх | kyiv-government | киевский режим | ru | outlet',
    ],
  ],
  [
    'ukrainian forces: наемники; не в Сирии (session 11)',
    'Британские наемники погибли под Одессой. Наёмники ВСУ отступили.\n\nИностранные наемники воевали в Сирии.',
    [
      'Британские наемники | ukrainian-forces | наемники | ru | outlet',
      'Наёмники ВСУ | ukrainian-forces | наемники | ru | outlet',
    ],
  ],
  [
    'ukrainian forces: голые боевики рядом с войной, не боевики ДНР (session 11)',
    'Боевики обстреляли Донецк из артиллерии.\n\nБоевики ДНР заняли здание в Донецке.',
    ['Боевики | ukrainian-forces | боевики | ru | outlet', 'ДНР | separatist-republics | ДНР | ru | outlet'],
  ],
  [
    'ukrainian forces: укропы, всушники; не укроп в салате (session 11)',
    'Укропы снова обстреляли Горловку, всушники бежали из Артемовска.\n\nДобавьте укроп и петрушку.',
    [
      'Укропы | ukrainian-forces | укровойска | ru | outlet',
      'всушники | ukrainian-forces | ВСУ | neutral | outlet',
    ],
  ],
  [
    'russian forces: оккупационные войска, орки; не немецкие войска 1943 года и не косатка (session 11)',
    'Российские оккупационные войска отступили из Херсона. Орки снова обстреляли Харьков, сообщил Генштаб ВСУ.\n\nНемецкие оккупационные войска покинули Киев в 1943 году. Орка выпрыгнула из воды.',
    [
      'Российские оккупационные войска | russian-forces | оккупанты | ua | outlet',
      'Орки | russian-forces | оккупанты | ua | outlet',
      'ВСУ | ukrainian-forces | ВСУ | neutral | outlet',
    ],
  ],
  [
    'russian forces: ввела войска на Украину, русская армия рядом с войной; не Ирак и не 1814 год (session 11)',
    'Россия ввела войска на Украину в феврале. Русская армия освободила Авдеевку.\n\nСША ввели войска в Ирак. Русская армия вошла в Париж в 1814 году.',
    [
      'войска | russian-forces | российские войска | neutral | outlet',
      'Русская армия | russian-forces | российские войска | neutral | outlet',
      'освободила Авдеевку | territories | освобождённые территории | ru | outlet',
    ],
  ],
  [
    'separatist republics: ополченцы, народная милиция; не ополченцы 1812 года (session 11)',
    'Ополченцы Донбасса и народная милиция ЛНР держат оборону.\n\nОполченцы 1812 года защищали Москву.',
    [
      'Ополченцы Донбасса | separatist-republics | ДНР | ru | outlet',
      'народная милиция ЛНР | separatist-republics | ДНР | ru | outlet',
    ],
  ],
  [
    'separatist republics: сепаратисты, так называемые республики; не Приднестровье и не Каталония (session 11)',
    'Пророссийские сепаратисты захватили здание в Донецке. Сепаратисты ДНР отступили, а Киев не признаёт так называемые республики.\n\nПророссийские сепаратисты в Приднестровье провели съезд. Каталонские сепаратисты провели митинг.',
    [
      'Пророссийские сепаратисты | separatist-republics | пророссийские сепаратисты | ua | outlet',
      'Сепаратисты ДНР | separatist-republics | пророссийские сепаратисты | ua | outlet',
      'так называемые республики | separatist-republics | так называемые ДНР/ЛНР | ua | outlet',
    ],
  ],
  [
    'separatist republics: коллаборанты, гауляйтер; не гауляйтер 1942 года (session 11)',
    'Коллаборанты бежали из Херсона вместе с гауляйтером Сальдо.\n\nГауляйтер Кох правил Украиной в 1942 году.',
    [
      'Коллаборанты | separatist-republics | коллаборанты | ua | outlet',
      'гауляйтером | separatist-republics | коллаборанты | ua | outlet',
    ],
  ],
  [
    'the West: коллективный Запад, англосаксы рядом с войной; не англосаксы V века (session 11)',
    'Коллективный Запад воюет с Россией, считает Лавров. Англосаксы не хотят мира на Украине.',
    [
      'Коллективный Запад | west | коллективный Запад | ru | outlet',
      'Англосаксы | west | коллективный Запад | ru | outlet',
    ],
  ],
  ['not the West: англосаксы V века (session 11)', 'Англосаксы переселились в Британию в V веке.', []],
  [
    'war: bare военная операция near the war; not Israel’s in Lebanon, not a full-scale one against Russia (session 11, second pass)',
    'Ход военной операции показывает, что Россия побеждает на Украине.\n\nИзраиль начал военную операцию в Ливане, а не на Украине.\n\nЗапад грозит начать против России полномасштабную военную операцию.\n\nВоенная операция на учениях прошла успешно.',
    ['военной операции | war | специальная военная операция | ru | outlet'],
  ],
  [
    'kyiv government: власть на Украине, марионеточный режим; not real power, not Napoleon’s puppets (session 11, second pass)',
    'Власть на Украине объясняет всё «неготовностью». Операция ликвидирует марионеточный режим на Украине.\n\nРадикалы имеют реальную власть на Украине.\n\nНаполеон создал марионеточный режим в Голландии.',
    [
      'Власть на Украине | kyiv-government | украинские власти | neutral | outlet',
      'марионеточный режим | kyiv-government | киевский режим | ru | outlet',
    ],
  ],
  [
    'territories: освобождение Украины near the war, not of 1944; освобождать + a place, not taxes (session 11, second pass)',
    'Освобождение Украины — цель, заявили в Москве. Армия продолжает освобождать Донбасс и освобождает села Запорожской области.\n\nОсвобождение Украины от немецко-фашистских захватчиков завершилось в 1944 году.\n\nМы освобождаем сельское хозяйство от налогов.',
    [
      'Освобождение Украины | territories | освобождённые территории | ru | outlet',
      'освобождать Донбасс | territories | освобождённые территории | ru | outlet',
      'освобождает села | territories | освобождённые территории | ru | outlet',
    ],
  ],
  [
    'territories: оккупированн* + a town (session 11, second pass)',
    'В оккупированном Бахмуте нет воды, как и в оккупированной Горловке.',
    [
      'оккупированном Бахмуте | territories | оккупированные территории | ua | outlet',
      'оккупированной Горловке | territories | оккупированные территории | ua | outlet',
    ],
  ],
  [
    'accusation: обвинение в развязывании войны (session 11, second pass)',
    'Россию обвиняют в развязывании полномасштабной войны.',
    ['полномасштабной войны | war | полномасштабное вторжение | ua | distanced | mention'],
  ],
  [
    'not this war: российские вооруженные силы в Закавказье (2008) (session 11, second pass)',
    'Абхазия и Южная Осетия, отторгнутые у Грузии, стали оплотами российских вооруженных сил в Закавказье.',
    [],
  ],
  [
    'war: развязанная Россией война; not Georgia in 2008 (session 13)',
    'Развязанная Россией война против Украины длится два года. Война, развязанная Россией, унесла тысячи жизней, и Кремль развязал полномасштабную войну.\n\nРоссия развязала войну с Грузией в 2008 году.',
    [
      'Развязанная Россией война | war | агрессия | ua | outlet',
      'развязанная Россией | war | агрессия | ua | outlet',
      'Кремль развязал полномасштабную войну | war | агрессия | ua | outlet',
    ],
  ],
  [
    'war: Запад воюет с Россией, гибридная война против России; not Kyiv’s word for Russia’s (session 13)',
    'НАТО фактически воюет с Россией на Украине, а Запад ведет гибридную войну против России, заявил Лавров.\n\nРоссийская гибридная война против нашей страны продолжается, сказал Зеленский.\n\nРябков заявил, что гибридная война против нашей страны провалится, пока Запад вооружает Украину.',
    [
      'НАТО фактически воюет с Россией | war | прокси-война | ru | outlet',
      'гибридную войну против России | war | прокси-война | ru | outlet',
      'гибридная война против нашей страны | war | прокси-война | ru | outlet',
    ],
  ],
  [
    'not this war: гибридная война против нашей страны with no referent of the war (session 13)',
    'Эстония заявила, что гибридная война против нашей страны началась с кибератак.',
    [],
  ],
  [
    'russian forces: десантники, морская пехота, контрактники, военные РФ, путинские солдаты; not Putin’s occupiers or war machine (session 13)',
    'Российские десантники высадились в Гостомеле, морская пехота России наступает под Угледаром, а российские контрактники получили выплаты. Военные РФ и путинские солдаты обстреляли Харьков, путинские оккупанты — Херсон, а путинская военная машина буксует.',
    [
      'Российские десантники | russian-forces | российские войска | neutral | outlet',
      'морская пехота России | russian-forces | российские войска | neutral | outlet',
      'российские контрактники | russian-forces | российские войска | neutral | outlet',
      'Военные РФ | russian-forces | российские войска | neutral | outlet',
      'путинские солдаты | russian-forces | российские войска | neutral | outlet',
      'оккупанты | russian-forces | оккупанты | ua | outlet',
    ],
  ],
  [
    'territories: освобожденный + a town of the war; not Kherson, which Ukraine retook (session 13)',
    'Освобожденный Мариуполь восстанавливается, в освобожденном Мелитополе открыли школу.\n\nОсвобожденный Херсон празднует, сообщил Зеленский.',
    [
      'Освобожденный Мариуполь | territories | освобождённые территории | ru | outlet',
      'освобожденном Мелитополе | territories | освобождённые территории | ru | outlet',
    ],
  ],
  [
    'war: bare агрессия inside a quotation near the war; not in the outlet’s words, not Kyiv’s or NATO’s (session 13)',
    '«Мы остановим агрессию», — заявил Зеленский, говоря о России.\n\nУкраина отражает агрессию уже третий год, сказал Зеленский.\n\n«Агрессия Киева против Донбасса продолжается», — заявил Пушилин.\n\n«Натовская агрессия не пройдет», — сказал Медведев об Украине.',
    ['агрессию | war | агрессия | ua | quoted | quotation'],
  ],
  [
    'voice: a short quotation that is a whole statement, attributed after or before it; not a name in marks inside a phrase (session 13)',
    '«Это вторжение», — сказал Зеленский о ракетном ударе по Киеву.\n\nЗеленский сказал: «Это вторжение».\n\nВ так называемой «ДНР», сообщили в Киеве, прошли аресты.',
    [
      'вторжение | war | вторжение | ua | quoted | quotation',
      'вторжение | war | вторжение | ua | quoted | quotation',
      'ДНР | separatist-republics | так называемые ДНР/ЛНР | ua | outlet | so-called',
    ],
  ],
  [
    'формы session 14: страна-террорист, Крымская весна, исконно русские земли, деоккупация; не Абхазия',
    'Зеленский назвал Россию страной-террористом. В Москве отметили годовщину Крымской весны, Путин назвал юг Украины исконно русскими землями. Киев готовит деоккупацию Крыма.\n\nТбилиси говорит о деоккупации Абхазии.',
    [
      'страной-террористом | war | страна-террорист | ua | outlet',
      'Крымской весны | status-change | Крымская весна | ru | outlet',
      'исконно русскими землями | territories | исконно русские земли | ru | outlet',
      'деоккупацию | territories | деоккупация | ua | outlet',
    ],
  ],
  [
    'формы session 14: каратели, укровермахт (не вермахт: другие формы рядом остаются), золотой миллиард, западные кураторы, референдум под дулами автоматов; не каратели 1943 года',
    'Украинские каратели обстреляли Донецк, а укровермахт отступил, пока «золотой миллиард» и западные кураторы Киева вооружают Украину. Референдум под дулами автоматов прошел в Херсоне.\n\nВ 1943 году каратели сожгли деревню.',
    [
      'Украинские каратели | ukrainian-forces | каратели | ru | outlet',
      'укровермахт | ukrainian-forces | каратели | ru | outlet',
      'золотой миллиард | west | золотой миллиард | ru | distanced | scare-quotes',
      'западные кураторы | west | западные кураторы | ru | outlet',
      'Референдум под дулами автоматов | referendum | псевдореферендум | ua | outlet',
    ],
  ],
  [
    'голос session 14: часть термина в кавычках, «войну Кремль называет», т. н. референдум в Херсоне',
    'На Украине началась «специальная» военная операция. Войну Кремль называет специальной операцией, а т. н. референдум в Херсоне прошел в сентябре.',
    [
      'специальная» военная операция | war | специальная военная операция | ru | distanced | scare-quotes',
      'специальной операцией | war | специальная военная операция | ru | distanced | mention',
      'референдум в Херсоне | referendum | так называемый референдум | ua | outlet | so-called',
    ],
  ],
];
