import { cities } from './cities.js';
import type { SeedPartner, SeedTransferPilot } from './types.js';

/**
 * The five UIA Transfer Mechanism pilot networks (doc 000, news item "UIA Transfer
 * Mechanism: five pilot projects ready to take off!"). All five are in the document,
 * each with a theme and four cities.
 *
 * Lead partners: the document says "*Bold letters used for UIA cities who will act as
 * Lead Partner", but the bold type is lost in the text version, so the Lead Partner
 * cannot be read off the list. Only for the commons pilot does another passage of doc 000
 * identify the UIA city: Torino's UIA project Co-City "has turned into an URBACT pilot:
 * the CO4CITIES Transfer Mechanism, an attempt to share Torino's secret recipe with three
 * other cities". All other roles are left undefined, as are newcomer flags (the document
 * gives only totals over all candidates).
 * Network names: only CO4CITIES is named; the others are identified by their theme.
 */

const SRC = 'doc 000, "UIA Transfer Mechanism: five pilot projects ready to take off!"';

const members = (keys: (keyof typeof cities)[]): { cities: SeedTransferPilot['cities']; partners: SeedPartner[] } => ({
  cities: keys.map((k) => cities[k]),
  partners: keys.map((k) => ({ city: k })),
});

export const uiaTransferMechanism = {
  name: 'UIA Transfer Mechanism',
  description:
    'An URBACT tool tested to support the transfer of innovation: a group of EU cities understand, adapt and prepare to re-use a UIA practice through the co-creation of an investment plan; an 18-month journey building on the URBACT Transfer Networks model.',
  approvedBy: "URBACT's Monitoring Committee",
  /** The article gives day and month but no year. */
  approvalDateAsWritten: '9 March',
  kickOffDateAsWritten: '23 March',
  durationMonths: 18,
  proposalsSubmitted: 7,
  pilotsApproved: 5,
  potentialCityPartners: 28,
  urbactNewcomerCandidates: 6,
  urbactNewcomerCandidateCountries: 5,
  uiaNewcomerCandidates: 16,
  assessment: 'Eligible proposals were assessed by two assessors from URBACT and UIA.',
  context: 'In 2020, the UIA first call projects came to a close and a proposal was made to test a new URBACT tool.',
  source: SRC,
} as const;

export const uiaTransferPilots: SeedTransferPilot[] = [
  {
    key: 'uia-tm-digital-transformation-industry',
    kind: 'innovationTransfer',
    theme: 'Smart specialisation in advanced services towards the digital transformation of industry',
    ...members(['bilbao', 'bielskoBiala', 'tartu', 'timisoara']),
    source: SRC,
  },
  {
    key: 'uia-tm-co4cities',
    name: 'CO4CITIES',
    kind: 'innovationTransfer',
    theme: 'The collaborative management of urban commons to counteract poverty and socio-spatial polarisation',
    uiaProject: 'Co-City (Torino)',
    cities: [cities.torino, cities.budapest, cities.gdansk, cities.clujNapoca],
    partners: [
      {
        city: 'torino',
        role: 'leadPartner',
        note: 'Torino is the UIA city (Co-City); the document says UIA cities act as Lead Partner.',
      },
      { city: 'budapest', role: 'partner' },
      { city: 'gdansk', role: 'partner' },
      { city: 'clujNapoca', role: 'partner' },
    ],
    note: 'Name and UIA project from doc 000 ("Co-City, has turned into an URBACT pilot: the CO4CITIES Transfer Mechanism"). The theme is the Co-City topic: "new forms of active citizen participation in the collaborative management of urban commons to counteract poverty and socio-spatial polarisation".',
    source: `${SRC}; doc 000, "Action Planning Networks, an open door to countless opportunities"`,
  },
  {
    key: 'uia-tm-social-economic-innovation',
    kind: 'innovationTransfer',
    theme: 'Unlocking social and economic innovation together',
    ...members(['birmingham', 'rotterdam', 'trapani', 'poznan']),
    note: 'Doc 000 writes "Birmingham (UK)"; the ISO 3166-1 code is GB.',
    source: SRC,
  },
  {
    key: 'uia-tm-energy-governance',
    kind: 'innovationTransfer',
    theme: 'Innovative local public-private-citizen partnership for energy governance',
    cities: [cities.viladecans, cities.seraing, cities.nagykanizsa, cities.trikala],
    partners: [
      { city: 'viladecans' },
      { city: 'seraing', organisation: 'Eriges', note: 'Written "Eriges Seraing (BE)" in doc 000.' },
      { city: 'nagykanizsa' },
      { city: 'trikala' },
    ],
    note: 'Doc 000 writes "Trikala (EL)"; the ISO 3166-1 code is GR.',
    source: SRC,
  },
  {
    key: 'uia-tm-peri-urban-agriculture',
    kind: 'innovationTransfer',
    theme: 'New skills for new jobs in peri-urban agriculture',
    ...members(['milan', 'almere', 'staraZagora', 'vilaNovaDeGaia']),
    source: SRC,
  },
];
