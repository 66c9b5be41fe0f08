import { cities } from './cities.js';
import type {
  SeedCityStatement,
  SeedContribution,
  SeedLocalGroup,
  SeedMeeting,
  SeedNeed,
  SeedPartner,
  SeedPlanFocus,
  SeedPractice,
} from './types.js';
import type { SeedNetwork } from './types.js';

/**
 * BoostInno (Boosting Social Innovation), URBACT III Action Planning Network.
 * Sources: doc 000 (network facts, partner list, Barcelona mapping workshop),
 * doc 001 (the "BoostInno – a social innovation journey" timeline of meetings),
 * doc 002 (lead expert's synthesis, sections 4-6 and appendix tables 1 and 2),
 * doc 003 (footnote 2: "7 Paesi e 10 città europee e una extra europea").
 */

const SYN_A1 = 'doc 002, Appendix 1 "Synthesis of the exchange and learning processes" table';
const SYN_A2 = 'doc 002, Appendix 2 "Towards Integrated Action Plans" table';
const SYN_S5 = 'doc 002, section 5 "The city projects and main identified urban development challenges"';
const SYN_S6 = 'doc 002, section 6 "URBACT Local Groups and their coordinators"';
const JOURNEY = 'doc 001, "BoostInno – a social innovation journey" timeline page';

// ------------------------------------------------------------------ partners

/**
 * Eleven participating cities (doc 000). Doc 002 speaks of "the ten cities of the network"
 * and has no row for Lviv; doc 003 (footnote 2) counts "10 European cities and one
 * extra-European" in 7 countries, i.e. the ten plus Lviv.
 * None of the documents says which partner is the Lead Partner, nor whether any partner
 * is a newcomer, so `role` and `newcomer` are left undefined.
 */
export const boostinnoPartners: SeedPartner[] = [
  { city: 'paris', organisation: 'City of Paris' },
  { city: 'strasbourg', organisation: 'Strasbourg Eurometropole' },
  { city: 'barcelona', organisation: 'Barcelona Activa SA SPM' },
  { city: 'braga', organisation: 'Municipality of Braga' },
  { city: 'milan', organisation: 'City of Milan' },
  { city: 'torino', organisation: 'City of Turin' },
  { city: 'baiaMare', organisation: 'City of Baia Mare' },
  { city: 'skane', organisation: 'Skåne County' },
  { city: 'wroclaw', organisation: 'City of Wrocław' },
  { city: 'gdansk', organisation: 'City of Gdansk' },
  {
    city: 'lviv',
    note: 'Listed among the participating cities in doc 000 and counted as the extra-European city in doc 003; doc 002 (dated 14/03/2016) speaks of ten cities and has no row for Lviv.',
  },
];

// ------------------------------------------------------------------ meetings

/**
 * Transnational meetings, from the journey timeline in doc 001. The timeline labels the
 * Turin one "TRANSNATIONAL BOOSTINNO MEETING"; doc 000 calls the Barcelona one one of the
 * network's "transnational workshops". The local Torino events of the same timeline
 * follow as localGroupWorkshop entries.
 */
export const boostinnoMeetings: SeedMeeting[] = [
  {
    key: 'boostinno-tnm-2015-11-gdansk',
    kind: 'transnationalMeeting',
    title: 'Starting BoostInno journey',
    host: 'gdansk',
    startDate: '2015-11-08',
    endDate: '2015-11-10',
    dateAsWritten: '8/10 November 2015',
    themes: ['Starting BoostInno journey'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-tnm-2016-02-torino',
    kind: 'transnationalMeeting',
    title: 'Transnational BoostInno meeting',
    host: 'torino',
    startDate: '2016-02-17',
    endDate: '2016-02-19',
    dateAsWritten: '17/19 February 2016',
    themes: ['Local authorities broker and angel of change', 'Circular Economy'],
    note: 'With a parallel seminar for Innovative project.',
    source: JOURNEY,
  },
  {
    key: 'boostinno-tnm-2016-07-wroclaw',
    kind: 'transnationalMeeting',
    title: 'City and citizens engagement and participation',
    host: 'wroclaw',
    startDate: '2016-07-06',
    endDate: '2016-07-08',
    dateAsWritten: '6-8 July 2016',
    themes: ['City and citizens engagement and participation', 'Culture as a vehicle for social innovation'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-tnm-2016-11-barcelona',
    kind: 'transnationalMeeting',
    title: '"Sense Mapping" – mapping the BoostInno network projects',
    host: 'barcelona',
    startDate: '2016-11-23',
    endDate: '2016-11-25',
    dateAsWritten: '23/25 November 2016',
    themes: [
      'Sense Mapping',
      'City and citizens',
      'Governance and policy making',
      'Spaces',
      'Social and financial impact',
    ],
    participants: ['Aldo de Moor (CommunitySense, NL), mapmaker', 'Representatives of 11 cities'],
    speakers: [{ name: 'Aldo de Moor', affiliation: 'CommunitySense (NL), mapmaker of the Sense Mapping workshop' }],
    learnings: [
      {
        lesson:
          'A community network map of the cities\' flagship projects, tagged with URBACT "Urban Topics" and with the "sharings" each city wants to "give" to and "use" from others, shows the common ground of the network and lets city representatives identify the most relevant partners to talk to, so scarce meeting time is used efficiently.',
        theme: 'participatory community network mapping',
      },
      {
        lesson:
          'The mapping & sensemaking process by which maps are created and used matters as much as the map; community members should control the language of the map ("power of representation").',
        theme: 'participatory community network mapping',
      },
    ],
    note: 'Before the meeting every city described five "flagship projects" in a survey; at the meeting each city was to select other cities of the network to plan site visits to. Doc 000 calls it one of the network\'s transnational workshops, in November 2016.',
    source: `${JOURNEY}; doc 000, "Mapping the BoostInno network projects: the Barcelona Experiment"`,
  },
  {
    key: 'boostinno-tnm-2017-03-baia-mare',
    kind: 'transnationalMeeting',
    title: 'Brokerage role of the PA',
    host: 'baiaMare',
    startDate: '2017-03-07',
    endDate: '2017-03-10',
    dateAsWritten: '7/ 10 March 2017',
    themes: ['Brokerage role of the PA', 'EU networks: SIAC and JPI Urban Europe'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-tnm-2017-11-paris',
    kind: 'transnationalMeeting',
    title: 'Circular/sharing economy; Responsible Public Procurement',
    host: 'paris',
    startDate: '2017-11-06',
    endDate: '2017-11-07',
    dateAsWritten: '6-7 November 2017',
    themes: ['Circular/sharing economy', 'Responsible Public Procurement'],
    note: 'The timeline also marks "PARIS 07 November2017 Signature of the European Call for Action "Social Innovation" (the title is cut off in the document).',
    source: JOURNEY,
  },
  {
    key: 'boostinno-tnm-2018-01-milan',
    kind: 'transnationalMeeting',
    title: 'Impact Measurement; Impact and Innovative Finance',
    host: 'milan',
    startDate: '2018-01-23',
    endDate: '2018-01-26',
    dateAsWritten: '23-26 January 2018',
    themes: ['Impact Measurement', 'Impact and Innovative Finance'],
    participants: ['Karl Richter (impact measurement)'],
    speakers: [{ name: 'Karl Richter', affiliation: 'Impact measurement (as doc 001 gives him)' }],
    source: JOURNEY,
  },

  // Local Torino events in the same timeline. Doc 003 (section 2.1) says that for BoostInno
  // Torino set up "Gruppi di Azione Collettive" in 2017, which became the Local Support Group.
  {
    key: 'boostinno-local-2016-10-torino-community-welfare',
    kind: 'localGroupWorkshop',
    title: 'Community welfare',
    host: 'torino',
    month: '2016-10',
    dateAsWritten: 'October 2016',
    themes: ['Co-design new measures on Social Innovation (PON METRO 2014-2020)'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-local-2017-02-torino-commons-based-urban-welfare',
    kind: 'localGroupWorkshop',
    title: 'Commons-based urban welfare',
    host: 'torino',
    month: '2017-02',
    dateAsWritten: 'From February 2017',
    themes: [
      'Unconventional legal framework to enable citizens to take care of urban commons (UIA project)',
      'Co-management of urban commons',
    ],
    source: JOURNEY,
  },
  {
    key: 'boostinno-local-2017-11-torino-impact-measurement',
    kind: 'localGroupWorkshop',
    title: 'Impact measurement and evaluation',
    host: 'torino',
    month: '2017-11',
    dateAsWritten: 'November 2017',
    themes: ['"Go in" methodology'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-local-2017-12-torino-blockchain',
    kind: 'localGroupWorkshop',
    title: 'Blockchain for social goods',
    host: 'torino',
    startDate: '2017-12-15',
    endDate: '2017-12-15',
    dateAsWritten: '15 December 2017',
    themes: ['Blockchain for social goods'],
    source: JOURNEY,
  },
  {
    key: 'boostinno-local-2018-02-torino-tsi-working-tables',
    kind: 'localGroupWorkshop',
    title: 'Torino Social Impact working tables',
    host: 'torino',
    venue: 'Open Incet',
    startDate: '2018-02-21',
    endDate: '2018-02-21',
    dateAsWritten: '21 February 2018',
    themes: [
      'Challenges and tools for social innovation',
      'Collective actions',
      'Engagement and capacity building',
      'Civic technologies',
      'Finance and impact assessment',
    ],
    note: 'Start of the process to define the operational plan: five working tables, one per topic.',
    source: 'doc 001, "Toward an operational plan"',
  },
  {
    key: 'boostinno-local-2018-04-torino-tsi-plan-validation',
    kind: 'localGroupWorkshop',
    title: 'Torino Social Impact Operational Plan validation',
    host: 'torino',
    venue: 'SocialFare',
    startDate: '2018-04-04',
    endDate: '2018-04-04',
    dateAsWritten: '4 April 2018',
    themes: ['Public validation of the results of the five working tables'],
    source: 'doc 001, "Toward an operational plan"',
  },
];

// ------------------------------------------------------------------ appendix 1: contributions, practices, needs

export const boostinnoContributions: SeedContribution[] = [
  { city: 'gdansk', text: 'Producing change in city management – conditions for social innovation', source: SYN_A1 },
  { city: 'gdansk', text: "Close collaboration with NGO's", source: SYN_A1 },
  { city: 'torino', text: 'Bringing together stakeholders on an exchange basis, giving added value to partnerships in the city.', source: SYN_A1 },
  { city: 'torino', text: 'Open Incet – a new social innovation centre', source: SYN_A1 },
  { city: 'milan', text: 'Mapping the most relevant experiences, provoking public debate, analysis and monitoring and searching for new ways of developing SI.', source: SYN_A1 },
  { city: 'braga', text: 'Awakening a city centre for young persons and different forms of leisure time activities.', source: SYN_A1 },
  { city: 'paris', text: 'Creating spaces for social innovation.', source: SYN_A1 },
  { city: 'paris', text: 'Leading a movement in the creation and promotion of the circular economy with a Manifesto 65 ideas.', source: SYN_A1 },
  { city: 'paris', text: 'Increasing demand in the market by grouping buying between cities.', source: SYN_A1 },
  { city: 'strasbourg', text: 'Working on a multi institutional basis: city and metropolitan area, with very close links to the department and the region.', source: SYN_A1 },
  { city: 'strasbourg', text: 'Public support to a local currency: the Stück.', source: SYN_A1 },
  { city: 'baiaMare', text: 'Municipality neighbourhood multifunctional social centers for elderly, disabled and Roma persons', source: SYN_A1 },
  { city: 'baiaMare', text: 'NGOs multifunctional social centers for youth, homeless and disabled persons', source: SYN_A1 },
  { city: 'baiaMare', text: 'Social enterprises: social canteen on wheels, dedicated employers of disabled persons, "social restaurant & catering" & Packing Company', source: SYN_A1 },
  { city: 'barcelona', text: 'Specific experience in: School of entrepreneurship for women', source: SYN_A1 },
  { city: 'barcelona', text: 'Specific experience in: Social entrepreneurship program', source: SYN_A1 },
  { city: 'barcelona', text: 'Specific experience in: Innovative public procurement', source: SYN_A1 },
  { city: 'barcelona', text: 'Specific experience in: development of policies based on the "rights" of citizens and what this entails', source: SYN_A1 },
  { city: 'wroclaw', text: 'Experience in previous URBACT projects', source: SYN_A1 },
  { city: 'wroclaw', text: 'Using culture as an asset in city development.', source: SYN_A1 },
  { city: 'skane', text: 'A wide partner network, on the level of the county', source: SYN_A1 },
  { city: 'skane', text: 'Collaboration between cities and rural areas', source: SYN_A1 },
];

/** Column "Potential contribution in terms of 'good practice'" of Appendix 1. Titles are short labels of the quoted summary. */
export const boostinnoPractices: SeedPractice[] = [
  { city: 'gdansk', title: 'Horizontal management techniques', summary: 'Horizontal management techniques, based on creative mapping of challenges and resources.', topics: ['horizontal management', 'creative mapping', 'public administration'], source: SYN_A1 },
  { city: 'gdansk', title: 'Innovation among civil servants', summary: 'Innovation among civil servants to make the PA more efficient.', topics: ['civil servants', 'public administration', 'efficiency'], source: SYN_A1 },
  { city: 'torino', title: 'Torino Social Innovation', summary: 'Torino Social Innovation as a multi-stakeholder ongoing process of SI stimulation and development of social entrepreneurship.', topics: ['multi-stakeholder', 'social entrepreneurship', 'ecosystem'], source: SYN_A1 },
  {
    city: 'torino',
    title: 'Innova.TO',
    summary: 'Inova To – competition between civil servants to make the functioning of the PA more efficient.',
    topics: ['civil servants', 'competition', 'public administration', 'efficiency'],
    urbactGoodPractice: true,
    source: `${SYN_A1}; doc 000 ("two Good Practices label – one of which, the Innova-TO competition ... which later became the InnovaTO-r Transfer Network")`,
  },
  { city: 'torino', title: 'Smart Procurement Initiative', summary: 'Smart Procurement Initiative – how to approach public procurement in new ways, linked to the PPI initiatives.', topics: ['public procurement', 'procurement of innovation'], source: SYN_A1 },
  { city: 'milan', title: 'High political priority for social innovation', summary: 'Achieving a high political priority for social innovation by inducing change in the city management and putting into practice new ideas at the present time.', topics: ['political priority', 'city management'], source: SYN_A1 },
  { city: 'milan', title: 'Innovative public policies', summary: 'Innovative public policies ie civic crowdfunding and other public calls for seed funding, change makers etc.', topics: ['civic crowdfunding', 'seed funding', 'public calls'], source: SYN_A1 },
  { city: 'milan', title: 'Networking at European level', summary: 'Networking experiences at the top European level. Use of tools proposed by European networks eg. social impact investing.', topics: ['european networks', 'social impact investing'], source: SYN_A1 },
  { city: 'braga', title: 'Social enterprise sharing profits with NGOs', summary: "A social enterprise, which contributes some of its profits to local NGO's as a standard policy.", topics: ['social enterprise', 'ngos', 'profit sharing'], source: SYN_A1 },
  { city: 'paris', title: 'Pro-social innovation policy at the highest level', summary: 'A pro-social innovation policy at the highest level in the city, inducing new forms of management and decision taking.', topics: ['political priority', 'management', 'decision making'], source: SYN_A1 },
  { city: 'paris', title: 'Public procurement for social entrepreneurship', summary: "Public procurement laws and regulations stimulating social entrepreneurship, citizens' creativity and social innovation and a stimulation to the economy through the buying power of the PA.", topics: ['public procurement', 'social entrepreneurship'], source: SYN_A1 },
  { city: 'strasbourg', title: 'Co-construction of social economy policies', summary: 'Institutionalized process of co-constructing policies for the social economy with a high level political leadership.', topics: ['co-construction', 'social economy', 'policy making'], source: SYN_A1 },
  { city: 'strasbourg', title: 'Services of public interest clause', summary: 'Use of the services of public interest clause.', topics: ['public procurement', 'services of public interest'], source: SYN_A1 },
  { city: 'strasbourg', title: 'Medical prescriptions of sport', summary: 'Medical prescriptions of sport for health reasons.', topics: ['health', 'sport'], source: SYN_A1 },
  { city: 'strasbourg', title: 'Grid for assessing social innovation projects', summary: 'Grid for assessing social innovation projects.', topics: ['impact measurement', 'assessment'], source: SYN_A1 },
  { city: 'baiaMare', title: 'Democratic citizenship and debate', summary: 'Examples of democratic citizenship and democratic debate.', topics: ['citizenship', 'participation'], source: SYN_A1 },
  { city: 'baiaMare', title: 'Virtual platform with disabled people', summary: 'Virtual platform to work with disabled people and promoting social economy www.diz-abilitate', topics: ['disability', 'social economy', 'digital platform'], source: SYN_A1 },
  { city: 'barcelona', title: 'International collaborations on vulnerable citizens', summary: 'International collaborations dealing with vulnerable citizens in several cities.', topics: ['vulnerable citizens', 'international cooperation'], source: SYN_A1 },
  { city: 'barcelona', title: 'Opening the administration to SMEs in public procurement', summary: "City administration opening up to world SME's to resolve challenges and innovate in public procurement.", topics: ['public procurement', 'smes', 'open innovation'], source: SYN_A1 },
  { city: 'barcelona', title: 'Temporary use of empty spaces by NGOs', summary: "Temporary exploitation of empty spaces by NGO's.", topics: ['temporary use', 'spaces', 'ngos'], source: SYN_A1 },
  { city: 'wroclaw', title: 'Handicraft, culture, art and business in a difficult area', summary: 'Development of handicraft professions, culture, art and business in difficult area of the city.', topics: ['culture', 'handicraft', 'deprived areas'], source: SYN_A1 },
  { city: 'wroclaw', title: 'Design as a socially innovative method', summary: 'Using design as a socially innovative method to stimulate the positive development of a difficult area.', topics: ['design', 'deprived areas'], source: SYN_A1 },
  { city: 'skane', title: 'Institutionalised social innovation strategies', summary: 'Development and participation of institutionalised social innovation strategies and policies.', topics: ['strategy', 'institutionalisation'], source: SYN_A1 },
];

const need = (city: string, kind: SeedNeed['kind'], description: string, topics: string[]): SeedNeed => ({
  city,
  kind,
  description,
  topics,
  source: `${SYN_A1}, column "${kind === 'learning' ? 'Learning needs' : 'Needs in terms of capacity building'}"`,
});

/** Appendix 1 "Learning needs" and "Needs in terms of capacity building", one entry per item the table lists. No priorities are given. */
export const boostinnoNeeds: SeedNeed[] = [
  // Gdansk
  need('gdansk', 'learning', 'Creation of an accelerator space', ['accelerator', 'spaces']),
  need('gdansk', 'learning', 'Bringing SI into the suburbs', ['suburbs', 'social innovation']),
  need('gdansk', 'learning', 'Sustainable institutionalisation of scaled up SI.', ['institutionalisation', 'scaling']),
  need('gdansk', 'learning', 'How to scale and/or institutionalize processes like the Creative Pedagogy? How are similar things done elsewhere?', ['scaling', 'institutionalisation', 'education']),
  need('gdansk', 'learning', 'How to incubate innovations in the institutional sense. A toolbox, with the right frame to advice, to give a good direction, to orientate different persons in the right direction?', ['incubation', 'toolbox']),
  need('gdansk', 'learning', 'The mapping process - the practicality of such a tool, how do other cities do this, how do they support self-organisation, how do they omit doubling up on procedures and results, how is the action level linked to the management level.', ['mapping', 'self-organisation', 'management']),
  need('gdansk', 'capacityBuilding', 'What competences and situations are necessary to achieve the political priority for social innovation in the city?', ['political priority', 'competences']),
  need('gdansk', 'capacityBuilding', 'What capacities are needed to launch social innovations, even when we know what we want? The question is how to get it?', ['launching innovation', 'competences']),
  need('gdansk', 'capacityBuilding', 'Brokerage capacity.', ['brokerage']),
  need('gdansk', 'capacityBuilding', 'How to lift internal barriers to assure more innovative activities in the Municipality.', ['internal barriers', 'public administration']),
  // Turin
  need('torino', 'learning', 'How to manage strong resistance to SI inside the PA?', ['resistance to change', 'public administration']),
  need('torino', 'learning', 'How to develop a more open social innovation approach?', ['open innovation']),
  need('torino', 'learning', 'How to develop public/private brokerage?', ['brokerage', 'public-private partnership']),
  need('torino', 'learning', 'How to develop new impact funds?', ['impact funds', 'finance']),
  need('torino', 'learning', 'Development of new management techniques.', ['management']),
  need('torino', 'learning', 'Support the scaling up of social enterprises, leading to export and transnational activities.', ['social enterprises', 'scaling', 'internationalisation']),
  need('torino', 'learning', 'How to boost social innovation?', ['social innovation']),
  need('torino', 'learning', 'How to increase the dialogue with potential idea givers?', ['dialogue', 'citizen participation']),
  need('torino', 'learning', 'How to strengthen social enterprises?', ['social enterprises']),
  need('torino', 'learning', 'How to develop systematic strategies, to replace more erratic help.', ['strategy']),
  need('torino', 'capacityBuilding', 'Communication strategies inside the PA in order to produce change.', ['communication', 'public administration', 'change management']),
  need('torino', 'capacityBuilding', 'New management techniques.', ['management']),
  need('torino', 'capacityBuilding', 'How to induce the scaling up and internationalisation of social enterprises?', ['social enterprises', 'scaling', 'internationalisation']),
  need('torino', 'capacityBuilding', 'Capacity to build a creative way of converging in the storyline of Turin as a socially innovative city.', ['storytelling', 'city branding']),
  // Milan
  need('milan', 'learning', 'How to unlock the potential of social innovation in order to answer the social challenges of the city?', ['social challenges', 'social innovation']),
  need('milan', 'learning', 'How to keep up the innovative side if the process of institutionalisation progresses?', ['institutionalisation']),
  need('milan', 'learning', 'Developing the "inhabitant friendly role" in order to have a truly "sharing" community.', ['sharing', 'citizen participation']),
  need('milan', 'capacityBuilding', 'Creation of policies to tap into unused sources of finance, human resources etc.', ['finance', 'human resources', 'policy making']),
  need('milan', 'capacityBuilding', 'Further work on how to mobilise citizens in participation processes, especially those who live in difficult areas.', ['citizen participation', 'deprived areas']),
  // Braga
  need('braga', 'learning', "How to innovate in Braga on the mind-set's of the decision makers, the creative community and the young?", ['mindset', 'decision makers', 'youth']),
  need('braga', 'learning', 'What methods can decrease the emigration of young persons from the city?', ['youth', 'emigration']),
  need('braga', 'learning', 'How to better link incubation and acceleration tools to social development and the fight for social inclusion?', ['incubation', 'acceleration', 'social inclusion']),
  need('braga', 'capacityBuilding', 'How to introduce social innovation as a political priority developing concrete policies for the city?', ['political priority', 'policy making']),
  need('braga', 'capacityBuilding', 'Transforming voluntary work into social entrepreneurship with a clear intent to improve the social situation in the city.', ['volunteering', 'social entrepreneurship']),
  need('braga', 'capacityBuilding', 'Stronger communication capacities on SI, sharing economy, participative budgets etc.', ['communication', 'sharing economy', 'participatory budgeting']),
  // Paris
  need('paris', 'learning', 'How to increase or duplicate local experiences without breaking their authenticity?', ['scaling', 'replication']),
  need('paris', 'learning', 'How to find financial levers (seeing the price of land & buildings in Paris)?', ['finance', 'real estate']),
  need('paris', 'learning', 'How to lift barriers to new actions?', ['barriers']),
  need('paris', 'learning', 'How to increase stakeholders and citizens participation in designing public policies and lift barriers to new actions?', ['citizen participation', 'policy making', 'barriers']),
  need('paris', 'capacityBuilding', 'Methods on how to increase innovation on its territory.', ['innovation']),
  need('paris', 'capacityBuilding', 'How to increase collaboration with other cities e.g. for social entrepreneurs or social innovation exchanges.', ['inter-city cooperation', 'social entrepreneurship']),
  need('paris', 'capacityBuilding', "How to achieve the culture shift in the administration and in private stakeholders minds, in favour of social and ecological useful impact of economic growth. One part of this success could come from a European model of raising the power of social innovation.", ['culture change', 'public administration', 'impact']),
  // Strasbourg
  need('strasbourg', 'learning', 'How to implement cross-functional working practices and introduce new working methods, including collaborative work by introducing a transition process between all sectors, which are not used to working in a collaborative territory environment?', ['cross-functional work', 'collaboration']),
  need('strasbourg', 'learning', 'How to remove restraints on change might well be one of the obstacles here that need to be removed.', ['barriers', 'change management']),
  need('strasbourg', 'learning', 'Revisiting the Quadruple Helix method to verify the implication of all the stakeholders', ['quadruple helix', 'stakeholder engagement']),
  need('strasbourg', 'capacityBuilding', 'Improving capacity to include social innovation in public policies.', ['policy making', 'social innovation']),
  need('strasbourg', 'capacityBuilding', 'Dissemination of collaborative working processes inside the PA.', ['collaboration', 'public administration']),
  // Baia Mare
  need('baiaMare', 'learning', 'How to reduce the exodus of young persons from the city?', ['youth', 'emigration']),
  need('baiaMare', 'learning', 'How to promote exchanges between social enterprises, creating a transnational marketplace?', ['social enterprises', 'marketplace', 'internationalisation']),
  need('baiaMare', 'learning', 'Methods which would permit the reform of the educational system, based on social innovation.', ['education']),
  need('baiaMare', 'learning', 'Intergenerational activities as a basis for the strengthening of the local communities.', ['intergenerational', 'community']),
  need('baiaMare', 'learning', 'Ways of working with the Roma communities using social innovation.', ['roma', 'inclusion']),
  need('baiaMare', 'capacityBuilding', 'Increase the capacity of horizontal and collaborative management in the city and with its partners.', ['horizontal management', 'collaboration']),
  need('baiaMare', 'capacityBuilding', 'Creation of smart neighbourhoods which will lead to Baia Mare being a smart city in the sense of creating a city community.', ['smart neighbourhoods', 'smart city', 'community']),
  need('baiaMare', 'capacityBuilding', 'New ways of functioning of the PA.', ['public administration']),
  // Barcelona
  need('barcelona', 'learning', 'Learning from partners in the network and developing new ideas.', ['peer learning']),
  need('barcelona', 'capacityBuilding', 'How to align all the tools in an efficient ecosystem?', ['ecosystem', 'tools alignment']),
  // Wroclaw
  need('wroclaw', 'learning', 'Alternative methods of communication to mobilise stakeholders.', ['communication', 'stakeholder engagement']),
  need('wroclaw', 'learning', 'How to address the desertification of a city centre through social innovation?', ['city centre', 'regeneration']),
  need('wroclaw', 'capacityBuilding', 'To develop the capacity to mobilise citizens and institutions around the centre of the city.', ['citizen participation', 'city centre']),
  // Skane
  need('skane', 'learning', 'How to use culture to promote and foster social innovation as a way of developing communities and cities?', ['culture', 'community']),
  need('skane', 'learning', 'How to adapt the common thinking to the need of improving the quality of life in cities, as well as in small towns and villages.', ['quality of life', 'small towns', 'rural']),
  need('skane', 'capacityBuilding', 'Capacities to develop social innovation through culture and artistic expression.', ['culture', 'arts']),
];

// ------------------------------------------------------------------ local groups (ULG)

/**
 * Appendix 2 last column ("Envisaged number and type of ULG members/ stakeholders to be
 * involved", hence `planned: true`), its "institutional structures" column (`setup`) and
 * section 6 (`focus`). Section 6 is titled "URBACT Local Groups and their coordinators"
 * but names no coordinator, so `coordinator` stays undefined. No ULG for Lviv.
 */
export const boostinnoLocalGroups: SeedLocalGroup[] = [
  {
    city: 'gdansk',
    stakeholders: [
      { name: 'Social Development Department (city)', helix: 'public', planned: true },
      { name: 'City Development Department (city)', helix: 'public', planned: true },
      { name: 'Economic Development Department (city)', helix: 'public', planned: true },
      { name: 'Labour office', helix: 'public', planned: true },
      { name: 'Science and Technology Park', helix: 'knowledge', planned: true },
      { name: 'Representatives of different start-up incubators and accelerators', helix: 'private', planned: true },
      { name: 'Social enterprises', helix: 'private', planned: true },
      { name: 'Centre of Support for social economy', helix: 'civilSociety', planned: true },
      { name: "NGO's", helix: 'civilSociety', planned: true },
      { name: 'Representatives of universities and research institutions', helix: 'knowledge', planned: true },
    ],
    setup: 'New group. No existing groups have been identified. Project will be used for building up SI ecosystem.',
    focus: 'Work on how to build intensive relations and share experience. As a need for physical space has been identified, part of the work of the ULG can be used in the process of creating such a place, but is this the only direction for the development of social innovation in the city?',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'torino',
    stakeholders: [
      { name: 'Incubators', helix: 'private', planned: true },
      { name: 'Third Sector', helix: 'civilSociety', planned: true },
      { name: 'Business angel companies', helix: 'private', planned: true },
      { name: 'Banks', helix: 'private', planned: true },
      { name: 'Co-working spaces', helix: 'private', planned: true },
      { name: 'Private and public training innovative centers', helix: 'knowledge', planned: true },
      { name: 'Open innovation center', helix: 'knowledge', planned: true },
      { name: 'Social innovation enterprises', helix: 'private', planned: true },
      { name: 'Chamber of commerce', helix: 'public', planned: true },
      { name: 'Universities', helix: 'knowledge', planned: true },
      { name: 'Poles of innovations', helix: 'knowledge', planned: true },
      { name: 'Social accelerators', helix: 'private', planned: true },
    ],
    setup: 'The ULG will be the composed of the actors that have joined Torino Social Innovation platform.',
    focus: 'Apart from the area of city management the Turin ULG will concentrate on concrete questions such as territorial marketing, innovative PPP to support social innovation and other specific initiatives having a territorial impact. The export of social enterprises and their products is also high on the priority list.',
    compositionNote: 'The table lists "Incubators, Third Sector business angel companies, banks, ..."; "Third Sector" and "business angel companies" are split here. Doc 003 (section 2.1) adds that Collective Action Groups set up in 2017 became the Local Support Group.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'milan',
    stakeholders: [
      { name: 'Research institutions and experts', helix: 'knowledge', planned: true },
      { name: 'Centers for culture and creativity', helix: 'civilSociety', planned: true },
      { name: 'Social innovation centres', helix: 'civilSociety', planned: true },
      { name: "NGO's", helix: 'civilSociety', planned: true },
      { name: 'Fab labs', helix: 'private', planned: true },
    ],
    setup: 'Initial group (informal) was composed after conference "Opening to Social Innovation: ideas and strategies for Milan Smart City".',
    focus: 'Cross-fertilisation will be one of the mottos for Milan, whose ULG will work on what it can import and what it can export. The confidence of social enterprises will have to be raised. More work will be done on the level of collaboration between different stakeholders. The innovativeness of the ULG itself will be one of the stimuluses.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'braga',
    stakeholders: [
      { name: 'The profiled organizations (working with SI)', helix: 'civilSociety', planned: true },
      { name: 'Chambers of commerce', helix: 'public', planned: true },
      { name: 'Universities', helix: 'knowledge', planned: true },
      { name: "NGO's", helix: 'civilSociety', planned: true },
      { name: 'Incubators', helix: 'private', planned: true },
      { name: 'Business Angels', helix: 'private', planned: true },
      { name: 'Banks', helix: 'private', planned: true },
      { name: 'Co-working spaces', helix: 'private', planned: true },
      { name: 'Private and public training innovative centres', helix: 'knowledge', planned: true },
      { name: 'Open innovation centre', helix: 'knowledge', planned: true },
      { name: 'Social organizations', helix: 'civilSociety', planned: true },
    ],
    setup: 'New group, potential stakeholders are being identified.',
    focus: 'The ULG will play the role of a skilled broker in order to bring social innovation in the right form to the political agenda. For the general empowerment of all the stakeholders it would be necessary for the ULG to communicate extremely well to larger circles of persons and institutions.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'paris',
    stakeholders: [
      { name: 'Regional and local public agency for social economy', helix: 'public', planned: true },
      { name: 'Platforms representing social entrepreneurs', helix: 'civilSociety', planned: true },
      { name: 'Social startups incubators', helix: 'private', planned: true },
      { name: 'NGOs acting for the Reuse-Circular Economy', helix: 'civilSociety', planned: true },
      { name: 'NGOs providing funding to entrepreneurs, including socially innovating entrepreneurs', helix: 'civilSociety', planned: true },
      { name: 'Knowledge institutions', helix: 'knowledge', planned: true },
    ],
    setup: 'All stakeholders are supported by Paris City Council. URBACT will give the opportunity to formalize group and strengthen position of the city as a broker.',
    focus: "Increased participation and capacity to respond to the PA public procurement. The mind set of the circular economy which is dominating the city's policies will have to be taken on board in order to find the right ways for social innovation to be fostered. A highly responsible role for one of the leading cities in the network.",
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'baiaMare',
    stakeholders: [
      { name: 'Municipality – Social Department', helix: 'public', planned: true },
      { name: 'Municipality – Strategy and Projects department', helix: 'public', planned: true },
      { name: 'Municipality – Urban Department', helix: 'public', planned: true },
      { name: 'Universities', helix: 'knowledge', planned: true },
      { name: 'Representatives from Baia Mare Metropolitan Area', helix: 'public', planned: true },
      { name: 'Center for Development of Small and Medium Enterprises', helix: 'private', planned: true },
      { name: 'Various companies', helix: 'private', planned: true },
      { name: 'NGOs and associations', helix: 'civilSociety', planned: true },
      { name: 'Neighborhood Civic Councils', helix: 'civilSociety', planned: true },
    ],
    setup: 'ULG is building on existing groups (Neighborhood Civic Councils), but it is also planned to expand the group with new actors important for SI.',
    focus: 'Participation is at the heart of success for this city and the ULG will be able to collaborate with many partners. An internal group of more devoted members could permit to work on more specialised subjects, concentrating on the usefulness of social innovation in various domains.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'barcelona',
    stakeholders: [
      { name: 'Third social sector representatives', helix: 'civilSociety', planned: true },
      { name: 'The Innovation Working Group – the city council internal innovation group', helix: 'public', planned: true },
    ],
    setup: 'New group will be formed but it will base on existing ecosystem for SI with optimal proportion: 1/3 municipal representatives, 1/3 representatives from social entities and 1/3 representatives from the innovative ecosystem.',
    focus: 'The need to coordinate all the initiatives and to make them known, at the level of the neighbourhoods, so that they can be capitalised on locally. Therefore the choice of the participants for the ULG is of critical importance. Barcelona will narrow down the objectives to social innovation and the eco-system, which needs to be jointly created in a situation when many tools already exist.',
    compositionNote: '1/3 municipal representatives, 1/3 representatives from social entities, 1/3 representatives from the innovative ecosystem.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'strasbourg',
    stakeholders: [
      { name: 'Charities', helix: 'civilSociety', planned: true },
      { name: 'Associations', helix: 'civilSociety', planned: true },
      { name: 'Businesses', helix: 'private', planned: true },
      { name: 'Networks and structural organisations', helix: 'civilSociety', planned: true },
      { name: 'Metropolitan institutions', helix: 'public', planned: true },
      { name: 'Partners of the city council in two projects to be funded by the European Commission for urban regeneration', helix: 'public', planned: true },
      { name: 'The University', helix: 'knowledge', planned: true },
      { name: 'Individual citizens', helix: 'civilSociety', planned: true },
    ],
    setup: 'This group has been established on the basis of the previously dormant Social and Social Economy Council group and on partners who are interested in SI. The group will expand to businesses, the University and individual citizens.',
    focus: 'A ULG as a continuation of existing collaborative bodies within the PA, with a clear command to develop social innovation, based on the local and transnational initiatives.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'wroclaw',
    stakeholders: [
      { name: 'Non-governmental organisations', helix: 'civilSociety', planned: true },
      { name: 'District councils', helix: 'public', planned: true },
      { name: 'Residents', helix: 'civilSociety', planned: true },
      { name: 'Entrepreneurs', helix: 'private', planned: true },
      { name: 'Artists', helix: 'civilSociety', planned: true },
      { name: 'Socio-educational institutions', helix: 'knowledge', planned: true },
      { name: 'City department – The Office for Social Participation', helix: 'public', planned: true },
      { name: 'City department – the start-ups coordinator', helix: 'public', planned: true },
      { name: 'City department – Economic Development departments', helix: 'public', planned: true },
      { name: 'Housing associations', helix: 'civilSociety', planned: true },
      { name: 'Entities of the social economy', helix: 'civilSociety', planned: true },
    ],
    setup: 'ULG is going to be based on existing city units, as well as public and economic groups operating in the city. It is planned to include housing associations and entities of the social economy in the support group and to increase social participation of the residents.',
    focus: 'The participation of citizens, who need to re-appropriate the public spaces in the city is the main challenge for the ULG, especially as far as its composition is concerned. The ULG should also take stock of the competences which already exist in the city and could be used for wider aims.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
  {
    city: 'skane',
    stakeholders: [
      { name: 'Representatives from the cultural sector', helix: 'civilSociety', planned: true },
      { name: 'County Administrative Board of Skåne', helix: 'public', planned: true },
      { name: 'Department of Community Affairs', helix: 'public', planned: true },
      { name: 'Cultural department of Region Skåne (regional self governing body)', helix: 'public', planned: true },
      { name: 'Forum for Social Innovation (national organisation)', helix: 'civilSociety', planned: true },
      { name: 'Academia', helix: 'knowledge', planned: true },
      { name: 'Skåne association of local authorities', helix: 'public', planned: true },
    ],
    setup: 'The group does not exist at this stage.',
    focus: 'Creating the right atmosphere for social innovation is the main aim of the Skane county relating to social innovation. This will mean working with stakeholders from different domains, and especially the cultural sector, who have had complicated relations in the past. Therefore achieving a high level of trust and willpower will constitute one of the keys to success.',
    source: `${SYN_A2}; ${SYN_S6}`,
  },
];

// ------------------------------------------------------------------ plan focus and challenges

/** Appendix 2, columns 2 and 3. */
export const boostinnoPlanFocus: SeedPlanFocus[] = [
  { city: 'gdansk', existingStrategy: false, focus: 'To identify boosters for SI, test the Pan-European model as an inspiring space/set of values or tools for social innovation stimulation.', source: SYN_A2 },
  { city: 'torino', existingStrategy: true, existingStrategyName: 'Torino Social Innovation', focus: 'New models to boost social innovation in terms of support of social enterprises, dialogue with bringers of ideas and solution, innovative financial instruments/ Reinforcement of local ecosystem through new forms of collaboration.', source: SYN_A2 },
  { city: 'milan', existingStrategy: false, focus: 'Import and export successful experiences and models in of social innovation, identify tools, policies and methods to accelerate and grow the social innovation ecosystem in an integrated manner.', source: SYN_A2 },
  { city: 'braga', existingStrategy: false, focus: 'Foster acceleration and incubation programmes of social innovation. Methodologies, how to facilitate scaling, identify and introduce new financial instruments.', source: SYN_A2 },
  { city: 'paris', existingStrategy: false, focus: 'Improving the processes of implementation of a more inclusive and circular city, facilitate designing of public policies in more a participatory manner, lift barriers to new actions and identify new means to increase and scale innovation on the territory.', source: SYN_A2 },
  { city: 'baiaMare', existingStrategy: true, focus: 'Assure the creation of "smart neighborhoods" with active participation and co-creation of the city also by citizens. Identify and develop social innovations which will support continuous long-term improvement of quality of life.', source: SYN_A2 },
  { city: 'barcelona', existingStrategy: false, focus: 'To include priorities of the concept of Smart City to improve the conditions of life of the citizens of Barcelona, especially to achieve a socially fairer city (decrease of poverty and its consequences and reduction of inequalities).', source: SYN_A2 },
  { city: 'strasbourg', existingStrategy: false, focus: 'Inclusion of innovation in public policies, to introduce co-construction of public polices as a new working method.', source: SYN_A2 },
  { city: 'wroclaw', existingStrategy: false, focus: 'Dialogue, changing social attitudes and raise socially responsible awareness of residents and their expectations towards the city. How to use social innovations to strengthen cooperation and increase partnerships as well as co-responsibility for the public space.', source: SYN_A2 },
  { city: 'skane', existingStrategy: false, focus: 'To create a platform and analysis of how the cultural sector can be an active part in the development of social innovation in the Skåne area.', source: SYN_A2 },
];

/** Section 5: one key sentence or two per city, quoted. */
export const boostinnoChallenges: SeedCityStatement[] = [
  { city: 'gdansk', text: 'Many initiatives exist in Gdansk, but it is the eco-system, which needs to be strengthened in order to foster systemic social innovation capacity and propulse it to become a major policy of the city. Gdansk wants to learn how to launch and scale non-market social innovations and how to spread social innovation into the suburbs.', source: SYN_S5 },
  { city: 'torino', text: 'The innovators in the city still have to combat resistance to change in the public authority, which is a major strategic question and requires improved horizontal city management techniques. Social enterprises have to learn to internationalise their activities. Turin has the ambition to become a "city living lab".', source: SYN_S5 },
  { city: 'milan', text: 'It appears necessary to unlock the participation of citizens in this domain in order to enlarge the community of persons and structures involved in social innovation. Milan wants to develop new financial resources (i.e. civic crowdfunding) and to work on impact measurement.', source: SYN_S5 },
  { city: 'braga', text: 'The city is poised between two realities – a very strong voluntary sector and a will to develop social entrepreneurship and a more socially innovative eco-system. More brokerage capacity is needed as well as a strong political engagement on the question.', source: SYN_S5 },
  { city: 'paris', text: 'The very high priority that social innovation has in the Paris political agenda puts the ULG in the original position of having to work on how to duplicate and spread innovations across the city without losing their authenticity. The local partnership will also have to work on new financial resources.', source: SYN_S5 },
  { city: 'strasbourg', text: 'Both the Eurometropole and the city want to develop a genuinely effective social innovation eco-system. A social innovation evaluation matrix has been developed by a commission of the Social and Solidarity Economy plenary.', source: SYN_S5 },
  { city: 'baiaMare', text: 'Baia Mare wants to create an active partnership at local and metropolitan level on social innovation. The city also has to invent new methods to collaborate with the Roma communities and to build relations between generations. The exodus of young persons is still a permanent feature of the life of the city.', source: SYN_S5 },
  { city: 'barcelona', text: 'To move towards a new objective, that is to improve the conditions of life of the citizens of Barcelona, and especially to achieve a socially fairer city, which eliminates poverty and its consequences and reduces inequalities. Barcelona Activa is still looking how to create an efficient integrated eco-system between its tools and other initiatives in the city.', source: SYN_S5 },
  { city: 'wroclaw', text: 'Social innovation is seen as relating primarily to strengthening cooperation and reinforcing partnerships, in order to integrate residents and entrepreneurs. The city is seeking methods to give the main street of the city "back to its inhabitants". Wrocław is the European capital of culture for 2016.', source: SYN_S5 },
  { city: 'skane', text: 'The ultimate goal would be to develop a cultural strategy in Skåne for the development of social innovation that effectively would describe the role of public and private actors as idea brokers when it comes to social innovation.', source: SYN_S5 },
];

// ------------------------------------------------------------------ the network

export const boostinno: SeedNetwork = {
  key: 'boostinno',
  name: 'BoostInno (Boosting Social Innovation)',
  kind: 'actionPlanning',
  theme:
    'Enable public administrations to play a new role as public booster and brokers/facilitators of social innovation activities/projects/policies, by driving social innovation in, through and out the public sector.',
  topics: [
    'social innovation',
    'cities and citizens',
    'governance and policymaking',
    'spaces',
    'financial and social impact',
  ],
  // Doc 000 gives only years: "BoostInno (2015 - 2018)" and "the end of BoostInno in 2018".
  // First and last day of those years are used, as the brief allows. The first meeting
  // (Gdansk, 8-10 November 2015, doc 001) is in 2015; doc 003 says instead that the project
  // was "avviato nel 2016" (started in 2016).
  startDate: '2015-01-01',
  endDate: '2018-12-31',
  datesAsWritten: '2015 - 2018 (doc 000); "avviato nel 2016" (doc 003)',
  partnerCountStated: 11,
  leadExpert: 'Peter Wolkowinski',
  leadExpertAliases: ['Piotr Wolkowinski'],
  cities: [
    cities.paris,
    cities.strasbourg,
    cities.barcelona,
    cities.braga,
    cities.milan,
    cities.torino,
    cities.baiaMare,
    cities.skane,
    cities.wroclaw,
    cities.gdansk,
    cities.lviv,
  ],
  partners: boostinnoPartners,
  meetings: boostinnoMeetings,
  needs: boostinnoNeeds,
  practices: boostinnoPractices,
  contributions: boostinnoContributions,
  localGroups: boostinnoLocalGroups,
  challenges: boostinnoChallenges,
  planFocus: boostinnoPlanFocus,
  notes: [
    'The four main themes the ten cities established: cities and citizens, governance and policymaking, spaces, and financial and social impact (doc 002, section 4).',
    'Variables the network concentrates on: empowerment of citizens, opening up of public authorities, brokers, impact measurement (doc 002, section 2).',
    'The idea of a Pan European Model for social innovation was created by the initial partners, who had worked together in the My Generation at Work network (doc 002, section 4).',
    'The lead expert\'s synthesis is signed "Peter Wolkowinski, lead expert for Boosting Social Innovation, Gdansk 14/03/2016" (doc 002); doc 000 writes "Piotr Wolkowinski, Lead Expert of the URBACT network BoostInno".',
    'Partner count: 11 cities listed in doc 000 and counted in doc 003 (7 countries, 10 European cities and one extra-European); doc 002 says "ten cities".',
    'No Lead Partner, no newcomer flag and no ULG coordinator name is given in the documents.',
  ],
  source: 'doc 000 (network, partner list, dates 2015-2018); doc 001 (meetings timeline); doc 002 (synthesis and appendices); doc 003 footnote 2',
};
