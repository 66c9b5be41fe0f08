import { cities } from './cities.js';
import type {
  SeedCityStatement,
  SeedLearning,
  SeedLocalGroup,
  SeedMeeting,
  SeedNetwork,
  SeedPartner,
  SeedPlanFocus,
  SeedPractice,
  SeedThematicGroup,
} from './types.js';

/**
 * Interactive Cities, URBACT Action Planning Network (doc 004, the network's final report).
 * The report gives months, not days, for the five transnational meetings and the two
 * webinars, and no date at all for the two study visits (only that they took place
 * "right before" the Tartu and Ghent meetings). It names three URBACT experts without
 * saying which one was the Lead Expert. It gives no newcomer information.
 */

const ABOUT = 'doc 004, opening page and "About"';
const MEET = 'doc 004, "Project meetings"';
const TRIPS = 'doc 004, "Field trips"';
const WEB = 'doc 004, "Webinars"';
const METH = 'doc 004, "Methodology" boxes';
const PLANS = 'doc 004, "Local Social Media Governance Plan" city pages';
const GUIDE = 'doc 004, "12 Guidelines to digital tools for interactive cities"';

/** Genoa is the Lead Partner (doc 004 opening page); the other nine are partners. */
export const interactiveCitiesPartners: SeedPartner[] = [
  { city: 'genoa', role: 'leadPartner', organisation: 'City of Genoa' },
  { city: 'albaIulia', role: 'partner', organisation: 'Alba Iulia Municipality' },
  {
    city: 'lisbon',
    role: 'partner',
    organisation: 'CLLD Lisbon Network (Community-Led Local Development)',
    note: 'A non-profit organisation created in 2015 following an application for Portugal 2020 funding.',
  },
  {
    city: 'debrecen',
    role: 'partner',
    organisation: 'EDC Debrecen',
    note: 'A non-profit organisation for urban and business development owned by the Municipality and the University of Debrecen.',
  },
  { city: 'ghent', role: 'partner', organisation: 'City of Ghent' },
  { city: 'murcia', role: 'partner', organisation: 'City of Murcia' },
  { city: 'palermo', role: 'partner', organisation: 'City of Palermo' },
  {
    city: 'paris',
    role: 'partner',
    organisation: 'Semaest',
    note: "Paris Municipality's semi-public operator in charge of commercial revitalization (50 employees, 465 tenants).",
  },
  { city: 'tartu', role: 'partner', organisation: 'City of Tartu' },
  { city: 'varna', role: 'partner', organisation: 'City of Varna' },
];

// ------------------------------------------------------------------ meetings

export const interactiveCitiesMeetings: SeedMeeting[] = [
  {
    key: 'ic-tnm-1-alba-iulia',
    kind: 'transnationalMeeting',
    ordinal: 1,
    title: 'Audience: Who are we speaking to?',
    host: 'albaIulia',
    month: '2016-09',
    dateAsWritten: 'September 2016',
    themes: ['Audience'],
    guidingQuestions: [
      'How to identify the target audience when addressing an urban challenge?',
      'What are the right communication tools, channels, strategies to reach this audience?',
      'Who are the key partners in addressing the target audience?',
      'How to frame the key messages towards the chosen audience?',
      'How to design a communication campaign addressing a specific audience and how to keep them in the loop?',
    ],
    learnings: [
      { lesson: 'The identification of the audience is an essential step in the development of an effective communication strategy; from it comes the choice of tools, partners and timing of actions.', theme: 'Audience' },
    ],
    source: `${MEET}, "1. Audience"`,
  },
  {
    key: 'ic-tnm-2-lisbon',
    kind: 'transnationalMeeting',
    ordinal: 2,
    title: 'Governance: How to convey the messages within our organisation?',
    host: 'lisbon',
    month: '2017-01',
    dateAsWritten: 'January 2017',
    themes: ['Governance', 'Relationship between communication and governance'],
    guidingQuestions: [
      'How to organise communication flows within an organisation and its partners?',
      'How to create a communication system (platform, channel, interface) that enables horizontal exchange among different stakeholders?',
      'How to set up rules of governance when it comes to operating a city-wide communication platform?',
      'How to involve all the different parts of a local authority in an integrated Social Media Governance Plan, in order to make it a useful tool for every purpose?',
    ],
    learnings: [
      { lesson: 'A great challenge within organisations is to manage the communication flow within the organisation itself, effectively managing to retrieve the necessary information in due time.', theme: 'Governance' },
    ],
    source: `${MEET}, "2. Governance"`,
  },
  {
    key: 'ic-tnm-3-tartu',
    kind: 'transnationalMeeting',
    ordinal: 3,
    title: 'Process: How to engage the stakeholders in the process?',
    host: 'tartu',
    month: '2017-06',
    dateAsWritten: 'June 2017',
    themes: ['Process', 'Engaging stakeholders in the communication process'],
    guidingQuestions: [
      'How to stimulate stakeholders to actively participate in the discourse generated by the public administration?',
      'How to encourage constructive behaviour in communication platforms?',
      "How to identify discourses in the city that can be linked to the municipality's goals?",
      'How to receive feedback from citizens and how to encourage them to generate content?',
      'How to combine information with playfulness and education?',
      'How to involve innovators and developers in fostering a better use of social media and apps for urban development?',
      'How to include local stakeholders in the design of innovative technological solutions, creating added value for the urban context through the establishment of new types of relation among local authorities, innovators and thematic stakeholders?',
      'How to include specific targets, such as young people or visitors, in the design of innovative solutions related to social media and apps in urban areas?',
    ],
    learnings: [
      { lesson: 'When wanting to deliver messages about new activities in order to reach new stakeholders it is necessary to think of innovative processes that enable such goals.', theme: 'Process' },
    ],
    source: `${MEET}, "3. Process"`,
  },
  {
    key: 'ic-tnm-4-ghent',
    kind: 'transnationalMeeting',
    ordinal: 4,
    title: 'Evaluation: How to assess the effectiveness of the process developed?',
    host: 'ghent',
    month: '2017-10',
    dateAsWritten: 'October 2017',
    themes: ['Evaluation', 'Evaluating communication processes'],
    guidingQuestions: [
      'How to identify the periods of evaluating a communication process?',
      'What are the criteria of success?',
      'How to get citizens involved in improving the process by providing feedback and suggestions?',
      'How to integrate suggestions from various stakeholders in the communication process?',
      'How to monitor the evolution of a social media strategy through systems of analysis of the sentiment at local level?',
    ],
    learnings: [
      { lesson: 'When testing and piloting new strategies, it is important to have the means and the methodology to verify whether the process is effective and whether some adjustments are necessary.', theme: 'Evaluation' },
    ],
    source: `${MEET}, "4. Evaluation"`,
  },
  {
    key: 'ic-tnm-5-murcia',
    kind: 'transnationalMeeting',
    ordinal: 5,
    title: 'Implementation strategy of the Social Media Governance Plan',
    host: 'murcia',
    month: '2018-01',
    dateAsWritten: 'January 2018',
    themes: ['Implementation', 'Implementing the communication strategy'],
    guidingQuestions: [
      'What are the practical challenges of implementing the strategy?',
      'How to channel political and citizen support into the implementation process?',
      'What are the necessary decisions and steps to launch the strategy?',
      'How to maximise the impact and the durability of the communication strategy?',
      'How to collect feedbacks during the implementation process?',
      'How to adapt the communication strategy to urban changes or changes in the local government organization?',
    ],
    note: 'By this meeting each city was expected to have carried out some testing and developed a draft local Social Media Governance Plan; the focus was on how to ensure a durable development of the plan.',
    source: `${MEET}, "5. Implementation strategy"`,
  },
  {
    key: 'ic-study-visit-helsinki',
    kind: 'studyVisit',
    title: 'Study visit in Helsinki',
    host: 'helsinki',
    dateAsWritten: 'right before the Tartu Transnational Meeting',
    themes: [
      "Helsinki Municipality's strategies for digital communication, participation and user-oriented services",
      'Citizen participation in urban planning (Laituri, Urban Centre)',
      'Open data (interactive 3D model, Helsinki Region Infoshare)',
      'Helsinki Digital Services and the Helsinki app',
      'Innovation ecosystem (Forum Virium)',
      'Youth participation (Ruuti Youth Participatory System)',
    ],
    participants: ['Laituri', 'Helsinki Region Infoshare', 'Helsinki Digital Services', 'Forum Virium', 'Ruuti Youth Participatory System'],
    learnings: [
      { lesson: 'Municipal departments cooperate with each other and with public and private companies, research institutions, civic initiatives and citizens along the key values of equity, social inclusion, transparency, participation and emancipation.', partner: 'helsinki' },
      { lesson: 'Public companies (Forum Virium) act as experimental laboratories to test new strategies, approaches and services before they are implemented by the municipality.', partner: 'helsinki' },
      { lesson: 'Young people aged 14 to 18 are invited to articulate their needs and represent their age group in decision-making and urban policy (Ruuti).', partner: 'helsinki' },
    ],
    note: 'Chosen as a front-runner in digital policies identified in the Baseline Study. Doc 004 also says the Semaest team came back "from Interactive Cities meeting in Helsinki and Tartu" before a Paris ULG meeting on 15 June 2017.',
    source: `${TRIPS}, "Helsinki"; ${PLANS}, "PARIS"`,
  },
  {
    key: 'ic-study-visit-amsterdam',
    kind: 'studyVisit',
    title: 'Study visit in Amsterdam',
    host: 'amsterdam',
    dateAsWritten: 'organised before the Ghent Transnational Meeting',
    themes: ['Urban development and digital policies', 'Amsterdam Smart City matchmaking platform', 'Tourism and platform regulation', 'Digital tools and urban development'],
    participants: [
      'Amsterdam Smart City (host)',
      'Waag Institute',
      'Share NL',
      'Amsterdam Municipality Housing Department',
      'Fairbnb',
      'Transform City',
      "Hogeschool van Amsterdam's Citizen Data Lab",
      'Play and Civic Media programme, Amsterdam University of Applied Sciences',
      "AMS Institute's Social Glass project",
    ],
    learnings: [
      { lesson: 'Amsterdam was the first municipality to make an agreement with Airbnb to limit activities to 60 days per year for each available apartment; the Housing Department scrapes platform data to understand their impact on housing.', partner: 'amsterdam' },
      { lesson: 'Communities can create and own their datasets; open platforms let citizens give feedback on governance and policy issues (Waag Institute, Citizen Data Lab).', partner: 'amsterdam' },
      { lesson: 'Combining user-contributed and public datasets helps local governments understand mobility and movements and support decisions on large events (Social Glass).', partner: 'amsterdam' },
    ],
    note: 'Chosen as a front-runner in digital policies identified in the Baseline Study.',
    source: `${TRIPS}, "Amsterdam"`,
  },
  {
    key: 'ic-webinar-1-decide-madrid',
    kind: 'webinar',
    ordinal: 1,
    title: 'Decide Madrid',
    month: '2017-12',
    dateAsWritten: 'December 2017',
    themes: ['Participatory decision-making platforms', 'Consul software'],
    learnings: [
      { lesson: 'Decide Madrid, the prototype application of the Consul software, helps municipalities and citizens in 60 cities decide together about citizen proposals and municipal budgets; a proposal needs 27.000 supporters to give a mandate to the city government.' },
      { lesson: 'Social media is a main gateway for the platform, so larger numbers of users can be attracted; Decide Madrid has a yearly 60% growth in participation and decides on proposals corresponding to over 100 million euros.' },
    ],
    note: 'Webinars were open to all ULG members and moderated by the Lead Expert and Lead Partner with the support of the Ad Hoc Experts.',
    source: `${WEB}, "Decide Madrid"`,
  },
  {
    key: 'ic-webinar-2-pa-social',
    kind: 'webinar',
    ordinal: 2,
    title: 'PA Social',
    month: '2018-03',
    dateAsWritten: 'march 2018',
    themes: ["Italian Public Administrations Forum's work on social media", 'Social media policies'],
    learnings: [
      { lesson: 'Efficient digital communication with different stakeholders requires the right languages and channels (Telegram, WhatsApp, Snapchat, Facebook Messenger used by Italian ministries and municipalities).' },
      { lesson: 'Bringing together the departments working on communication and social media into a single pressroom with a unique editorial logic.' },
      { lesson: 'Social media policies can act as contracts between citizens and administrations (Trieste); training of municipal personnel is highly advised.' },
    ],
    source: `${WEB}, "PA Social"`,
  },
  {
    key: 'ic-ulg-paris-2017-06-15',
    kind: 'localGroupWorkshop',
    title: 'Paris ULG meeting: first integrated action plan project',
    host: 'paris',
    startDate: '2017-06-15',
    endDate: '2017-06-15',
    dateAsWritten: '15 June 2017',
    themes: ['Integrated interactive platform gathering all local information in a neighbourhood in the 20th district'],
    learnings: [{ lesson: 'Semaest realised it was a too big project for itself and not mature enough for Paris Municipality.', partner: 'paris' }],
    source: `${PLANS}, "PARIS"`,
  },
  {
    key: 'ic-ulg-paris-2018-01-10',
    kind: 'localGroupWorkshop',
    title: 'Last Paris ULG meeting',
    host: 'paris',
    startDate: '2018-01-10',
    endDate: '2018-01-10',
    dateAsWritten: '10 January 2018',
    themes: ['Common communication campaign on social media', 'Tourism and local economic promotion', 'Services to businesses in CoSto Pack'],
    note: 'The ULG was reduced to a core group, divided in two sub-groups; targets and social media channels were defined in both.',
    source: `${PLANS}, "PARIS"`,
  },
];

// ------------------------------------------------------------------ thematic groups

export const interactiveCitiesThematicGroups: SeedThematicGroup[] = [
  {
    key: 'ic-tg-tourism',
    title: 'Tourism attraction',
    description: 'Communicating a city as an attractive tourist destination aims at strengthening its image both locally and internationally.',
    guidingQuestions: [
      'How to ensure that territorial marketing is substantiated by real quality services in the city?',
      'How to make the different stakeholders understand that the improvement of the city has a direct effect on their business?',
      'How to coordinate the cooperation of stakeholders within the Administration when so many Departments are involved (Culture, Economic Development, Urbanism…)?',
      'How to involve locals and tourists in the promotion of the city through social media?',
      'How to design specific use of social media and apps to promote the city and help tourists and city users?',
    ],
    cities: ['genoa', 'varna', 'albaIulia'],
    source: 'doc 004, "Cities working on Tourism Attraction"',
  },
  {
    key: 'ic-tg-business-promotion',
    title: 'Business promotion',
    description: "The communication of business promotion aims at strengthening the city's conditions through the support of local companies, both the existing ones and the potentially new ones.",
    guidingQuestions: [
      'How to communicate existing instruments (such as Business Improvement Districts or the Vital\'Quartier program) to the retailers and the wide audience?',
      'How to include local business owners in the design of innovative services started by an original use of social media and apps?',
      'How to make business, especially small ones, understand the value of teaming up to develop a communication and a cooperation even with their competitors?',
      'How to make them understand that the improvement of the city is a direct benefit for them?',
      'How to connect universities and other educational actors with future employers?',
    ],
    cities: ['paris', 'debrecen', 'ghent'],
    source: 'doc 004, "Cities working on Business Promotion"',
  },
  {
    key: 'ic-tg-urban-development',
    title: 'Urban development',
    description:
      'Making understandable to a wide audience often very complex technical matters, balancing the involvement of inhabitants in the decision making process and explaining why plans have been approved by the administration.',
    guidingQuestions: [
      'How to communicate complex processes without flattening the content?',
      'How to create two-way communication channels related to urban development projects?',
      'How to ensure that all people are involved in the decision making process?',
      'How to communicate updated information on urban transformation process through social media?',
      'As urban planning is a lengthy process, how to pursue the involvement on the long term?',
      'As citizens often have many valuable suggestions, how to ensure that input is addressed within the Administration in an effective manner?',
      'How to manage a flow of comments/reactions by the users on technical matters?',
    ],
    cities: ['lisbon', 'murcia', 'palermo', 'tartu'],
    source: 'doc 004, "Cities working on Urban Development"',
  },
];

// ------------------------------------------------------------------ practices

export const interactiveCitiesPractices: SeedPractice[] = [
  {
    city: 'genoa',
    title: 'City Tax Management System and the Social Media Team',
    summary:
      'Adopted in 2012: a joint strategy between the City Hall and the Chamber of Commerce for the use of the tourism tax; within the network Genoa improves the digital communication and promotion of the city through a Social Media Team funded by the tourism tax.',
    topics: ['tourism tax', 'city marketing', 'social media'],
    urbactGoodPractice: true,
    source: `${METH}, "The Social Media Team in Genoa"; ${PLANS}, "GENOA" ("the City tax (URBACT Good Practice)")`,
  },
  {
    city: 'lisbon',
    title: 'The Community-Led Local Development Network in Lisbon',
    summary:
      'A non-profit created in 2015 (Portugal 2020): a strategy for Local Community-Based Development promoting cooperation between partners on entrepreneurship, employment, education, training and social integration, to implement an innovative model of co-government in Lisbon through local development plans.',
    topics: ['community-led local development', 'co-government', 'participation'],
    source: `${METH}, "The Community-Led Local Development Network in Lisbon"`,
  },
  {
    city: 'albaIulia',
    title: 'Alba Iulia social media eco-system',
    summary:
      'A social media strategy based on a wider use of digital and social media tools for communication with residents and tourism promotion: Facebook and Twitter pages receive comments and complaints and transfer them to the offices in charge.',
    topics: ['social media', 'tourism promotion', 'citizen feedback'],
    source: `${METH}, "Alba Iulia social media eco-system"`,
  },
  {
    city: 'tartu',
    title: 'Tartu participatory planning',
    summary:
      'To translate the complicated masterplan documentation into something people understand, an online system gathered citizens\' ideas that were then discussed through a series of meetings.',
    topics: ['participatory planning', 'masterplan', 'crowdsourcing'],
    source: `${METH}, "Tartu participatory planning"`,
  },
  {
    city: 'ghent',
    title: 'To the future and back',
    summary:
      'A stakeholder workshop to identify local priorities by "time travelling" to the future, so participants think out of the box, then back to the possibilities of the present.',
    topics: ['stakeholder engagement', 'foresight', 'workshop methods'],
    source: `${METH}, "To the future and back in Ghent"`,
  },
  {
    city: 'debrecen',
    title: 'Debrecen business meetings',
    summary:
      'A programme of business talk shows and networking events with SME managers and owners; local needs are mapped through gaming and interactive sessions and represented in graphic materials also used in social media.',
    topics: ['smes', 'networking', 'needs mapping'],
    source: `${METH}, "Debrecen business meetings"`,
  },
  {
    city: 'varna',
    title: 'Use of Beacons in Varna',
    summary:
      'Prototype of an interactive city guide app developed with App Lighthouse, using beacons at monuments so visitors receive information on their mobile device in 4 different languages.',
    topics: ['beacons', 'tourism', 'mobile app'],
    source: `${METH}, "Use of Beacons in Varna"`,
  },
  {
    city: 'paris',
    title: 'Participatory Shop Assignment by Semaest',
    summary:
      'With CMaRue, a crowdsourcing platform for commercial urban planning, a pilot in the 19th Arrondissement crowdsourced people\'s needs; Semaest assigned one of its shops in the neighbourhood through a digital participation system.',
    topics: ['retail', 'crowdsourcing', 'participatory urbanism'],
    source: `${METH}, "Participatory Shop Assignment by Semaest in Paris"`,
  },
  {
    city: 'paris',
    title: 'Connected Stores (CoSto)',
    summary:
      'Programme created by Semaest in 2015 to help small independent shops use digital tools: CoSto social media, free digital communication workshops, and the "CoSto Pack" of offers from local economy partners.',
    topics: ['retail', 'digital skills', 'small shops'],
    source: `${PLANS}, "PARIS"`,
  },
  {
    city: 'murcia',
    title: 'Social media analysis in Murcia (Santa Eulalia)',
    summary:
      'After the participatory experience in the Santa Eulalia neighbourhood, a multi-level shared diagnosis including monitoring of the neighbourhood\'s online social networks, analysed with qualitative research software (Atlas-ti).',
    topics: ['social media monitoring', 'neighbourhood diagnosis', 'urban regeneration'],
    source: `${METH}, "Social Media analysis in Murcia"`,
  },
  {
    city: 'murcia',
    title: 'Urban DNA – Murcia Citizen Participation and Engagement Strategy',
    summary: 'The Murcia Citizen Participation and Engagement Strategy is included in the Urban DNA Project, Good Practice of the Urbact Interactive Cities Network, and has been awarded several awards.',
    topics: ['citizen participation', 'urban regeneration'],
    urbactGoodPractice: true,
    source: `${PLANS}, "MURCIA", footnote 16`,
  },
  {
    city: 'palermo',
    title: "Palermo's mobility strategy",
    summary:
      'Digital communication accompanying the participatory process of the new mobility plan for the UNESCO protected area, integrating the sustainable mobility and tourism web portals, the open data website, the Municipal Police and transport company Amat social media, and the Mobilità Palermo blog.',
    topics: ['mobility', 'open data', 'social media'],
    source: `${METH}, "Palermo's mobility strategy"`,
  },
];

// ------------------------------------------------------------------ learnings, challenges, plans, local groups

/** The twelve guidelines: "twelve key learnings" from the ten partners and the two study-visit cities. */
export const interactiveCitiesLearnings: SeedLearning[] = [
  { lesson: 'Foster civic participation – engage youth as decision makers: mobilising young people to an active participation in city initiatives through ICT and social media tools, such as the participatory budget process.', theme: 'Foster Civic Participation', partner: 'tartu' },
  { lesson: 'Empower people for common action – rethink the smart city strategies in a participatory way: technological solutions for citizen engagement and integration between city-owned platforms and user generated data.', theme: 'Empower people for common action', partner: 'lisbon' },
  { lesson: 'Improve urban mobility – improve access to public services and information: open data services for the active participation of inhabitants in improving urban mobility systems.', theme: 'Improve Urban Mobility', partner: 'palermo' },
  { lesson: 'Promote urban regeneration – involve residents in decisions on urban change: a social media ecosystem functional to city promotion and active participation of residents in public initiatives.', theme: 'Promote Urban Regeneration', partner: 'murcia' },
  { lesson: "Improve citizens' tech skills – organise capacity-building and hackathons: improving tech competencies of local authority staff, university students and local companies.", theme: "Improve citizen's tech skills", partner: 'varna' },
  { lesson: 'Attract tourists – make residents storytellers of their city: bloggers, instagramers and residents in an integrated communication strategy where user-generated content fosters interaction with tourists.', theme: 'Attract Tourists', partner: 'genoa' },
  { lesson: 'Strengthen the urban brand – involve different types of public in a common effort: international experts and local bloggers in an integrated strategy for city branding.', theme: 'Strengthen the urban brand', partner: 'albaIulia' },
  { lesson: 'Enhance local economic growth – empower small retailers and create new jobs: regeneration of local retail shops through participatory digital tools.', theme: 'Enhance local economic growth', partner: 'paris' },
  { lesson: 'Support business opportunities – open up to the local start-up community: involving local SMEs through digital interaction to promote the urban business landscape.', theme: 'Support business opportunities', partner: 'debrecen' },
  { lesson: 'Attract innovators – use open data for economic development: connecting datasets owned by public and private actors to create new partnerships.', theme: 'Attract Innovators', partner: 'ghent' },
  { lesson: 'Build a local ecosystem – support stakeholders\' cooperation for the public good: an integrated communication strategy with new functions making digital platforms and data sets more accessible through bots and other tools.', theme: 'Build a local ecosystem', partner: 'amsterdam' },
  { lesson: 'Integrate open data – create new user responsive platforms: integrating open data platforms with social media tools to make information more accessible to residents and experts.', theme: 'Integrate open data', partner: 'helsinki' },
];

export const interactiveCitiesChallenges: SeedCityStatement[] = [
  { city: 'varna', text: 'Weak online visibility of Varna as a year-round destination.', source: `${PLANS}, "VARNA" (4 main challenges defined by the Local URBACT Group)` },
  { city: 'varna', text: 'Lack of an integrated approach in the promotion of Varna as a business destination.', source: `${PLANS}, "VARNA"` },
  { city: 'varna', text: 'Ineffective internal communication and technical capacity.', source: `${PLANS}, "VARNA"` },
  { city: 'varna', text: 'Poor engagement of citizens in the process of city promotion and branding.', source: `${PLANS}, "VARNA"` },
  { city: 'debrecen', text: 'Root problems defined from ULSG members\' comments: lack of data, lack of knowledge, lack of trust, lack of communication skills, deficient city branding.', source: `${PLANS}, "DEBRECEN"` },
  { city: 'lisbon', text: 'Participation of low income and vulnerable population is still lower than the population mean. Do vulnerable population have the necessary preconditions to ensure their participation?', source: `${PLANS}, "LISBOA"` },
  { city: 'palermo', text: 'Lack of integration among the many communication tools of the Municipality, and strategies to spread internal best practices.', source: `${PLANS}, "PALERMO"` },
];

export const interactiveCitiesPlanFocus: SeedPlanFocus[] = [
  { city: 'genoa', focus: 'Explore the role of digital communication for an effective city branding and attractiveness promotion; a new shared storytelling of the city with citizens, tourists and stakeholders (Ambassadors network). The plan depends mainly on the budget from the City tax (URBACT Good Practice).', source: `${PLANS}, "GENOA"` },
  { city: 'varna', focus: 'Improve the online visibility of Varna as a year-round tourist and business destination; the plan includes an Index for effective internal and external communication based on 10 criteria; implementation time frame generally 3 years.', source: `${PLANS}, "VARNA"` },
  { city: 'albaIulia', focus: 'A better life for the locals and a friendly town for tourists: accelerate the digital transformation of businesses, organisations and public administration, the city as a "launch pad" and testing platform for smart solutions (pilot project Alba Iulia Smart City 2018).', source: `${PLANS}, "ALBA IULIA"` },
  { city: 'ghent', focus: 'Innovative digital strategies to support the economic city marketing strategy and its spearheads; strengthen the network in Ghent and abroad and attract investments; a platform/HUB for interaction and promotion.', source: `${PLANS}, "GHENT"` },
  { city: 'debrecen', focus: 'Improve the communication between the stakeholders of Debrecen and the Municipality: communicational skills, cooperation platforms, online presence of local stakeholders; with the available resources of EDC Debrecen; time horizon generally 1-3 years.', source: `${PLANS}, "DEBRECEN"` },
  { city: 'paris', focus: 'A common communication campaign on social media (second plan, November 2017), guided by: "How to promote all together new socioeconomic areas in north-eastern Paris and give reciprocal visibility to each partner\'s actions through social media?"; perimeter of the CoSto ITI ERDF project.', source: `${PLANS}, "PARIS"` },
  { city: 'palermo', focus: "Improve the city's social media governance in urban mobility: integrate the Municipality's communication devices, raise citizens' awareness of the tools, reshape working routines in the administration, new collaborations with civil society in communication management.", source: `${PLANS}, "PALERMO"` },
  { city: 'murcia', focus: 'Meaningful and integrated communication strategies and solutions for online communication with and digital engagement of citizens (not the citizen participation process itself).', source: `${PLANS}, "MURCIA"` },
  { city: 'lisbon', focus: 'A Strategic Communication Plan to activate BIP/ZIP residents\' participation and a pilot of a Collaborative Governance Tech Platform on open source (e.g. Decidim), tested with one community: Marvila.', source: `${PLANS}, "LISBOA"` },
  { city: 'tartu', focus: 'Guidelines for e-engagement of key stakeholders on 3 priority focus topics (young people engaged, citizens participating in urban planning, participatory budgeting integrated and transparent); all activities expected to be completed by 2020.', source: `${PLANS}, "TARTU"` },
];

export const interactiveCitiesLocalGroups: SeedLocalGroup[] = [
  {
    city: 'debrecen',
    stakeholders: [
      { name: 'EDC Debrecen', helix: 'public', role: 'primary stakeholder' },
      { name: 'Municipality of Debrecen', helix: 'public', role: 'primary stakeholder' },
      { name: 'University of Debrecen', helix: 'knowledge', role: 'primary stakeholder' },
      { name: 'Media Centre of Debrecen', helix: 'private', role: 'primary stakeholder' },
      { name: 'SME Sector', helix: 'private', role: 'primary stakeholder' },
      { name: "NGO's", helix: 'civilSociety', role: 'primary stakeholder' },
      { name: 'Multinational Companies', helix: 'private', role: 'secondary stakeholder' },
      { name: 'Centre for Vocational Education Debrecen (DSZC)', helix: 'knowledge', role: 'secondary stakeholder' },
      { name: 'Klebelsberg Centre for Primary and Secondary Schools', helix: 'knowledge', role: 'secondary stakeholder' },
      { name: 'Főnix Event Organiser (Visit Debrecen)', helix: 'private', role: 'secondary stakeholder' },
      { name: 'DV Info', helix: 'private', role: 'secondary stakeholder' },
      { name: 'IT Cluster', helix: 'private', role: 'secondary stakeholder' },
      { name: 'Citizens', helix: 'civilSociety', role: 'secondary stakeholder' },
    ],
    compositionNote: 'Primary and secondary stakeholders of the Integrated Action Plan (table "Stakeholders and target groups"); the ULG is called "ULSG" on the same page.',
    source: `${PLANS}, "DEBRECEN"`,
  },
  {
    city: 'paris',
    name: 'Semaest URBACT Local Group',
    stakeholders: [
      { name: 'Representatives of association of shopkeepers', helix: 'private', role: 'core group' },
      { name: 'Paris Tourism office', helix: 'public', role: 'core group' },
      { name: 'Plaine Commune Tourism office', helix: 'public', role: 'core group' },
      { name: 'Public servants in local development', helix: 'public', role: 'core group' },
      { name: 'Actors of alternative tourism in new Paris areas', helix: 'private', role: 'CoSto Pack partner' },
      { name: 'P.I.E (investment company in small businesses)', helix: 'private', role: 'CoSto Pack partner' },
      { name: 'TUDIGO (ex Bulb in Town), crowdfunding startup', helix: 'private', role: 'CoSto Pack partner' },
      { name: 'Le Carillon (charity association)', helix: 'civilSociety', role: 'CoSto Pack partner' },
      { name: 'CMaRue (participatory retail urbanism startup)', helix: 'private', role: 'CoSto Pack partner' },
      { name: 'petitscommerces.fr (startup)', helix: 'private', role: 'CoSto Pack partner' },
      { name: 'Association developing digital training centers in deprived areas', helix: 'civilSociety', role: 'CoSto Pack partner' },
    ],
    setup: 'SEMAEST created its URBACT Local Group within its ecosystem in retail and public services; it became a "think tank" imagining the retail of tomorrow.',
    focus: 'How to promote all together new socio-economic areas in north-eastern Paris and give reciprocal visibility to each partner\'s actions through social media?',
    compositionNote: 'At the last ULG meeting (10 January 2018) the members were reduced to a core group: representatives of association of shopkeepers, Paris and Plaine Commune Tourism offices, public servants in local development and CoSto partners, in two sub-groups (tourism and local economic promotion; services to businesses in CoSto Pack).',
    source: `${PLANS}, "PARIS"`,
  },
  {
    city: 'genoa',
    stakeholders: [{ name: 'Il Secolo XIX (main local newspaper), media partner', helix: 'private' }],
    compositionNote: 'The report mentions work with the ULG "in its totality or in thematic subgroups" but lists only the media partner.',
    source: `${PLANS}, "GENOA"`,
  },
  {
    city: 'ghent',
    stakeholders: [
      { name: 'Department of Economy (city administration)', helix: 'public' },
      { name: 'Department of Communication (city administration)', helix: 'public' },
      { name: 'Department of International Relations (city administration)', helix: 'public' },
    ],
    compositionNote: 'The ULG consists "of members of the so-called quadruple helix model"; within the city administration the process was fostered by the three departments listed. Other members are not named.',
    source: `${PLANS}, "GHENT"`,
  },
  {
    city: 'varna',
    stakeholders: [
      { name: 'City administration', helix: 'public' },
      { name: 'Local business', helix: 'private' },
    ],
    compositionNote: 'The Local URBACT Group (written "LUG"), the city administration and local business elaborated the IAP.',
    source: `${PLANS}, "VARNA"`,
  },
  {
    city: 'lisbon',
    stakeholders: [
      { name: 'Municipality of Lisbon', helix: 'public', planned: true, role: 'local memorandum partner' },
      { name: 'ICS', helix: 'knowledge', planned: true, role: 'local memorandum partner' },
      { name: 'ISCTE', helix: 'knowledge', planned: true, role: 'local memorandum partner' },
      { name: 'IN Loco', helix: 'civilSociety', planned: true, role: 'local memorandum partner' },
      { name: 'Locals Approach', helix: 'civilSociety', planned: true, role: 'local memorandum partner' },
    ],
    setup: 'During the project the ULG had different levels and intensity of participation; in October 2017 it was reinforced with new members, and a focus group with experts enriched the process.',
    compositionNote: 'The listed organisations are the partners of a planned local memorandum ("Close Agreements"), not a stated ULG membership list.',
    source: `${PLANS}, "LISBOA"`,
  },
];

// ------------------------------------------------------------------ the network

export const interactiveCities: SeedNetwork = {
  key: 'interactive-cities',
  name: 'Interactive Cities',
  kind: 'actionPlanning',
  theme:
    "How digital, social media and user generated content can improve today's urban management in European cities, whatever size.",
  topics: ['social media', 'digital communication', 'urban governance', 'tourism', 'business promotion', 'urban development', 'open data'],
  // Doc 004: "operated during 2015 and 2018". Only years are given: first and last day of
  // those years, as the brief allows.
  startDate: '2015-01-01',
  endDate: '2018-12-31',
  datesAsWritten: 'operated during 2015 and 2018',
  partnerCountStated: 10,
  experts: ["Daniela Patti", 'Levente Polyak', "Simone D'Antonio"],
  cities: [
    cities.genoa,
    cities.albaIulia,
    cities.lisbon,
    cities.debrecen,
    cities.ghent,
    cities.murcia,
    cities.palermo,
    cities.paris,
    cities.tartu,
    cities.varna,
    cities.helsinki,
    cities.amsterdam,
  ],
  partners: interactiveCitiesPartners,
  meetings: interactiveCitiesMeetings,
  needs: [],
  practices: interactiveCitiesPractices,
  localGroups: interactiveCitiesLocalGroups,
  thematicGroups: interactiveCitiesThematicGroups,
  learnings: interactiveCitiesLearnings,
  challenges: interactiveCitiesChallenges,
  planFocus: interactiveCitiesPlanFocus,
  notes: [
    'Funded by the URBACT programme with ERDF funding (doc 004, opening page).',
    'Three sub-themes of the cross-learning: communicating the city as an attractive tourist destination; communication of business promotion; communicating urban development (doc 004, "About").',
    'Each city produced a Local Social Media Governance Plan (also called Integrated Social Media Governance Plan / Integrated Action Plan) (doc 004).',
    'ULGs were composed of institutional and non-institutional actors: developers, university students, thematic organizations, influencers, innovators, representatives of business and tourism sector, urban planners, institutional representatives (doc 004, "Building the ULG").',
    'Helsinki and Amsterdam are study-visit hosts, not partners.',
    'The three experts are named without roles; webinars were "moderated by the Lead Expert and Lead Partner with the support of the Ad Hoc Experts", but the Lead Expert is not named.',
    'Genoa\'s City tax and Murcia\'s Urban DNA are stated Good Practices; the report also says Genoa and Alba Iulia (tourism and city branding) and Lisbon and Murcia (participatory urban regeneration) have good practices to share, without saying that Alba Iulia and Lisbon hold the label.',
    'A synergy with URBELAC (EU and South American cities network) led to a meeting in Murcia (no date given).',
  ],
  source: 'doc 004 (Interactive Cities final report)',
};
