import type { TransferEventOf } from '../../domain/transfer/events.js';

/** Torino's Co-City started towards a receiving city of an Innovation Transfer Network (decider specs and the outcomes programme). */
export const coCityStarted = (networkId: string, receivingCityId: string, receivingCityName: string, receivingCountry: string) =>
  ({
    networkId,
    networkKind: 'innovationTransfer',
    practiceId: null,
    practiceTitle: 'Co-City',
    sourceCityId: 'torino-it',
    sourceCityName: 'Torino',
    sourceCountry: 'IT',
    receivingCityId,
    receivingCityName,
    receivingCountry,
    date: '2019-03-23',
  }) satisfies TransferEventOf<'TransferStarted'>['data'];
