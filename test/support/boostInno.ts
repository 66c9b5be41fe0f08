/** BoostInno as the specs know it: what the secretariat registers, its Torino transnational meeting, and Gdansk's practice. */

export const boostInnoRegistration = {
  name: 'BoostInno',
  kind: 'actionPlanning',
  theme: 'Boosting social innovation',
  topics: ['social innovation'],
  startDate: '2015-09-01',
  endDate: '2018-05-31',
} as const;

/** The second transnational meeting, as scheduled (without its network). */
export const torinoTransnationalMeeting = {
  kind: 'transnationalMeeting',
  title: 'Transnational BoostInno meeting',
  hostCityId: 'torino-it',
  startDate: '2016-02-17',
  endDate: '2016-02-19',
  themes: ['Local authorities broker and angel of change', 'Circular Economy'],
} as const;

/** Gdansk's good practice, as its coordinator proposes it (without its network). */
export const gdanskCreativeMapping = {
  cityId: 'gdansk-pl',
  cityName: 'Gdansk',
  title: 'Creative mapping of challenges and resources',
  summary: 'Horizontal management techniques, based on creative mapping of challenges and resources, with civil servants.',
  topics: ['Mapping', 'horizontal management'],
  results: 'Twelve departments map challenges together.',
  contact: { name: 'Anna Kowalska', email: 'anna@gdansk.example', role: 'ULG coordinator' },
};
