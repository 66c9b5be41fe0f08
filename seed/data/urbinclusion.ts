import { cities } from './cities.js';
import type {
  SeedImplementationFramework,
  SeedLearning,
  SeedLocalGroup,
  SeedMeeting,
  SeedNeed,
  SeedNetwork,
  SeedPractice,
} from './types.js';

/**
 * URBinclusion, seen through Torino's Operational Implementation Framework (doc 003).
 * The document is mostly in Italian, with a shorter English version at the end ("EN
 * Version"), and some passages in English in the Italian part (Copenhagen, Lyon, Krakow, Naples,
 * Trikala, Barcelona, Ezio Manzini's words, the 5th workshop). Where a loaded text is Italian in
 * the document, the Italian is kept beside its English (`titleOriginal`, `lessonOriginal`,
 * `descriptionOriginal`): the loader records it as the original (`it`) and the English as its
 * translation; the general highlights' English is the document's own EN version (1.4). Text
 * without an original is the document's English (or the seed's English where it composes).
 *
 * What the document does not give: the network's start and end dates (it says only
 * "during the two years of the project"), the list of partners (it says "una rete di 8
 * città" and names the meeting hosts, but never calls them partners), the Lead Partner,
 * the lead expert, and the days of most meetings (month and year only).
 */

const LJ = 'doc 003, section 4 "Learning Journey" (list of meetings)';
const LJ41 = 'doc 003, section 4.1 "Cosa abbiamo appreso dagli altri partner"';
const LJ42 = 'doc 003, section 4.2 "Cosa si è appreso dall\'esperienza locale"';

// ------------------------------------------------------------------ meetings

export const urbinclusionMeetings: SeedMeeting[] = [
  {
    key: 'urbinclusion-tnm-1-copenhagen',
    kind: 'transnationalMeeting',
    ordinal: 1,
    title: '1st Transnational Meeting',
    host: 'copenhagen',
    month: '2017-09',
    dateAsWritten: 'Settembre 2017',
    themes: ['Learning and reflecting', 'Area based approach', 'Neighbourhood houses and community centres'],
    participants: ['Civic Centre Kvartershuset', 'MedborgerCenter of the SydhavnsCompagniet'],
    learnings: [
      { lesson: 'A clear area based approach taking advantage of different active stakeholders and focusing simultaneously interconnected issues.', partner: 'copenhagen' },
      { lesson: 'Local presence of the municipal team. Being visible is a key success factor.', partner: 'copenhagen' },
      { lesson: 'Taking advantage of different expertise and experts to address different challenges.', partner: 'copenhagen' },
      { lesson: 'Supporting social interventions with new sources of financing through commercial activities.', partner: 'copenhagen' },
      { lesson: 'Reinforcing bonds between municipality, NGOs, private sector and citizens.', partner: 'copenhagen' },
      { lesson: 'Community centres managed by the users themselves.', partner: 'copenhagen' },
      { lesson: 'Retail activity is being fostered with the participation of residents.', partner: 'copenhagen' },
      { lesson: 'There is always a problem in the labour market: some people always remain out.', partner: 'copenhagen' },
      { lesson: 'A comprehensive understanding of social inclusion: "become part of something".', partner: 'copenhagen' },
      { lesson: 'Reinforcing the sense of community.', partner: 'copenhagen' },
    ],
    source: `${LJ}; ${LJ41}, "COPENHAGEN"`,
  },
  {
    key: 'urbinclusion-ts-lyon',
    kind: 'thematicSeminar',
    title: 'Thematic seminar: Monitoring & Evaluation',
    host: 'lyon',
    month: '2018-01',
    dateAsWritten: 'Gennaio 2018',
    themes: ['Monitoring & Evaluation', 'Utilisation Focused Evaluation'],
    learnings: [
      { lesson: 'No evaluation should go forward unless and until there are primary intended users who will use the information that can be produced.', theme: 'Utilisation Focused Evaluation' },
      { lesson: 'Primary intended users are involved and must be in the process.', theme: 'Utilisation Focused Evaluation' },
      { lesson: 'Evaluation is part of initial program design - the primary intended users want information to help answer a question or different questions.', theme: 'Utilisation Focused Evaluation' },
      { lesson: 'The Kahoot! quiz tool was found inspiring and was used in the Torino local meeting as well.', theme: 'facilitation tools', partner: 'torino' },
    ],
    source: `${LJ}; ${LJ41}, "LYON"`,
  },
  {
    key: 'urbinclusion-tnm-2-krakow',
    kind: 'transnationalMeeting',
    ordinal: 2,
    title: '2nd Transnational Meeting',
    host: 'krakow',
    month: '2018-04',
    dateAsWritten: 'Aprile 2018',
    themes: ['Market place of actions/practices', 'Exchanging and sharing between partners'],
    // The market place was an activity of this meeting, not a meeting of its own (doc 003 gives it
    // under "KRAKOW"), so "meetings held" counts Krakow once.
    activities: [
      'A "Market place" of actions/practices: representatives of cities address peers to go deeper in the practices they find most interesting; after the meetings partners indicate on a panel the cities with which a peer activity could be prepared.',
    ],
    learnings: [
      {
        lesson: 'Representatives of cities address peers to go deeper in the practices they find most interesting; after the meetings partners indicate on a panel the cities with which a peer activity could be prepared, due to shared interests or experiences. Judged an "interesting and useful activity".',
        theme: 'peer exchange',
      },
    ],
    source: `${LJ}; ${LJ41}, "KRAKOW"`,
  },
  {
    key: 'urbinclusion-ts-glasgow',
    kind: 'thematicSeminar',
    title: 'Thematic seminar: social enterprises in a deprived neighbourhood',
    host: 'glasgow',
    startDate: '2018-06-19',
    endDate: '2018-06-20',
    dateAsWritten: '19-20 giugno 2018 (list: "Giugno 2018")',
    themes: [
      'Social enterprises in a problematic neighbourhood',
      'Childcare',
      'Food waste',
      'Reintegration and training of former prisoners and drug addicts',
      'Employment and entrepreneurship support for Roma women',
      'Energy poverty',
      'Motivational support services for young people',
    ],
    learnings: [
      { lesson: 'Glasgow shows how to relate public and private resources and experiences.', lessonOriginal: 'L\'esperienza di Glasgow permette di comprendere come mettere in relazione risorse ed esperienze pubbliche e private.', partner: 'glasgow' },
      { lesson: 'Innovative financial models can offer significant opportunities for a new approach and a different culture of the social economy.', lessonOriginal: 'La spiegazione dei modelli finanziari innovativi può offrire significative opportunità per lo sviluppo di un nuovo approccio e di una diversa cultura per quanto riguarda l\'economia sociale.', partner: 'glasgow' },
      { lesson: 'Hybrid social forms can sometimes produce better effects than traditional approaches, with benefits for the whole society.', lessonOriginal: 'Questo conferma che talvolta, forme sociali ibride possono produrre effetti positivi superiori rispetto ad approcci tradizionali, con benefici per tutta la società.', partner: 'glasgow' },
    ],
    source: `${LJ}; ${LJ41}, "GLASGOW MEETING – 19-20 giugno 2018"`,
  },
  {
    key: 'urbinclusion-tnm-3-torino',
    kind: 'transnationalMeeting',
    ordinal: 3,
    title: '3rd Transnational Meeting: collaborative services',
    host: 'torino',
    month: '2018-10',
    dateAsWritten: 'Ottobre 2018',
    themes: ['Collaborative services', 'Collaborative services as agents of urban regeneration'],
    participants: ['Prof. Ezio Manzini'],
    // Doc 003 names him "Prof. Ezio Manzini" and no affiliation.
    speakers: [{ name: 'Ezio Manzini', affiliation: 'Professor (affiliation not given in doc 003)' }],
    learnings: [
      { lesson: 'Bridging – connecting diversities – is an antidote to the on-going main trend towards gentrification, segregation and creation of communication bubbles.', author: 'Ezio Manzini' },
      { lesson: 'Commoning – weaving people and places – is an antidote to main trends of city commodification and marketization.', author: 'Ezio Manzini' },
      { lesson: 'Democratizing – supporting active participation – is an antidote to the on-going crisis of participative democracy; it implies a power shift towards citizens and communities.', author: 'Ezio Manzini' },
      { lesson: 'Through new forms of public intervention, both public policies and public services have to break their usual ways and propose new ones.', lessonOriginal: 'L\'idea si basa sul presupposto che, attraverso nuove modalità di intervento pubblico, sia le politiche pubbliche sia i servizi pubblici debbano rompere le loro modalità abituali e proporre di nuove.' },
    ],
    source: `${LJ}; ${LJ41}, "TORINO"`,
  },
  {
    key: 'urbinclusion-ts-naples',
    kind: 'thematicSeminar',
    title: 'Thematic seminar: co-creation and co-responsibility',
    host: 'naples',
    month: '2018-12',
    dateAsWritten: 'Dicembre 2018',
    themes: ['Co-creation and co-responsibility', 'Porta Capuana area', 'Risks of touristic development (gentrification)'],
    guidingQuestions: ['How to make co-creation and co-responsibility real?'],
    learnings: [
      {
        lesson: 'Need of differentiating the urban regeneration drivers, balancing touristic development with active social inclusion policies, so that the different social groups can continue living and working in the area.',
        partner: 'naples',
      },
    ],
    source: `${LJ}; ${LJ41}, "NAPOLI"`,
  },
  {
    key: 'urbinclusion-ts-trikala',
    kind: 'thematicSeminar',
    title: 'Thematic seminar',
    host: 'trikala',
    month: '2019-02',
    dateAsWritten: 'Febbraio 2019',
    themes: ['Partnership and exchange of knowledge and experience'],
    learnings: [
      {
        lesson: 'All participants underlined the importance of the partnership and the exchange of knowledge and experience even though each city faces a different challenge; it was agreed that the network of cities should keep collaborating closely after the end of URBinclusion.',
      },
    ],
    source: `${LJ}; ${LJ41}, "TRIKALA"`,
  },
  {
    key: 'urbinclusion-tnm-4-barcelona',
    kind: 'transnationalMeeting',
    ordinal: 4,
    title: '4th Transnational Meeting (final conference)',
    host: 'barcelona',
    month: '2019-04',
    dateAsWritten: 'Aprile 2019',
    themes: [
      'Ensure the adoption of integrated approach and inter-departmental coordination',
      'Maintaining involvement of local stakeholders and organizing decision-making for delivery',
      'Setting up efficient indicators and monitoring systems to measure performance',
      'Ensure the link between the strategic dimension and the operational level of implementation of actions',
      'Enhancing funding of urban development policies through financial innovation',
    ],
    note: 'The first three are the implementation challenges "that threaten the success of many of strategic actions"; the last two "were analysed as well".',
    source: `${LJ}; ${LJ41}, "BARCELONA"`,
  },

  // ---------------------------------------------- Local Support Group (LSG) workshops in Torino
  // Section 4 lists "quattro workshop" (four: 2 July, 8 November, 14-15 November 2018,
  // 7 March 2019); section 4.2 describes five, adding 10 April 2019.
  {
    key: 'urbinclusion-lsg-1-2018-07-02',
    kind: 'localGroupWorkshop',
    ordinal: 1,
    title: 'Towards community welfare. The economic question in the public-private partnership: regulation, responsibility, governance',
    titleOriginal: 'Verso il welfare di Comunità. La questione economica nella partnership pubblico-privato: normativa, responsabilità, governance',
    host: 'torino',
    startDate: '2018-07-02',
    endDate: '2018-07-02',
    dateAsWritten: '2 luglio 2018',
    themes: [
      'Legal and governance aspects of the public-private partnership',
      'Economic models applied to public-private partnerships for community welfare projects',
      'Management of economic activities within the network of the Case del Quartiere',
      'Pre-conditions for community welfare',
      'Case del Quartiere as meeting points between citizens and public administration',
      'Collaborative governance',
      'Role of the public administration; discretion of the P.A.',
      'Partnership versus contract: who should be involved in a partnership?',
    ],
    learnings: [
      { lesson: 'Different management models can be adopted: Bologna has a centralised model, Torino a fragmented one. The first is simpler, the second allows more dialogue between public and private.', lessonOriginal: 'Diversi modelli di gestione da adottare: Bologna ha un modello centralizzato, Torino frammentato. Il primo modello è più semplice ma il secondo consente un maggiore dialogo tra pubblico e privato.' },
      { lesson: 'The role of the City as facilitator (enabler).', lessonOriginal: 'Il ruolo della Città come soggetto facilitatore (enabler).' },
      { lesson: 'Need for funding mechanisms that go beyond political cycles.', lessonOriginal: 'Esigenza di meccanismi di finanziamento che vadano oltre i cicli politici.' },
      { lesson: 'Collaborative governance can be a problem in the case of commercial activities.', lessonOriginal: 'La questione della governance collaborativa può rappresentare un problema nel caso di attività commerciali.' },
      { lesson: 'Public administrations should become more open to discretion.', lessonOriginal: 'Le pubbliche amministrazioni dovrebbero diventare più aperte alla discrezionalità.' },
      { lesson: 'The Public Administration should promote creativity.', lessonOriginal: 'La Pubblica Amministrazione dovrebbe promuovere la creatività.' },
      { lesson: 'The problem of collective responsibility.', lessonOriginal: 'Problema della responsabilità collettiva.' },
      { lesson: 'There is no single recipe for the governance model: it is essential to make smart use of the available tools.', lessonOriginal: 'Per quanto riguarda il modello di governance non esiste una singola ricetta. È fondamentale fare un uso intelligente degli strumenti disponibili.' },
      { lesson: 'It is important to set up a steering committee ("cabina di regia") and to define who should take part in it.', lessonOriginal: 'È importante definire una cabina di regia e definire chi deve parteciparvi.' },
      { lesson: 'Some "pilot cases" should be tested to select the best models.', lessonOriginal: 'Alcuni "casi pilota" dovrebbero essere testati per selezionare i modelli migliori.' },
      { lesson: 'The main difference between partnerships and contracts is risk.', lessonOriginal: 'La principale differenza tra partnership e contratti è rappresentata dal rischio.' },
    ],
    source: `${LJ}; ${LJ42}, "I) LSG WORKSHOP (2/7/18)"`,
  },
  {
    key: 'urbinclusion-lsg-2-2018-11-08',
    kind: 'localGroupWorkshop',
    ordinal: 2,
    title: 'Collaborative governance and evaluation models',
    titleOriginal: 'Governance collaborativa e modelli valutativi',
    host: 'torino',
    startDate: '2018-11-08',
    endDate: '2018-11-08',
    dateAsWritten: '8 novembre 2018',
    themes: [
      'The regulation in force in Torino and an introduction to the public procurement code',
      'Collaborative governance tools that allocate risk differently within the public-private partnership',
      'A new regulation should consider concession, public-private partnership and management of commons',
      'Role of the public administration: a legal entity able to intercept public and private needs, granted the right of surface',
      'Innovative terminology (pacts of collaboration instead of concessions) and atypical forms of partnership under article 180 of the Public Contracts Code (e.g. social partnerships)',
      'Measuring social impact: a multi-criteria strategic evaluation system for social innovation and urban regeneration; design and choice of KPIs for Torino',
    ],
    learnings: [
      { lesson: 'Need for a more informal approach to governance to reach a new model of co-production.', lessonOriginal: 'Necessità di un approccio più informale alla governance per arrivare ad un nuovo modello di co-produzione.' },
      { lesson: 'Leave room for self-organisation (e.g. in Co-City type C projects).', lessonOriginal: 'Lasciare uno spazio all\'auto-organizzazione (ad es. nei progetti tipo C di Co-City).' },
      { lesson: 'Open up to sustainability (social, economic, environmental) in a holistic sense, introducing indicators of social and economic distress.', lessonOriginal: 'Aprire al tema sostenibilità (sociale, economica ambientale) in senso olistico e introducendo indicatori di sofferenza sociale ed economica.' },
      { lesson: 'Identify the skills needed, e.g. soft skills and life skills (awareness of oneself and of the context).', lessonOriginal: 'Individuare le abilità (skills) necessari. Ad esempio soft skills e life skills (consapevolezza di sé e del contesto).' },
      { lesson: 'Deepen the theme of community work: neither salaried work, nor volunteering, nor entrepreneurship.', lessonOriginal: 'Approfondire il tema del lavoro di comunità, né salariato, né volontariato, né imprenditoriale.' },
      { lesson: 'The theme of wisdom should be introduced in a structured way; examples, models and experiences exist.', lessonOriginal: 'Va introdotto il tema della saggezza in forma strutturata. Esistono esempi, modelli, esperienze...' },
    ],
    source: `${LJ}; ${LJ42}, "II) LSG WORKSHOP (8/11/18)"`,
  },
  {
    key: 'urbinclusion-lsg-3-2018-11-14-baltimore',
    kind: 'localGroupWorkshop',
    ordinal: 3,
    title: 'Social inclusion experiences in Turin and Baltimore',
    host: 'torino',
    startDate: '2018-11-14',
    endDate: '2018-11-15',
    dateAsWritten: '14-15 novembre 2018',
    themes: ['Social inclusion experiences', 'Financial innovation', "Baltimore's community revitalisation strategy"],
    participants: [
      'Representatives of Baltimore',
      'Oltre Venture – investments in social innovation start-ups and venture builder',
      'Per Micro – credit and micro-credit in Italy',
      'Banca Etica – cooperative bank financing social housing, co-housing and crowdfunding for urban regeneration',
      'Social Fare – first centre for social innovation in Italy (social impact design)',
      'Avanzi – urban regeneration and social housing in disadvantaged areas (social investment fund)',
    ],
    description: 'The meeting was part of an exchange of experiences between the cities of Torino and Baltimore on social inclusion and financial innovation.',
    descriptionOriginal:
      "L'incontro è stato parte di uno scambio di esperienze tra le città di Torino e Baltimora dedicate alle esperienze di inclusione sociale e all'innovazione finanziaria",
    source: `${LJ}; ${LJ42}, "III) LSG WORKSHOP – 14-15 novembre 2018"`,
  },
  {
    key: 'urbinclusion-lsg-4-2019-03-07',
    kind: 'localGroupWorkshop',
    ordinal: 4,
    title: 'Signs and signals of social innovation',
    titleOriginal: 'Segni e segnali di innovazione sociale',
    host: 'torino',
    startDate: '2019-03-07',
    endDate: '2019-03-07',
    dateAsWritten: '7 marzo 2019',
    themes: ['Anti-poverty policies: from good intentions to impact', 'Governing experimentation', 'Urban and social key of future EU programming'],
    guidingQuestions: ['How to govern experimentation processes?'],
    learnings: [
      { lesson: 'The main knot of innovation is understanding how to implement experiences and make them become systems.', lessonOriginal: 'Il nodo principale dell\'innovazione è capire come implementare le esperienze e farle diventare dei sistemi.' },
      { lesson: 'A path is under way to gradually bring together more cities to convince the European Union to introduce concepts of social innovation that can enable certain practices of public-private interaction.', lessonOriginal: 'E\' in corso un percorso per tentare di agglomerare gradualmente più città per convincere l\'Unione Europea a introdurre concetti di innovazione sociale che possano abilitare determinate pratiche di interazione tra pubblico e privato.' },
      { lesson: 'In a situation of uncertainty there is a need to experiment and to put together human and economic resources to respond to real social needs.', lessonOriginal: 'In una situazione di incertezza quale quella in cui ci troviamo, c\'è l\'esigenza di sperimentare e mettere insieme risorse umane ed economiche per fornire delle risposte a bisogni sociali reali.' },
      { lesson: 'Future EU programming will have proposals with an "urban key" but also a social one; one theme is how to use public funds to generate public returns, also when managed by private actors.', lessonOriginal: 'Anche la programmazione futura vedrà proposte che avranno una "chiave urbana" da un lato ma anche sociale. Uno dei temi nell\'agenda della nuova programmazione riguarda il come usare fondi pubbliche per generare ricadute pubbliche (anche quando gestiti da privati).' },
      { lesson: 'The Local Action Plan proposes to identify the figure of the innovation broker to govern experimentation processes.', lessonOriginal: 'Come governare i processi di sperimentazione? Il Local Action Plan propone di individuare la figura dell\'innovation broker.' },
    ],
    source: `${LJ}; ${LJ42}, "IV) LSG WORKSHOP - 7 marzo 2019"`,
  },
  {
    key: 'urbinclusion-lsg-5-2019-04-10',
    kind: 'localGroupWorkshop',
    ordinal: 5,
    title: 'Ideas, social innovation, impact in the Turin ecosystem',
    titleOriginal: "Idee, innovazione sociale, impatto, nell'ecosistema torinese",
    host: 'torino',
    startDate: '2019-04-10',
    endDate: '2019-04-10',
    dateAsWritten: '10 aprile 2019',
    themes: [
      'The main social challenges to be addressed and how to tackle them',
      'Link between social challenges and emerging technologies (discussion tables)',
      'Forthcoming Torino Social Impact initiatives: a national call for a Social innovation fund (social innovation and capacity building)',
    ],
    learnings: [{ lesson: 'Need for definition of shared ways of co-planning.' }, { lesson: 'Ideas to expand the inclusion platform.' }],
    note: 'Not in the list of "quattro workshop" of section 4; described only in section 4.2.',
    source: `${LJ42}, "V) LSG WORKSHOP - 10 aprile 2019"`,
  },
];

// ------------------------------------------------------------------ learnings, practices, needs

/** General lessons on the URBinclusion approach and on local stakeholder involvement (EN version 1.4 / section 4.1). */
export const urbinclusionLearnings: SeedLearning[] = [
  { lesson: 'Difficulty in merging actions hinders the integrated approach.', lessonOriginal: 'La difficoltà a unire le azioni ostacola l\'approccio integrato.', theme: 'integrated approach' },
  { lesson: 'Decentralization should contribute to greater integration.', lessonOriginal: 'Il decentramento dovrebbe contribuire a una maggiore integrazione.', theme: 'integrated approach' },
  { lesson: 'Territorial hubs are required.', lessonOriginal: 'Sono necessari hub territoriali.', theme: 'integrated approach' },
  { lesson: 'Time is needed to consolidate the integration processes.', lessonOriginal: 'È necessario tempo per consolidare i processi di integrazione.', theme: 'integrated approach' },
  { lesson: 'It is desirable but complex to collaborate between public bodies.', lessonOriginal: 'È auspicabile ma complesso collaborare tra enti pubblici.', theme: 'integrated approach' },
  { lesson: 'Different types of stakeholders should converge in a single strategy.', lessonOriginal: 'Diversi tipi di stakeholder dovrebbero essere integrati e coordinati in un\'unica strategia.', theme: 'integrated approach' },
  { lesson: 'The process of co-design of public services should be promoted.', lessonOriginal: 'Promuovere il processo di co-design dei servizi pubblici.', theme: 'local stakeholder involvement' },
  { lesson: 'Local initiatives and experiences are far from developing a true co-creation.', lessonOriginal: 'Spesso, mancano iniziative ed esperienze locali per sviluppare una vera co-creazione.', theme: 'local stakeholder involvement' },
  { lesson: 'There is a gap between civic organizations and the public sector.', lessonOriginal: 'C\'è un divario tra le organizzazioni civiche e il settore pubblico.', theme: 'local stakeholder involvement' },
  { lesson: 'To facilitate the involvement of citizens/local actors, spaces and platforms are needed.', lessonOriginal: 'Sono necessari spazi e piattaforme per facilitare il coinvolgimento dei cittadini/attori locali.', theme: 'local stakeholder involvement' },
  { lesson: 'The involvement of Roma people represents a big challenge.', lessonOriginal: 'Una grande sfida: come coinvolgere i Rom.', theme: 'local stakeholder involvement' },
  { lesson: 'People and institutions working in an area must share common goals.', lessonOriginal: 'Le persone e gli enti che lavorano in un\'area devono condividere obiettivi comuni.', theme: 'local stakeholder involvement' },
  { lesson: 'Lack of trust between local authorities and civil society.', lessonOriginal: 'Mancanza di fiducia tra le autorità locali e la società civile.', theme: 'local stakeholder involvement' },
  { lesson: 'The role of the public sector should be defined: partner or authority?', lessonOriginal: 'Dovrebbe essere definito il ruolo del settore pubblico: partner o autorità?', theme: 'local stakeholder involvement' },
  { lesson: 'Creation of social networks in specific urban areas: to provide the opportunity to interact in a common space.', lessonOriginal: 'Creazione di social network in specifiche aree urbane: dando l\'opportunità di interagire in uno spazio comune.', theme: 'local stakeholder involvement' },
];

export const urbinclusionPractices: SeedPractice[] = [
  {
    city: 'torino',
    title: 'Rete delle Case del Quartiere (network of neighbourhood houses)',
    summary:
      '9 Case del Quartiere act as multifunctional civic centres across almost the whole city (Cascina Roccafranca, Casa del Quartiere di San Salvario, Bagni Pubblici di via Agliè, Hub Cecchi Point, Casa nel Parco, +SpazioQuattro, Barrito, Bossoli83, Casa di Quartiere Vallette): spaces recovered for public use through collaboration of public bodies, banking foundations, social enterprises, associations and citizens; the first, Cascina Roccafranca, opened in 2007 under URBAN 2 "Mirafiori". The network coordinates the houses and applies for funding together.',
    topics: ['neighbourhood houses', 'community centres', 'urban regeneration', 'social inclusion'],
    source: 'doc 003, section 1.2 "Il contesto locale"',
  },
  {
    city: 'torino',
    title: 'CuQù (Torino Social Factory)',
    summary:
      'A baby parking open every day for the children of San Salvario and a multifunctional centre for families: educational and creative workshops, parenting help desks and a breastfeeding room, supporting fragile people and cohesion in a multicultural neighbourhood.',
    topics: ['childcare', 'families', 'community welfare'],
    source: 'doc 003, section 3.1, "Progetto «CuQù» (Torino Social Factory)"',
  },
  {
    city: 'torino',
    title: 'AbiTO – Associazione Arteria (AxTO Testing)',
    summary:
      'Bottom-up housing project for young people under 35, Italian or foreign, who are solvent but lack the guarantees to access the private rental market, in Porta Palazzo/Barriera di Milano: a common guarantee fund started with AxTO funding (replicable as a revolving fund) and house rules co-built by landlords and tenants.',
    topics: ['housing', 'youth', 'guarantee fund'],
    source: 'doc 003, section 3.1, "Progetto «AbiTO»"',
  },
  {
    city: 'torino',
    title: 'Paper Lab – Associazione Miranda (AxTO Testing)',
    summary:
      'A fabrication laboratory of interactive editorial materials exploring paper and digital in the Aurora neighbourhood, next to the Osteria di Miranda al Fortino: a technologically advanced space open to the community for design, prototyping and content.',
    topics: ['digital inclusion', 'makerspace', 'publishing'],
    source: 'doc 003, section 3.1, "Progetto «Paper Lab»"',
  },
  {
    city: 'copenhagen',
    title: 'Civic Centre Kvartershuset',
    summary:
      'Neighbourhood house creating residential social activities to improve quality of life and local community feelings; works to reduce loneliness among residents in Sydhavnen (mainly activities for seniors and for parents and their children).',
    topics: ['neighbourhood houses', 'loneliness', 'seniors'],
    source: `${LJ41}, "COPENHAGEN"`,
  },
  {
    city: 'copenhagen',
    title: 'MedborgerCenter of the SydhavnsCompagniet',
    summary:
      'Aims to ensure the effectiveness of social efforts supporting local employment and to promote networking and active citizenship among vulnerable citizens in the area; mobilises citizens\' resources by motivating volunteering.',
    topics: ['employment', 'active citizenship', 'volunteering'],
    source: `${LJ41}, "COPENHAGEN"`,
  },
];

/** The three needs stated at the 4th LSG workshop ("Occorre rispondere a tre bisogni"). */
export const urbinclusionNeeds: SeedNeed[] = [
  { city: 'torino', kind: 'learning', description: 'Deepen the mapping of cases.', topics: ['mapping', 'case studies'], source: `${LJ42}, "IV) LSG WORKSHOP - 7 marzo 2019"` },
  { city: 'torino', kind: 'learning', description: 'Deepen the economic concept.', topics: ['economic model'], source: `${LJ42}, "IV) LSG WORKSHOP - 7 marzo 2019"` },
  {
    city: 'torino',
    kind: 'capacityBuilding',
    description: 'Engage stakeholders outside the traditional circuits of social innovation.',
    topics: ['stakeholder engagement', 'outreach'],
    source: `${LJ42}, "IV) LSG WORKSHOP - 7 marzo 2019"`,
  },
];

export const urbinclusionLocalGroups: SeedLocalGroup[] = [
  {
    city: 'torino',
    name: 'Local Support Group (LSG) / Gruppo di Supporto Locale',
    stakeholders: [],
    setup:
      'In 2017, for BoostInno, Collective Action Groups were activated which then gave rise to the Local Support Group, with a participatory and co-design approach; it is the reference structure for URBinclusion too. The LSG met several times and held four workshops (section 4; section 4.2 describes five).',
    focus: 'Considerations raised in the LSG meetings are collected as indications for developing Torino\'s Implementation Plan (section 4.3).',
    compositionNote:
      'The document does not list the LSG members. It names people whose contributions it quotes (Antonino Calvano, Daniela Patti, Christian Iaione, Roberto Arnaudo, Gianfranco Presutti, Fabrizio Barbiero) without their organisations, and the organisations that presented at the Turin-Baltimore workshop.',
    source: 'doc 003, sections 2.1, 4 and 4.3',
  },
];

// ------------------------------------------------------------------ implementation framework


export const torinoImplementationFramework: SeedImplementationFramework = {
  key: 'torino-oif-urbinclusion',
  city: 'torino',
  network: 'urbinclusion',
  title: 'Operational Implementation Framework – Torino',
  pillars: [
    { name: 'Creation and implementation of community welfare', description: 'Activate citizen participation, co-design and co-management of services, increase the impacts on citizens.' },
    { name: 'Reciprocity', description: 'Overcome the traditional attitude of dependence on aid, so that every citizen is actively responsible and on a path to social and work reintegration.' },
    { name: 'Generative process', description: 'The interaction among the actors involved creates new relations and new models of economic and social development, which are a shared value.' },
    { name: 'Financial sustainability', description: 'The new services should become self-sustaining in the long term.' },
    { name: 'Proximity', description: 'The new services must be located close to citizens, in the same territory.' },
  ],
  objectives: [
    'Trigger urban community welfare processes that allow sustainable social impact in disadvantaged areas.',
    'Encourage the projects of urban communities to produce new ideas to tackle urban challenges.',
    'Strengthen the role of citizens in the co-management of urban commons, to strengthen a real sense of belonging to the community and promote social cohesion.',
    'Stimulate the active participation of civil society through new collaborative forms of dialogue and innovative forms of relation with the P.A.',
  ],
  actions: [
    {
      key: 'torino-social-factory',
      title: 'Torino Social Factory',
      programme: 'PON METRO 3.3.1 A',
      subActions: [
        { title: 'Mentoring and coaching activities', programme: 'PON METRO 3.3.1 A' },
        { title: 'Activation of social innovation services', programme: 'PON METRO 3.3.1 C' },
      ],
    },
    { key: 'civic-crowdfunding-service', title: 'Crowdfunding - Civic Crowdfunding Service', programme: 'PON METRO 3.3.1 B' },
    { key: 'co-city', title: 'Co-City', programme: 'Urban Innovative Action' },
    {
      key: 'axto',
      title: 'AxTO',
      subActions: [
        { title: 'Testing innovative solutions', programme: 'PON METRO 3.03' },
        { title: 'Living lab on collaborative and circular economy', programme: 'PON METRO 3.02' },
        { title: 'Grant for cultural and social innovative projects', programme: 'PON METRO 4.01' },
      ],
    },
    { key: 'wegovnow', title: 'WeGovNow', programme: 'Horizon 2020 project' },
  ],
  challenges: [
    { text: 'Civic engagement', projects: ['Mentoring and coaching activities PON METRO'] },
    { text: 'Collaborative services activation', projects: ['Mentoring and coaching activities PON METRO'] },
    { text: 'New forms of funding for social projects', projects: ['Civic Crowdfunding PON METRO'] },
    { text: 'Experimentation of solutions for social innovation in peripheral areas', projects: ['AxTO testing'] },
    { text: 'Innovative social and cultural planning for urban regeneration of peripheral areas', projects: ['AxTO testing'] },
    { text: 'New models of public-private collaboration in the management of common goods', projects: ['Co-City'] },
    { text: 'Facilitate citizen involvement', projects: ['Co-City', 'WeGovNow'] },
    { text: 'Definition of a new model of co-design and co-management of public space', projects: ['Co-City', 'WeGovNow'] },
  ],
  obstacles: [
    'Economic sustainability vs. social impact (financial innovation)',
    'How to activate services (from strategy to implementation)',
    'Legal issues on shared risk management',
    'Management of commercial services within social projects',
    'Internal organization of the P.A. offices',
  ],
  waysToOvercome: [
    {
      obstacle: 'From strategy to implementation',
      measures: [
        { text: 'Definition of a shared vision ("collaborative city") characterized by social innovation practices based on general guidelines: overcoming diversity, creating social commons and opening to active participation - Collaboration pacts', project: 'Co-City' },
        { text: "Prepare a flexible and integrated 'toolbox' to support innovative initiatives proposed by the urban community" },
        { text: 'Activate and test public-private collaboration agreements', project: 'Co-City' },
        { text: 'Citizens involvement', project: 'Co-City' },
        { text: 'Proposal of a permanent front office located in highly critical urban areas', project: 'AxTO' },
      ],
    },
    {
      obstacle: 'Legal issues on shared risk management',
      measures: [
        { text: 'Comparison with other experiences at international level', project: 'Co-City' },
        { text: 'Involvement of the University of Turin', project: 'Co-City' },
        { text: 'Reflections with experts from different offices of the city and experts in legal matters', project: 'Co-City' },
        { text: 'Testing new types of contracts aimed at overcoming the rigidity of existing instruments', project: 'Co-City' },
      ],
    },
    {
      obstacle: 'Internal organization of the offices of the PA',
      measures: [
        { text: 'Reorganization of offices', project: 'Co-City' },
        { text: 'Discussion in the workshops with the LSG', project: 'Co-City' },
      ],
    },
    {
      obstacle: 'Financial innovation (Crowdfunding academy, Public-private partnership, Blockchain for Social Good)',
      measures: [
        { text: 'Participation to European funding calls' },
        { text: 'Integration of different funding sources' },
        { text: 'Definition of the correct balance between costs and impact', project: 'Mentoring and coaching activities PON METRO 3.3.1 C' },
        { text: 'Cultural divide between private (market) and third sector (from strategy to implementation)', project: 'Civic Crowdfunding - PON METRO' },
        { text: 'Cultural divide between Civic Crowdfunding users and trainers', project: 'PON METRO' },
        { text: 'Long timescales for the activation of the Civic Crowdfunding project', project: 'PON METRO' },
        { text: 'Deepen the social impact assessment for a better project management' },
      ],
    },
  ],
  swot: {
    strengths: ['Rich ecosystem', 'Solid tradition of the third sector', 'Long experience in social policies', 'Historical vocation to entrepreneurship'],
    weaknesses: ['Unemployment', 'Lack of integration', 'Lack of public funds', 'Rigidity of public tender procedures'],
    opportunities: [
      'Density of technological skills in the area',
      'Important presence of social impact-oriented investors',
      "Adoption of the 'open innovation' methodology",
      'Solutions directly proposed by local communities to meet their own needs',
    ],
    threats: ['Regulatory vacuum on shared services responsibility', 'Economic sustainability of projects in the long term'],
  },
  insights: [
    {
      lesson: 'To mitigate risk within the public-private partnership, counter-performances can be modulated to reach a balance of mutual burdens and rights; the Public Administration can also contribute financially when the risk of the activity varies for reasons not attributable to the operator.',
      theme: 'public-private partnership',
      author: 'Antonino Calvano',
    },
    {
      lesson: 'The three fundamental questions for those working in the third sector are the economic model, access to capital for the initial real-estate investment together with sustainable business plans for management, and the choice of organisational and legal form. We cannot rely only on public administrations and need to broaden our horizons, e.g. Community Land Trust.',
      theme: 'public-private partnership',
      author: 'Daniela Patti',
    },
    {
      lesson: 'Social value should no longer be produced by the administration alone but with other actors, beyond the public-private pair: co-governance (recognised in the Pact of Amsterdam) means extended partnerships with local communities, social actors, research centres and culture. Procurement should be understood as a form of partnership: in a tender the risk stays with the administration, in other partnership formulas it is shared. Atypical (experimental) forms need the P.A. to make full use of non-authoritative administrative action, and public tender procedures, while transparent, must allow some discretion for them.',
      theme: 'public-private partnership',
      author: 'Christian Iaione',
    },
    {
      lesson: 'A single evaluation model is hard to identify: management bodies and partners are very different and multifunctional and territories are not homogeneous, so one method risks losing significant data. A model of indicators allowing comparison with different actors and models is needed; impact evaluation gives more structured information, more informed decisions and the ability to present experiences at supranational level.',
      theme: 'monitoring and evaluation',
      author: 'Roberto Arnaudo',
    },
    {
      lesson: 'Torino can trigger a path that should spread by the end of 2019 to other Italian and European cities (Torino – Firenze – URBACT network), up to the final CoCity event in February 2020, where the Commission should take up the project\'s inputs.',
      theme: 'future perspectives, replicability, knowledge transfer',
      author: 'Christian Iaione',
    },
    {
      lesson: 'Bureaucrats focus on how to do things more than on what to do; a kind of "open source" of administrative acts would help share good implementation practices.',
      theme: 'future perspectives, replicability, knowledge transfer',
      author: 'Gianfranco Presutti',
    },
    {
      lesson: 'The Local Support Group could evolve into a kind of training school on social innovation.',
      theme: 'future perspectives, replicability, knowledge transfer',
      author: 'Fabrizio Barbiero',
    },
  ],
  openChallenges: [
    'Developing innovative services to tackle local social problems while keeping long-term sustainability through citizen involvement.',
    'Supporting community welfare, creating open communities of residents and local actors that promote active citizenship and give effective answers to local challenges.',
    'Activating generative processes of social innovation to respond to the social needs of disadvantaged areas and reduce social exclusion.',
  ],
  solutions: [
    'Collaborative services',
    'Co-management',
    'Financial self-sufficiency of the implemented initiatives',
    'Enabling the public role in involving private actors',
    'Social impact assessment',
  ],
  funding: [
    { project: 'PON Metro 2014-2020 axis 3 – experimental social innovation services (3.3.1A)', programme: 'PON METRO 2014-2020', amountEur: 1_285_000, amountKind: 'total', source: 'doc 003, section 2.2' },
    { project: 'PON Metro 2014-2020 axis 3 – civic crowdfunding platform (3.3.1B)', programme: 'PON METRO 2014-2020', amountEur: 45_000, amountKind: 'total', source: 'doc 003, section 2.2' },
    { project: 'PON Metro 2014-2020 axis 3 – accompaniment, coaching and training (3.3.1C)', programme: 'PON METRO 2014-2020', amountEur: 140_250, amountKind: 'total', source: 'doc 003, section 2.2' },
    { project: 'Torino Social Factory grants', programme: 'PON Metro Torino', amountEur: 140_000, amountKind: 'maxPerBeneficiary', note: 'Non-repayable grants from 50.000 to 140.000 €, covering 80% of the investment; 12 of 25 projects admitted.', source: 'doc 003, section 2.2' },
    { project: 'Co-City', fund: 'UIA', programme: 'Urban Innovative Actions', amountEur: 4_100_000, amountKind: 'total', note: '4.100.000€ from the European Union.', source: 'doc 003, section 2.2' },
    { project: 'Co-City', fund: 'other', programme: 'Local partners co-financing', amountEur: 1_000_000, amountKind: 'coFinancing', source: 'doc 003, section 2.2' },
    { project: 'AxTO 2017-2019', fund: 'national', amountEur: 40_000_000, amountKind: 'total', note: '44 actions through 235 interventions in the suburbs.', source: 'doc 003, section 2.2' },
    { project: 'AxTO Testing grants', fund: 'national', programme: 'AxTO', amountEur: 20_000, amountKind: 'maxPerBeneficiary', note: 'From 10.000 to 20.000 € with 25% co-financing, projects of at most 12 months.', source: 'doc 003, section 2.2' },
  ],
  monitoring: {
    name: 'GO.IN SUSTAINABLE CITY',
    description:
      'An analysis, evaluation and monitoring system for urban regeneration programmes, to improve their environmental, social and economic profile; the pilot with the City of Torino aims at an evaluation system for the impacts and benefits of hard and social infrastructure, based on a structured set of criteria.',
    objectives: [
      'Identify programmes already under way and monitor their progress (AxTO, PON Metro, CoCity).',
      'Support the public administration in increasing transparency, accountability and stakeholder involvement through a policy evaluation system.',
      "Start a pilot case to test the strategic support and monitoring tool, built specifically on Torino's social innovation ecosystem.",
    ],
    instruments: [
      'A matrix of guidelines to improve the sustainability performance of the programme actions and to support later planning phases',
      'A set of process and performance indicators, in line with the guidelines',
    ],
    indicators: [],
    status:
      'Developed in theory but not yet applied, because the timing of activities and of the available funds diverged: the monitoring project was accepted informally by the funder but not yet formally approved. The systematic lack of resources for monitoring and impact evaluation is recognised as critical and recurrent.',
    source: 'doc 003, section 3.2 "Monitoraggio"',
  },
  source: 'doc 003, sections 2.3, 3.1, 3.2, 4.3, 4.4 and EN Version 1.2-1.4',
};

// ------------------------------------------------------------------ the network

export const urbinclusion: SeedNetwork = {
  key: 'urbinclusion',
  name: 'URBinclusion',
  kind: 'implementation',
  theme:
    'Implementation of new solutions to reduce poverty in deprived urban areas: a network of 8 cities addressing social inclusion through integrated strategies, moving from a strategy to an operational action plan.',
  topics: [
    'social inclusion',
    'urban poverty',
    'deprived areas',
    'integrated approach',
    'territorial (area-based) approach',
    'implementation',
  ],
  // No start or end date in doc 003 ("During the two years of the project").
  datesAsWritten: 'during the two years of the project (doc 003, EN 1.4)',
  partnerCountStated: 8,
  cities: [
    cities.torino,
    cities.copenhagen,
    cities.lyon,
    cities.krakow,
    cities.glasgow,
    cities.naples,
    cities.trikala,
    cities.barcelona,
    cities.baltimore,
  ],
  // Doc 003 says "una rete di 8 città" and names 8 cities hosting the learning journey's meetings
  // (Copenhagen, Lyon, Krakow, Glasgow, Torino, Naples, Trikala, Barcelona): the 8 partners, an
  // inference the document does not state in so many words (docs/demo.md). It does not say which
  // city is Lead Partner, nor which partner was new to URBACT.
  partners: [
    { city: 'torino', organisation: 'Città di Torino' },
    { city: 'copenhagen' },
    { city: 'lyon' },
    { city: 'krakow' },
    { city: 'glasgow' },
    { city: 'naples' },
    { city: 'trikala' },
    { city: 'barcelona' },
  ],
  meetings: urbinclusionMeetings,
  needs: urbinclusionNeeds,
  practices: urbinclusionPractices,
  localGroups: urbinclusionLocalGroups,
  learnings: urbinclusionLearnings,
  challenges: [
    { city: 'torino', text: 'A new model of public policies in the field of social inclusion, and the passage from a strategy to an operational action plan (the challenges identified for the project).', source: 'doc 003, section 1.1' },
    { city: 'torino', text: 'Guarantee the integrated approach in implementing the strategy; keep local stakeholders involved and organise decision-making for implementation; move from an integrated urban strategy to operational action plans; set up public-private partnerships for implementation.', source: 'doc 003, section 3.1' },
  ],
  notes: [
    'Each partner city defines an Implementation Plan (IP) and keeps an Operational Implementation Framework (OIF), a local log-book of the challenges, the approach and what was learnt (doc 003, section 1.1).',
    'The meetings were hosted by Copenhagen, Lyon, Krakow, Glasgow, Torino, Naples, Trikala and Barcelona (8 cities, as many as the network counts); the document does not say they are the partners, and they are recorded as its 8 partners by that inference (docs/demo.md).',
    'Doc 003 dates the Co-City commons regulation both "nel febbraio 2016" and "gennaio del 2016".',
    'Torino Social Innovation ran 2012-2016 (FaciliTO giovani: 150 hires; beneficiaries were digital start-ups, cooperatives excluded) (doc 003, section 1.2).',
  ],
  source: 'doc 003 (Torino Operational Implementation Framework, Italian and EN version)',
};
