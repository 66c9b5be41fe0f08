/**
 * Types of the demo seed data set. Plain data only: no behaviour, no imports.
 *
 * Conventions used across seed/data:
 * - Every value comes from the five source documents in ../shared/seeds/
 *   (000 = "Why Integrated Action Plans matter: Torino" and other URBACT news items,
 *    001 = BoostInno Torino Integrated Action Plan / Torino Social Impact,
 *    002 = BoostInno synthesis by the lead expert, with appendix tables,
 *    003 = URBinclusion Torino Operational Implementation Framework,
 *    004 = Interactive Cities final report).
 * - Where a document does not give a value, the field is left undefined. Nothing is
 *   guessed: a month-only date goes into `month` (yyyy-mm), never into `startDate`.
 * - `source` is a short "doc number + section/page hint" string.
 * - Country codes are ISO 3166-1 alpha-2 (so the United Kingdom is GB and Greece GR,
 *   even where a document writes "UK" or "EL").
 * - Helix types of stakeholders and the `topics` keywords are our classification of the
 *   document text (the brief asks for them); the text they classify is quoted.
 */

export type Helix = 'public' | 'private' | 'knowledge' | 'civilSociety';

/**
 * `implementation` is an addition to the suggested kinds, for URBinclusion (doc 003),
 * whose partners each write an Implementation Plan and an Operational Implementation
 * Framework instead of an Integrated Action Plan.
 */
export type NetworkKind = 'actionPlanning' | 'transfer' | 'innovationTransfer' | 'implementation';

export type MeetingKind =
  | 'transnationalMeeting'
  | 'thematicSeminar'
  | 'studyVisit'
  | 'bilateralMeeting'
  | 'webinar'
  | 'localGroupWorkshop'
  | 'marketplaceSession';

export type NeedKind = 'learning' | 'capacityBuilding';

/** Phase of an Integrated Action Plan action, as the plan classifies it. */
export type ActionPhase = 'ideation' | 'design' | 'realisation';

/** Funding source of an action. EU research programmes (Horizon 2020) are `other`, with `programme` naming them. */
export type FundingSource = 'ESF' | 'ERDF' | 'UIA' | 'national' | 'private' | 'other';

export interface SeedCity {
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  countryName: string;
  /** Set when the documents name the city differently (e.g. Torino / Turin). */
  aliases?: string[];
}

export interface SeedPartner {
  /** SeedCity key */
  city: string;
  /** Undefined when the documents do not say whether the partner is the Lead Partner. */
  role?: 'leadPartner' | 'partner';
  /** Undefined when the documents do not say. */
  newcomer?: boolean;
  organisation?: string;
  note?: string;
}

export interface SeedLearning {
  /** In English: the document's, or a translation of `lessonOriginal`. */
  lesson: string;
  /** The lesson as the document words it, when not in English (Italian in doc 003). */
  lessonOriginal?: string;
  theme?: string;
  /** SeedCity key of the partner the lesson comes from, when the document names one. */
  partner?: string;
  /** Person the document attributes the lesson to. */
  author?: string;
}

export interface SeedMeeting {
  key: string;
  kind: MeetingKind;
  title: string;
  /** Title in the document's own language when it is not English. */
  titleOriginal?: string;
  /** SeedCity key; undefined for online events. */
  host?: string;
  venue?: string;
  /** ISO yyyy-mm-dd, only when the document gives the day. */
  startDate?: string;
  /** ISO yyyy-mm-dd, only when the document gives the day. */
  endDate?: string;
  /** ISO yyyy-mm, when the document gives only the month. */
  month?: string;
  /** The date as the document words it. */
  dateAsWritten?: string;
  /** Ordinal the document gives (e.g. "the third transnational meeting"). */
  ordinal?: number;
  themes: string[];
  guidingQuestions?: string[];
  learnings?: SeedLearning[];
  /** Speakers, presenting organisations or other participants the document names. */
  participants?: string[];
  /** Invited speakers from outside the partnership, as the document names them. */
  speakers?: { name: string; affiliation: string }[];
  /** What the meeting was about, as the document describes it. */
  description?: string;
  /** The description as the document words it, when not in English (Italian in doc 003). */
  descriptionOriginal?: string;
  /** Activities held during the meeting (the Krakow market place was one of the 2nd transnational meeting). */
  activities?: string[];
  note?: string;
  source: string;
}

export interface SeedNeed {
  /** SeedCity key */
  city: string;
  kind: NeedKind;
  description: string;
  topics: string[];
  priority?: 'low' | 'medium' | 'high';
  source: string;
}

export interface SeedPractice {
  /** SeedCity key */
  city: string;
  title: string;
  summary: string;
  topics: string[];
  /** True only when a document says the practice holds the URBACT Good Practice label. */
  urbactGoodPractice?: boolean;
  source: string;
}

export interface SeedContribution {
  /** SeedCity key */
  city: string;
  text: string;
  source: string;
}

export interface SeedStakeholder {
  name: string;
  helix: Helix;
  /** True when the document lists the stakeholder as envisaged/planned rather than already involved. */
  planned?: boolean;
  /** Extra role as the document gives it (e.g. "primary stakeholder"). */
  role?: string;
}

export interface SeedLocalGroup {
  /** SeedCity key */
  city: string;
  name?: string;
  /** Undefined: none of the documents names a ULG coordinator. */
  coordinator?: string;
  stakeholders: SeedStakeholder[];
  /** What the group builds on / how it is set up, as the document says. */
  setup?: string;
  /** What the group will concentrate on, as the document says. */
  focus?: string;
  compositionNote?: string;
  source: string;
}

export interface SeedCityStatement {
  /** SeedCity key */
  city: string;
  text: string;
  source: string;
}

export interface SeedPlanFocus {
  /** SeedCity key */
  city: string;
  /** Whether an integrated strategy / action plan on the challenge already existed. */
  existingStrategy?: boolean;
  existingStrategyName?: string;
  focus: string;
  source: string;
}

export interface SeedThematicGroup {
  key: string;
  title: string;
  /** What the group works on, in the report's words. */
  theme: string;
  description: string;
  guidingQuestions: string[];
  /** SeedCity keys */
  cities: string[];
  source: string;
}

export interface SeedNetwork {
  key: string;
  name: string;
  kind: NetworkKind;
  theme: string;
  topics: string[];
  /** ISO yyyy-mm-dd; see the comment at the value when only years are given. */
  startDate?: string;
  endDate?: string;
  datesAsWritten?: string;
  /** Number of partners a document states, when it states one. */
  partnerCountStated?: number;
  leadExpert?: string;
  /** Other spellings of the lead expert's name in the documents. */
  leadExpertAliases?: string[];
  /** Experts named without their role. */
  experts?: string[];
  /** Every city the data refers to: partners, and hosts of study visits that are not partners. */
  cities: SeedCity[];
  partners: SeedPartner[];
  meetings: SeedMeeting[];
  needs: SeedNeed[];
  practices: SeedPractice[];
  contributions?: SeedContribution[];
  localGroups: SeedLocalGroup[];
  thematicGroups?: SeedThematicGroup[];
  learnings?: SeedLearning[];
  challenges?: SeedCityStatement[];
  planFocus?: SeedPlanFocus[];
  notes?: string[];
  source: string;
}

// ---------------------------------------------------------------- action plans

export interface SeedFunding {
  /** Undefined when the document names a programme but not the fund behind it. */
  fund?: FundingSource;
  programme?: string;
  amountEur?: number;
  /**
   * What the amount measures: the whole budget, the ceiling of one grant/investment,
   * the city's own share of a larger project, the budget of a call, or co-financing.
   */
  amountKind?: 'total' | 'maxPerBeneficiary' | 'cityShare' | 'callTotal' | 'coFinancing';
  note?: string;
  source: string;
}

export interface SeedPlanCluster {
  key: string;
  number: number;
  title: string;
  description?: string;
  source: string;
}

export interface SeedAction {
  key: string;
  /** Position in the plan's TIMELINE list for its phase (doc 001), 1-based. */
  timelineNumber: number;
  title: string;
  /** Other spellings/names of the action in the documents. */
  titleVariants?: string[];
  /** SeedPlanCluster key */
  cluster: string;
  phase: ActionPhase;
  /** Responsible body / promoter, when the document gives one. */
  promoter?: string;
  partners?: string[];
  summary: string;
  funding: SeedFunding[];
  /** ISO yyyy-mm-dd when the document gives a day. */
  startDate?: string;
  dateAsWritten?: string;
  links?: string[];
  urbactGoodPractice?: boolean;
  note?: string;
  source: string;
}

export interface SeedMilestone {
  date?: string;
  month?: string;
  dateAsWritten: string;
  title: string;
  note?: string;
  source: string;
}

export interface SeedActionPlan {
  key: string;
  /** SeedCity key */
  city: string;
  /** SeedNetwork key */
  network: string;
  title: string;
  vision: string[];
  focus: string;
  clusters: SeedPlanCluster[];
  actions: SeedAction[];
  /** Total the plan itself states. */
  actionCountStated: number;
  endorsement: {
    endorsed: boolean;
    body?: string;
    date?: string;
    note: string;
    source: string;
  };
  milestones: SeedMilestone[];
  nextSteps: { monthsAway: number; steps: string[]; source: string }[];
  implementation: {
    shareOfActionsImplemented?: number;
    statement: string;
    relatedFunding: (SeedFunding & { project: string })[];
    source: string;
  };
  notes: string[];
  source: string;
}

// ---------------------------------------------------------------- UIA Transfer Mechanism

export interface SeedTransferPilot {
  key: string;
  /** Undefined where the document gives only the theme. */
  name?: string;
  kind: 'innovationTransfer';
  theme: string;
  /** The UIA project transferred, when the documents name it. */
  uiaProject?: string;
  cities: SeedCity[];
  partners: SeedPartner[];
  note?: string;
  source: string;
}

// ---------------------------------------------------------------- implementation framework (URBinclusion)

export interface SeedMonitoring {
  name: string;
  description: string;
  objectives: string[];
  /** What the monitoring tool comprises, as the document lists it. */
  instruments: string[];
  /** Individual indicators, only where the document lists them (empty when it does not). */
  indicators: string[];
  status: string;
  source: string;
}

export interface SeedImplementationFramework {
  key: string;
  /** SeedCity key */
  city: string;
  /** SeedNetwork key */
  network: string;
  title: string;
  pillars: { name: string; description: string }[];
  objectives: string[];
  actions: { key: string; title: string; programme?: string; subActions?: { title: string; programme?: string }[] }[];
  challenges: { text: string; projects: string[] }[];
  obstacles: string[];
  waysToOvercome: { obstacle: string; measures: { text: string; project?: string }[] }[];
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };
  /** Considerations raised in Local Support Group meetings, with the person the document attributes them to. */
  insights: SeedLearning[];
  openChallenges: string[];
  solutions: string[];
  funding: (SeedFunding & { project: string })[];
  monitoring: SeedMonitoring;
  source: string;
}
