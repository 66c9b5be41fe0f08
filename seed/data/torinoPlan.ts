import type { SeedAction, SeedActionPlan, SeedPlanCluster } from './types.js';

/**
 * Torino's Integrated Action Plan from BoostInno: "Torino Social Impact".
 * Sources: doc 001 (the plan itself: clusters, action descriptions, TIMELINE page with
 * the phase of each action and "TOTAL ACTIONS: n° 39") and doc 000 (endorsement,
 * implementation, ESF/ERDF figures). Doc 003 (URBinclusion) adds PON Metro, Co-City and
 * AxTO figures for actions that are also in the URBinclusion implementation plan.
 *
 * Phases: the TIMELINE page has three columns "IDEATION PHASE / DESIGN PHASE /
 * REALIZATION PHASE" with totals "n°3 n°10 n°26"; its lists are numbered 1-3, 1-10 and
 * 1-26. `timelineNumber` is the number in that list.
 *
 * Clusters: each cluster section of doc 001 opens with the working group's text and is
 * labelled "1_" ... "5_"; actions belong to the section whose pages describe them.
 * Count: doc 001 lists 39 actions (3 + 10 + 26) and states "TOTAL ACTIONS: n° 39";
 * doc 000 speaks instead of "its 37 original actions".
 */

const D1 = 'doc 001';
const TIMELINE = 'doc 001, TIMELINE page';

export const torinoPlanClusters: SeedPlanCluster[] = [
  {
    key: 'challenges-and-tools',
    number: 1,
    title: 'Challenges and tools for social innovation',
    description:
      'The working group discussed about the key social challenges of Turin by pointing those strategies able to face these criticalities, and the necessity of actions designed to rebuild relations and interactions among the different sections of the population, sharing and care. Unemployment, housing, purchasing power, integration and suburban areas are some of the points to discuss on.',
    source: `${D1}, section "1_Challenges and tools for social innovation"`,
  },
  {
    key: 'collective-actions',
    number: 2,
    title: 'Collective actions',
    description:
      "The working group discussed about how to deploy actions to capitalise city assets in order to share their value with the community of innovators and spark new bottom up initiatives, e.g. reuse of public spaces: mapping available public spaces, calls for ideas for reuse, support to build service and business models and seed funding, temporary reuse to experiment new management and PPP models.",
    source: `${D1}, section "2_Collective actions"`,
  },
  {
    key: 'engagement-and-capacity-building',
    number: 3,
    title: 'Engagement and capacity building',
    description:
      'How to include technological knowhow in the territorial capacity aimed at developing social innovations. Three main sectors identify the relevant target actions as community-based: knowledge communities, creative communities and policy-making communities.',
    source: `${D1}, section "3_Engagement and capacity building"`,
  },
  {
    key: 'civic-technologies',
    number: 4,
    title: 'Civic technologies',
    description:
      'Enabling technologies are a driver for digital social innovation. The city intends to deploy its infrastructure of sensors and the data captured through them: Turin as a "trial city" and a "digital native city" with easy access to open data and infrastructures.',
    source: `${D1}, section "4_Civic Technologies"`,
  },
  {
    key: 'finance-and-impact-assessment',
    number: 5,
    title: 'Finance and impact assessment',
    description:
      'Impact finance needs a shared approach for measuring the impact as well as an independent third party evaluation; a Competence Centre specialised in social impact measurement and evaluation will be established at the Chamber of commerce of Turin.',
    source: `${D1}, section "5_Finance and impact assessment"`,
  },
];

export const torinoPlanActions: SeedAction[] = [
  // ------------------------------------------------ IDEATION PHASE (n°3)
  {
    key: 'turin-beacons-network',
    timelineNumber: 1,
    title: 'Turin Beacons Network project',
    titleVariants: ['Beacons Network project'],
    cluster: 'civic-technologies',
    phase: 'ideation',
    promoter: 'Avip Italia',
    summary:
      'Beacons technology allowing citizens to receive addressed and localized information according to their needs and interests throughout the city; during the testing phase 500 beacons will be installed on street furniture (Bluetooth Low Energy). Free service for the City of Turin and citizens.',
    funding: [
      {
        fund: 'private',
        programme: 'Avip Italia',
        note: 'Avip Italia bears the costs of the testing phase and raises funding for the continuation of the project through the exclusive commercial use of beacons in proximity marketing. No amount given.',
        source: `${D1}, "Beacons Network project"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, "Beacons Network project" (section 4)`,
  },
  {
    key: 'investment-readiness-capacity-building',
    timelineNumber: 2,
    title: 'Capacity building actions for the investment readiness',
    titleVariants: ['Capacity building actions for the investment readiness and guidance to the financial instruments of social impact'],
    cluster: 'finance-and-impact-assessment',
    phase: 'ideation',
    summary:
      'Capacity building and investment readiness initiatives to support social enterprises in making financial modelling and detailed market research in order to produce credible business plans that will stand up to investor scrutiny, and to build a strong investment opportunity pipeline.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 5`,
  },
  {
    key: 'roadshow-promoting-tsi',
    timelineNumber: 3,
    title: 'Roadshow promoting TSI',
    titleVariants: ['Roadshow promoting TSI involving the main actors in the National and International financial landscape'],
    cluster: 'finance-and-impact-assessment',
    phase: 'ideation',
    summary:
      'A Roadshow promoting Torino Social Impact is foreseen, to attract the best players and position TSI as the favourite ecosystem for enterprise growth with social impact and for finance and investment with social impact.',
    funding: [],
    dateAsWritten: 'In June 2018 a first event will take place.',
    source: `${TIMELINE}; ${D1}, section 5`,
  },

  // ------------------------------------------------ DESIGN PHASE (n°10)
  {
    key: 'torino-family-friendly',
    timelineNumber: 1,
    title: 'Torino Family Friendly',
    cluster: 'challenges-and-tools',
    phase: 'design',
    promoter: 'Cooperativa Animazione Valdocco',
    summary:
      'Activating a platform and the Torino Family Friendly brand to qualify and promote an integrated family friendly service market providing opportunities, information and services to families, and mutual support initiatives (mobility, homework) for work-life balance.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'chief-social-innovation-officer',
    timelineNumber: 2,
    title: 'Chief Social Innovation Officer',
    cluster: 'engagement-and-capacity-building',
    phase: 'design',
    promoter: 'Fondazione Giacomo Brodolini',
    summary:
      'Pilot programme at Open Incet to train Chief Social Innovation Officers (CSIO): joint training of young talents and third sector representatives willing to test social innovation service models, with mentoring and peer learning sessions.',
    funding: [
      {
        fund: 'private',
        programme: 'Grant of Compagnia di San Paolo Foundation',
        source: `${D1}, "Chief Social Innovation Officer"`,
      },
    ],
    dateAsWritten: 'launches (fall 2018)',
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'broker-of-innovation',
    timelineNumber: 3,
    title: 'Broker of innovation',
    cluster: 'engagement-and-capacity-building',
    phase: 'design',
    summary:
      'Services supporting change and conversion processes of companies in difficulties or failing companies: assistance to the Public Administration, identifying companies with high potential of conversion, reviewing business models and plans, new products, upskilling the workforce.',
    funding: [
      {
        note: 'The financial scheme foresees services in change of equity and a financial institutes contribution in the phase of refinancing. No amount given.',
        source: `${D1}, "Broker of innovation"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'collegno-care-and-safety',
    timelineNumber: 4,
    title: 'Collegno: care and safety',
    cluster: 'challenges-and-tools',
    phase: 'design',
    summary:
      'Implemented for improving safety of aged people in Collegno: a set of suggestions provided to the population to face with an increased awareness the risk exposure.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'junior-achievement-italia',
    timelineNumber: 5,
    title: 'Junior Achievement Italia',
    cluster: 'engagement-and-capacity-building',
    phase: 'design',
    promoter: 'Junior Achievement Italia (JAI), working in Turin through 2i3t',
    summary:
      'JAI delivers training courses for becoming entrepreneurs in middle and high schools; the idea is to bring to Turin the course on social entrepreneurship developed by JA Europe.',
    funding: [{ fund: 'other', programme: 'Self-financed', note: 'This action is self-financed.', source: `${D1}, "Junior Achievement Italia"` }],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'training-path-to-internationalization',
    timelineNumber: 6,
    title: 'Training path to internationalization',
    cluster: 'engagement-and-capacity-building',
    phase: 'design',
    promoter: 'Rokivo',
    summary:
      'Training and mentoring path for start-ups willing to get into the US market and improve their capacity to generate social impact; an open call selects three start-ups, connected with possible US brokers of innovation/investors/partners through Rokivo\'s San Francisco office.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'entrepreneurship-training-disadvantaged',
    timelineNumber: 7,
    title: 'Entrepreneurship training to disadvantaged people',
    cluster: 'engagement-and-capacity-building',
    phase: 'design',
    promoter: 'The Doers',
    summary:
      'Training path based on the "Fromideatoaction" model to introduce to entrepreneurship those outside or hardly getting into the job market.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'observatory-on-blockchain',
    timelineNumber: 8,
    title: 'Observatory on Blockchain',
    cluster: 'civic-technologies',
    phase: 'design',
    summary:
      'Transform Turin in the Italian hub of Blockchain for social goods: identify Blockchain solutions for social goods developed in Italy, support their testing and scale-up, create a cluster of such solutions and involve the Blockchain community.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'torino-city-lab',
    timelineNumber: 9,
    title: 'TorinoCityLab',
    titleVariants: ['Torino City Lab'],
    cluster: 'civic-technologies',
    phase: 'design',
    promoter: 'City of Turin',
    summary:
      'Evolution of the city\'s Living Labs ("Living Lab Campidoglio" 2016-2017 ended; "Living Lab Mobile Payment", "Living Lab IoT and IoD" and "Living Lab AxTO" ongoing) towards "Torino City Lab", a permanent testing laboratory for frontier innovations.',
    funding: [
      {
        fund: 'private',
        note: 'The business model is under development and is based on the use of private capitals. No amount given.',
        source: `${D1}, "TorinoCityLab"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'competency-centre-social-impact-measurement',
    timelineNumber: 10,
    title: 'Competency Centre on Social Impact Measurement',
    titleVariants: ['Competence Centre specialised in social impact measurement and evaluation'],
    cluster: 'finance-and-impact-assessment',
    phase: 'design',
    promoter: 'Turin Chamber of commerce',
    summary:
      'Information, orientation and training activities for social enterprises to strengthen their competences and support them implementing assessment processes; identification and sharing of best practices for social impact measurement.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 5`,
  },

  // ------------------------------------------------ REALIZATION PHASE (n°26)
  {
    key: 'innovaction-schools',
    timelineNumber: 1,
    title: 'InnovAction Schools',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'SocialFare',
    summary:
      'Model of Vocational Education and Training developed by SocialFare: a knowledge acceleration programme based on experiential learning, supporting secondary schools in innovating methods, contents and tools and strengthening students\' soft skills.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'foundamenta',
    timelineNumber: 2,
    title: 'Foundamenta',
    titleVariants: ['Fundamenta'],
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'SocialFare',
    summary:
      'The Italian call for business ideas and startups with a social impact (welfare, healthcare, education, cultural heritage, circular economy, food & agriculture): 4 months of full-time acceleration with mentors and co-working space.',
    funding: [
      {
        amountEur: 50_000,
        amountKind: 'maxPerBeneficiary',
        note: 'Funding up to 50K€ cash in exchange for 7% equity (per selected startup).',
        source: `${D1}, "Foundamenta"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'axto-3-03',
    timelineNumber: 3,
    title: 'AxTO 3.03',
    titleVariants: ['AxTO 3.03 – social innovation testing', 'AxTO Testing'],
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'City of Turin',
    summary:
      'Public call for proposals to encourage testing of social innovation in suburban areas: new services integrating ICT applications for social inclusion, job placement and/or regeneration of areas at risk of deprivation.',
    funding: [
      { amountEur: 20_000, amountKind: 'maxPerBeneficiary', note: 'Grants up to 20.000 Euros to non-profit organizations.', source: `${D1}, "AxTO 3.03"` },
      { amountEur: 200_000, amountKind: 'callTotal', note: 'The total budget of the call is € 200.000.', source: `${D1}, "AxTO 3.03"` },
      {
        fund: 'national',
        programme: 'AxTO – Azioni per le Periferie Torinesi (call for the regeneration and security of urban suburbs, Italian Presidency of the Council of Ministers)',
        amountEur: 40_000_000,
        amountKind: 'total',
        note: 'Budget of the whole AxTO programme (44 actions, 235 interventions, 2017-2019), financed with national funds; AxTO Testing gives 10.000 to 20.000 € with 25% co-financing.',
        source: 'doc 003, section 2.2 "AxTO 2017-2019"',
      },
    ],
    source: `${TIMELINE}; ${D1}, section 1; doc 003, section 2.2`,
  },
  {
    key: 'cultural-observatory-of-piedmont',
    timelineNumber: 4,
    title: 'Cultural Observatory Of Piedmont (OCP)',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    partners: [
      'Piedmont Region',
      'City of Turin',
      'Compagnia di San Paolo Foundation',
      'CRT Foundation',
      'Fitzcarraldo Foundation',
      'Turin Chamber of Commerce',
      'Italian Association of Spectacle (AGIS)',
      'Institution of Socio-Economic Research (IRES)',
    ],
    summary:
      'Structured and independent monitoring and evaluation system on culture investments, created at the end of the 1900s: research, advice and assistance for decision makers and stakeholders of the cultural sector.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'observatory-new-forms-social-entrepreneurship',
    timelineNumber: 5,
    title: 'Observatory of New Forms of Social Entrepreneurship',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'Chamber of commerce of Turin',
    summary:
      'Monitoring the transformation of entrepreneurial activities of the third sector: taxonomy of forms of social entrepreneurship on a metropolitan scale, qualitative analysis of emerging models, mapping networks, reports and studies.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'art-doors',
    timelineNumber: 6,
    title: 'Art Doors',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'City and Province of Turin; realized by Fondazione Contrada Torino',
    summary:
      'International call targeting artists to find creative solutions for the doors of the city, to regenerate suburban areas through contemporary culture and arts.',
    funding: [
      {
        programme: 'Plan for contemporary Arts launched by the Italian Ministry of Cultural Heritage and Tourism',
        note: 'The document gives the context programme but no amount and does not say that the Ministry funds it.',
        source: `${D1}, "Art Doors"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'art-in-barriera',
    timelineNumber: 7,
    title: 'Art in Barriera',
    titleVariants: ['B. Art'],
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'Sponsored by the City of Turin and the Urban Barriera Committee; organised by Fondazione Contrada Torino',
    summary:
      'Part of the programme Urban Barriera di Milano: the international call B. Art asked artists, graphic designers and architects to design and create works on 13 blank walls on public and private buildings in Barriera di Milano.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'connected-city',
    timelineNumber: 8,
    title: 'Connected City',
    titleVariants: ['ConnectedCity'],
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'Talent Garden',
    summary:
      '6-month open innovation program connecting cities, corporates and innovators to identify and prototype impactful projects based on data and technologies; four phases (engage, explore, boost, share).',
    funding: [],
    startDate: '2018-06-06',
    dateAsWritten: 'will be launched by Talent Garden on 6th June 2018',
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'torino-lab-tsc',
    timelineNumber: 9,
    title: 'TorinoLabTSC',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    summary:
      'Annual training-intervention activity in the neighbourhoods of Turin following the methodology of Teatro Sociale e di Comunità (TSC), involving third sector professionals, young cultural operators, citizens of suburban areas and non-profits.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'co-city',
    timelineNumber: 10,
    title: 'Co-City',
    titleVariants: ['CO-CITY', 'CoCity'],
    cluster: 'collective-actions',
    phase: 'realisation',
    promoter: 'City of Turin',
    summary:
      'Urban Innovative Actions project: co-management of common goods through collaboration between citizens and the local authority; the Pact of Collaboration is the tool by which the City and active citizens agree co-design and co-management of urban commons.',
    funding: [
      {
        fund: 'UIA',
        programme: 'Urban Innovative Actions (ERDF)',
        amountEur: 4_100_000,
        amountKind: 'total',
        note: 'Doc 000: "received € 4.1 million of ERDF money"; doc 003: "4.100.000€ da parte dell\'Unione Europea".',
        source: 'doc 000, "When Integrated Action Plans trigger real change"; doc 003, section 2.2',
      },
      {
        fund: 'other',
        programme: 'Local partners co-financing',
        amountEur: 1_000_000,
        amountKind: 'coFinancing',
        source: 'doc 003, section 2.2 ("co-finanziamento di 1.000.000€ dei partner locali")',
      },
    ],
    dateAsWritten: 'launched in March 2017 (doc 000); "Urban Innovative Action CO-CITY 2016-2019" (doc 003)',
    note: 'Co-City later became the URBACT UIA Transfer Mechanism pilot CO4CITIES (doc 000).',
    source: `${TIMELINE}; ${D1}, section 2; doc 000; doc 003, section 2.2`,
  },
  {
    key: 'seed-2018',
    timelineNumber: 11,
    title: 'SEED 2018 _ Social Enterprises - Efficiency & Development',
    cluster: 'challenges-and-tools',
    phase: 'realisation',
    promoter: 'Compagnia di San Paolo',
    summary:
      'Call helping social cooperatives of the Metropolitan City of Turin and the province of Alessandria to start innovation processes, in two stages (call for ideas with needs analysis; implementation of an organisational and strategic reinforcement plan), to become investment ready.',
    funding: [
      {
        fund: 'private',
        programme: 'Compagnia di San Paolo',
        note: 'The call provides resources to social enterprises; no amount given.',
        source: `${D1}, "SEED 2018"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 1`,
  },
  {
    key: 'torino-social-factory',
    timelineNumber: 12,
    title: 'Torino Social Factory',
    cluster: 'collective-actions',
    phase: 'realisation',
    promoter: 'City of Turin (PON Metro Torino)',
    summary:
      'Supports social innovation projects promoted by the third sector in suburban areas with high socio-economic criticality: a path developing the technical and economic feasibility of 25 ideas, then grants to turn them into services; 12 of the 25 projects were admitted to funding (doc 003).',
    funding: [
      {
        fund: 'ESF',
        programme: 'European Social Fund',
        amountEur: 1_500_000,
        amountKind: 'total',
        note: 'Doc 000: "Torino received € 1.5 million from the European Social Fund (ESF) to deliver the \'Torino Social Factory\'".',
        source: 'doc 000, "When Integrated Action Plans trigger real change"',
      },
      {
        programme: 'PON Metro Torino',
        amountEur: 140_000,
        amountKind: 'maxPerBeneficiary',
        note: 'Grants up to 140.000 Euros (doc 001); doc 003: non-repayable grant from 50.000 to 140.000 € covering 80% of the investment.',
        source: `${D1}, "Torino Social Factory"; doc 003, section 2.2`,
      },
      {
        programme: 'PON Metro 2014-2020, axis 3, action 3.3.1A (experimental social innovation services)',
        amountEur: 1_285_000,
        amountKind: 'total',
        source: 'doc 003, section 2.2',
      },
      {
        programme: 'PON Metro 2014-2020, axis 3, action 3.3.1C (accompaniment, coaching and training)',
        amountEur: 140_250,
        amountKind: 'total',
        source: 'doc 003, section 2.2',
      },
    ],
    links: ['www.torinosocialfactory.it'],
    source: `${TIMELINE}; ${D1}, section 2; doc 000; doc 003, section 2.2`,
  },
  {
    key: 'fabene',
    timelineNumber: 13,
    title: 'FaBene',
    titleVariants: ['Fa Bene'],
    cluster: 'collective-actions',
    phase: 'realisation',
    promoter: 'S-Nodi and Liberitutti',
    summary:
      'Collecting unsold food surpluses and spontaneous donations in local markets and redistributing them to families in economic difficulties, who in exchange provide services for the community (culture of reciprocity, generative welfare).',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 2`,
  },
  {
    key: 'progireg',
    timelineNumber: 14,
    title: 'ProGiReg',
    titleVariants: ['proGIreg', 'Progireg'],
    cluster: 'collective-actions',
    phase: 'realisation',
    promoter: 'City of Turin (partner)',
    summary:
      'Environmental and socioeconomic recovery of post-industrial urban areas through nature based solutions: natural, agronomical and social regeneration of Mirafiori Sud (new soil, collective agriculture, green roofs and walls), with civil society in "collective actions".',
    funding: [
      {
        fund: 'other',
        programme: 'Horizon 2020',
        amountEur: 890_500,
        amountKind: 'cityShare',
        note: 'The City of Turin budget is 890.500 Euros.',
        source: `${D1}, "ProGiReg"`,
      },
    ],
    dateAsWritten: 'starting at June 2018 and lasting for 5 years',
    source: `${TIMELINE}; ${D1}, section 2`,
  },
  {
    key: 'social-crowdfunding-academy',
    timelineNumber: 15,
    title: 'Social Crowdfunding Academy',
    titleVariants: ['Civic Academy Crowdfunding', 'Civic Crowdfunding Academy', 'Civic Crowdfunding Service'],
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    promoter: 'City of Turin (coordinator), under PON Metro Torino 2014-2020',
    partners: ['Guanxi', 'Fondazione Giacomo Brodolini', 'STI-Jobonobo'],
    summary:
      'At the Open Innovation Center of Turin: support to innovative services and projects with high social impact through crowdfunding campaigns, and trainings and workshops for non-profit organizations on crowdfunding tools and techniques.',
    funding: [
      {
        programme: 'Structural Funds (PON Metro Torino 2014-2020)',
        amountEur: 44_000,
        amountKind: 'total',
        note: 'Doc 001: "financed under Structural Funds, with a bidding of €44.000".',
        source: `${D1}, "Social Crowdfunding Academy"`,
      },
      {
        fund: 'ESF',
        programme: 'European Social Fund',
        amountEur: 50_000,
        amountKind: 'total',
        note: 'Doc 000: "A further € 50.000 of ESF was also attracted to deliver the \'Civic Crowdfunding Academy\'". The documents disagree on the amount.',
        source: 'doc 000, "When Integrated Action Plans trigger real change"',
      },
      {
        programme: 'PON Metro 2014-2020, axis 3, action 3.3.1B (civic crowdfunding platform)',
        amountEur: 45_000,
        amountKind: 'total',
        note: 'Doc 003: 45.000€ for the development and animation of a civic crowdfunding platform.',
        source: 'doc 003, section 2.2',
      },
    ],
    source: `${TIMELINE}; ${D1}, section 3; doc 000; doc 003`,
  },
  {
    key: 'torino-city-of-learning',
    timelineNumber: 16,
    title: 'Torino City of Learning',
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    summary:
      'A skill open network digital and civic platform (City of Learning model) connecting recognition of digital skills, connection of experiences and a dynamic map of expertise, towards open networks for the recognition of competences and Open Badges.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'piedmont-innovation-prize',
    timelineNumber: 17,
    title: 'Piedmont Innovation Prize',
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    summary:
      'Prize for municipalities, unions of municipalities, Provinces, the Metropolitan City and social-welfare organizations of Piedmont, awarding projects that improve quality and efficiency of public service delivery.',
    funding: [],
    links: ['http://www.anci.piemonte.it/piemonteinnovazione'],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'open-innovation-summit',
    timelineNumber: 18,
    title: 'Open Innovation Summit',
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    promoter: 'Open Incet, the open innovation centre of Turin, developed with the City of Turin',
    summary:
      'Second edition of the Open Innovation Summit (OIS), "The Entrepreneurial City: strategies, policies and tools for competing in the global arena": an international event on cities\' entrepreneurial capacity.',
    funding: [],
    dateAsWritten: 'In September 2018 Open Incet ... will launch the second edition',
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'alpine-social-innovation-strategy',
    timelineNumber: 19,
    title: 'Alpine Social Innovation Strategy',
    titleVariants: ['ASIS'],
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    summary:
      'Project involving public and private actors of the Alpine Space region to increase innovation capacity: an innovative platform, a white book with recommendations for public actors, and trainings through a social innovation school in each interested region.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'iotorino',
    timelineNumber: 20,
    title: 'IoTorino',
    cluster: 'civic-technologies',
    phase: 'realisation',
    promoter: 'City of Turin',
    summary:
      'Technological infrastructures based on connectivity networks and sensors for data-driven management of policies and public services: Torino Living lab IoT testing, networks of sensors for mobility and safety, "IoT for Schools" in around 40 schools, IoT platforms and data governance tools, civic monitoring.',
    funding: [
      { fund: 'ERDF', programme: 'PON Metro 2014-2020 / Axis 1', source: `${D1}, "IoTorino"` },
      { programme: 'PON Governance 2014-2020 / Project Too(L)Smart', source: `${D1}, "IoTorino"` },
      { fund: 'other', programme: 'EC H2020 – Projects 5G EVE; Progireg', source: `${D1}, "IoTorino"` },
      { fund: 'private', programme: 'Compagnia di San Paolo – "Riconnessioni"; Torino Living Lab', source: `${D1}, "IoTorino"` },
    ],
    note: 'No amounts given. Doc 000 links the second UIA project To-Nite (€ 4.6 million ERDF) to this action\'s "installation of networks of sensors colleting environmental variables and developing public solutions in the field of mobility and safety".',
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'terract',
    timelineNumber: 21,
    title: 'TERRACT – The actors of the Earth',
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    summary:
      'Cultural innovation action in the cross-border alpine space of Turin, Cuneo and Nice: a higher learning course for 30 Italian and French young cultural operators, two summer theatre events involving 120 young people, and knowledge sharing; based on the Teatro Sociale e di Comunità methodology.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 3`,
  },
  {
    key: 'civic-tech-school',
    timelineNumber: 22,
    title: 'Civic Tech School',
    cluster: 'civic-technologies',
    phase: 'realisation',
    promoter: 'TOP-IX Consortium, Rena Association and Bruno Kessler Foundation School',
    summary:
      'Teaches how to use civic technologies to become agents of change with a multidisciplinary approach; 2 editions in Turin and one in Naples.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'wegovnow',
    timelineNumber: 23,
    title: 'WeGovNow',
    cluster: 'civic-technologies',
    phase: 'realisation',
    promoter: 'Consortium led by empirica; the City of Turin is one of three pilot sites',
    partners: [
      'City of Turin',
      'Municipality of San Donà di Piave',
      'empirica (lead partner)',
      'Fondazione Giacomo Brodolini',
      'Municipality of Southwark',
      'Mapping for Change',
      'Funka',
      'LiquidFeedback',
      'Polytechnic of Turin',
      'University of Turin',
      'University College London',
      'Universität Heidelberg',
    ],
    summary:
      'Horizon 2020 civic engagement platform (report local problems, discuss and vote, network, map, match offers and demand) tested in Turin on the co-design and co-management of Parco Dora and in AxTO; more than 8.000 subscriptions.',
    funding: [{ fund: 'other', programme: 'Horizon 2020', note: 'No amount given.', source: `${D1}, "WeGovNow"` }],
    source: `${TIMELINE}; ${D1}, section 4; doc 003, section 2.2`,
  },
  {
    key: 'deciditorino',
    timelineNumber: 24,
    title: 'Deciditorino',
    titleVariants: ['DecidiTorino'],
    cluster: 'civic-technologies',
    phase: 'realisation',
    promoter: 'City of Turin',
    summary:
      'Open governance platform where citizens upload inputs and project proposals; three sections (Debate, Proposal, Projects); proposals reaching a support threshold are checked for feasibility by the City, twice a year.',
    funding: [
      {
        programme: 'European Funds – PON Metro 2014-2020 Digital Agenda',
        note: 'No amount given.',
        source: `${D1}, "DecidiTorino"`,
      },
    ],
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'city-data',
    timelineNumber: 25,
    title: 'City data',
    cluster: 'civic-technologies',
    phase: 'realisation',
    promoter: 'City of Turin (interdisciplinary and transversal team created in 2017)',
    summary:
      'Collect, correlate and analyse big data in real time to improve the administration and services of the city; first step: choosing the technological platform and the analysis software.',
    funding: [],
    source: `${TIMELINE}; ${D1}, section 4`,
  },
  {
    key: 'innova-to',
    timelineNumber: 26,
    title: 'Innova.TO',
    titleVariants: ['Innova-TO', 'Inova To', 'InnovaTO-r'],
    cluster: 'engagement-and-capacity-building',
    phase: 'realisation',
    summary:
      'Collaborative "competition" among employees of the public administration for economically sustainable projects reducing waste and/or enhancing resources; a previous edition saw 71 projects. To be tested in other European public administrations through an URBACT Transfer Network.',
    funding: [],
    urbactGoodPractice: true,
    note: 'Doc 000: one of Torino\'s two URBACT Good Practice labels; it "later became the InnovaTO-r Transfer Network".',
    source: `${TIMELINE}; ${D1}, section 3; doc 000`,
  },
];

export const torinoPlan: SeedActionPlan = {
  key: 'torino-iap-boostinno',
  city: 'torino',
  network: 'boostinno',
  title: 'BoostInno Integrated Action Plan – Torino Social Impact',
  vision: [
    'Get Turin recognized as one of the best cities able to develop innovative projects with social impact both at national and international level.',
    'Make Turin one of the best ecosystems for entrepreneurship and investments with social impact and high technological level (Torino Social Impact Memorandum of Understanding).',
    'Develop in a participatory manner a metropolitan system able to detect opportunities for the development of activities with social impact.',
  ],
  focus:
    'How to harness the potential of social innovation in the city to benefit sustainable urban development, using five key entry points (doc 000).',
  clusters: torinoPlanClusters,
  actions: torinoPlanActions,
  actionCountStated: 39,
  endorsement: {
    endorsed: true,
    note: 'Doc 000 speaks of "the delivery and endorsement of its Integrated Action Plan" with the end of BoostInno in 2018, but gives no date and does not name the endorsing body. The operational plan was validated in a public event on 4 April 2018 (doc 001), which is not a council endorsement.',
    source: 'doc 000, "When Integrated Action Plans trigger real change on the ground"',
  },
  milestones: [
    { dateAsWritten: '2012', title: 'City of Torino launches the Torino Social Innovation platform', source: `${D1}, "Turin's ecosystem for social innovation"` },
    { date: '2017-11-30', dateAsWritten: 'TURIN 30 November 2017', title: 'Signature of the Torino Social Impact Memorandum of Understanding (by more than 50 organisations)', source: `${D1}, journey timeline and "The Turin Social Impact Memorandum of Understanding"` },
    { date: '2018-02-21', dateAsWritten: '21 February 2018', title: 'Torino Social Impact working tables at Open Incet', source: `${D1}, "Toward an operational plan"` },
    { date: '2018-04-04', dateAsWritten: '4 April 2018', title: 'Torino Social Impact Operational Plan validation at SocialFare (public event)', source: `${D1}, "Toward an operational plan"` },
    { month: '2018-06', dateAsWritten: 'June 2018', title: 'Torino Social Impact web platform ready', note: 'Planned: "The platform will be ready in June 2018".', source: `${D1}, "A new shared web platform to attract and disseminate"` },
  ],
  nextSteps: [
    { monthsAway: 2, steps: ["Publication of a White Paper and distribution through the ecosystem's actors", 'Public presentation of the LAP through an ad hoc event'], source: `${D1}, "Next steps"` },
    { monthsAway: 3, steps: ['Building energy and consensus for implementation around each cluster of actions by engaging relevant private actors'], source: `${D1}, "Next steps"` },
    {
      monthsAway: 4,
      steps: [
        'Supporting the implementation of each cluster of actions by developing the appropriate system conditions',
        'Monitoring progress of objectives and organise regular meetings with each group by implementing cluster activities',
      ],
      source: `${D1}, "Next steps"`,
    },
    { monthsAway: 12, steps: ['Providing visibility for results and incentives for actions to private actors, and mobilise public resources (also EU funds) to funnel resources into each cluster'], source: `${D1}, "Next steps"` },
  ],
  implementation: {
    shareOfActionsImplemented: 0.8,
    statement:
      'Four years since the delivery and endorsement of its plan, the city estimates that it has put into place around 80% of actions so far thanks to successfully attracting both national and European funding.',
    relatedFunding: [
      { project: 'Torino Social Factory', fund: 'ESF', amountEur: 1_500_000, amountKind: 'total', source: 'doc 000' },
      { project: 'Civic Crowdfunding Academy', fund: 'ESF', amountEur: 50_000, amountKind: 'total', source: 'doc 000' },
      { project: 'Co-City (UIA)', fund: 'UIA', programme: 'Urban Innovative Actions (ERDF)', amountEur: 4_100_000, amountKind: 'total', source: 'doc 000' },
      {
        project: 'To-Nite (UIA, community-based urban security)',
        fund: 'UIA',
        programme: 'Urban Innovative Actions (ERDF)',
        amountEur: 4_600_000,
        amountKind: 'total',
        note: 'Developed after the plan\'s endorsement; not one of the 39 actions but linked to IoTorino and to the collective actions.',
        source: 'doc 000, "Implementation success is not limited to the Integrated Action Plan\'s activities"',
      },
    ],
    source: 'doc 000 (article for the CITIES FORUM in Torino)',
  },
  notes: [
    'Doc 001 lists 39 actions and states "TOTAL ACTIONS: n° 39" (3 ideation, 10 design, 26 realisation); doc 000 speaks of "its 37 original actions". The data follow doc 001.',
    'Doc 000 names the five entry points "tools for social innovation; collective actions; engagement and capacity building\' actions; civic technologies; and finance and impact assessment"; doc 001 names the first "Challenges and tools for social innovation".',
    'Several points of the plan were also planned under the existing PON Metro Torino programme 2014-2020, co-financed by European Structural Funds (doc 000).',
    'Torino Social Impact is promoted by the Chamber of commerce of Turin and City of Turin (doc 001).',
  ],
  source: 'doc 001 (the plan); doc 000 (endorsement, implementation and funding figures); doc 003 section 2.2 (PON Metro, Co-City, AxTO figures)',
};
