/** BoostInno as the specs know it: what the secretariat registers, and its Torino transnational meeting. */

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
