import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { commandDocument, useBoostInnoNetwork } from '../support/api.js';
import { gdanskCreativeMapping } from '../support/boostInno.js';

const PROPOSE = commandDocument('proposePractice', 'aggregateId revision practice { id practiceId title country status labelled topics }');
const AWARD = commandDocument('awardGoodPracticeLabel', 'practice { labelled labelYear }');
const CATALOGUE = /* GraphQL */ `
  query($text: String, $topic: String, $country: String, $labelled: Boolean, $status: PracticePartnershipStatus) {
    goodPractices(text: $text, topic: $topic, country: $country, labelled: $labelled, status: $status, first: 10) {
      nodes { practiceId title cityId country labelled labelYear status }
    }
  }
`;

const mapping = gdanskCreativeMapping;
const procurement = {
  cityId: 'torino-it',
  cityName: 'Torino',
  title: 'Smart Procurement Initiative',
  summary: 'How to approach public procurement in new ways, linked to pre-commercial procurement.',
  topics: ['public procurement', 'social innovation'],
  contact: { name: 'Giulia' },
};

describe('good practices through the API', () => {
  const t = useTestApp();
  const f = useBoostInnoNetwork(t);
  let mappingId: string;

  it('lets a city coordinator propose its own practice, and reads it back', async () => {
    const res = await t.gql(PROPOSE, { input: { ...mapping, networkId: f.networkId } }, f.gdansk);
    expect(res.errors).toBeUndefined();
    expect(res.data!.proposePractice).toMatchObject({
      __typename: 'ProposePracticePayload',
      revision: 0,
      practice: { title: mapping.title, country: 'PL', status: 'lookingForPartners', labelled: false, topics: ['mapping', 'horizontal management'] },
    });
    mappingId = res.data!.proposePractice.aggregateId;
    expect((await t.gql(PROPOSE, { input: procurement }, f.torino)).data!.proposePractice.__typename).toBe('ProposePracticePayload');
  });

  it('refuses a practice for another city, and anonymous proposals, writing nothing', async () => {
    const before = await t.app.store.headPosition();
    const other = await t.gql(PROPOSE, { input: { ...mapping, cityId: 'torino-it' } }, f.gdansk);
    expect(other.data!.proposePractice).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await t.gql(PROPOSE, { input: mapping })).data!.proposePractice.__typename).toBe('ForbiddenError');
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('returns typed validation errors for bad input, writing nothing', async () => {
    const before = await t.app.store.headPosition();
    const res = await t.gql(
      PROPOSE,
      { input: { ...mapping, cityId: 'Gdansk', topics: [], contact: { name: 'A', email: 'not-an-email' } } },
      f.secretariat,
    );
    expect(res.data!.proposePractice.__typename).toBe('InputValidationError');
    const paths = res.data!.proposePractice.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.cityId', 'input.topics', 'input.contact.email']));
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('awards the label: secretariat only, once', async () => {
    const input = { practiceId: mappingId, year: 2017 };
    expect((await t.gql(AWARD, { input }, f.gdansk)).data!.awardGoodPracticeLabel.__typename).toBe('ForbiddenError');
    expect((await t.gql(AWARD, { input }, f.expert)).data!.awardGoodPracticeLabel.__typename).toBe('ForbiddenError');
    expect((await t.gql(AWARD, { input }, f.secretariat)).data!.awardGoodPracticeLabel).toEqual({
      __typename: 'AwardGoodPracticeLabelPayload',
      practice: { labelled: true, labelYear: 2017 },
    });
    expect((await t.gql(AWARD, { input: { ...input, year: 2018 } }, f.secretariat)).data!.awardGoodPracticeLabel).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'LABEL_ALREADY_AWARDED',
    });
    const bad = await t.gql(AWARD, { input: { practiceId: mappingId, year: 1999 } }, f.secretariat);
    expect(bad.data!.awardGoodPracticeLabel.__typename).toBe('InputValidationError');
  });

  it('serves a public catalogue searchable by text, topic, country, label and status', async () => {
    const titles = async (variables: Record<string, unknown>) =>
      (await t.gql(CATALOGUE, variables)).data!.goodPractices.nodes.map((n: { title: string }) => n.title);
    expect(await titles({})).toEqual([mapping.title, procurement.title]); // labelled first
    expect(await titles({ text: 'mapped resources' })).toEqual([mapping.title]); // stemmed
    expect(await titles({ text: 'procurement' })).toEqual([procurement.title]);
    expect(await titles({ topic: 'Public Procurement' })).toEqual([procurement.title]);
    expect(await titles({ country: 'pl' })).toEqual([mapping.title]);
    expect(await titles({ labelled: true })).toEqual([mapping.title]);
    expect(await titles({ labelled: false })).toEqual([procurement.title]);
    expect(await titles({ status: 'partnershipComplete' })).toEqual([]);
    const bad = await t.gql(CATALOGUE, { country: 'Poland' });
    expect(bad.errors?.[0]?.message).toMatch(/country/);
  });

  it('shows the contact to signed-in users only', async () => {
    const query = `query($id: ID!) { goodPractice(id: $id) { title contact { name email } } }`;
    const signedIn = await t.gql(query, { id: mappingId }, f.braga);
    expect(signedIn.data!.goodPractice.contact).toEqual({ name: 'Anna Kowalska', email: 'anna@gdansk.example' });
    const anonymous = await t.gql(query, { id: mappingId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the owner revise and close the partnership; others may not', async () => {
    const REVISE = `mutation($input: RevisePracticeInput!) { revisePractice(input: $input) { __typename
      ... on RevisePracticePayload { revision practice { title } } ... on Error { code } ... on InputValidationError { issues { message } } } }`;
    const STATUS = `mutation($input: SetPracticePartnershipStatusInput!) { setPracticePartnershipStatus(input: $input) { __typename
      ... on SetPracticePartnershipStatusPayload { practice { status } } ... on Error { code } } }`;
    expect((await t.gql(REVISE, { input: { practiceId: mappingId, title: 'Creative mapping' } }, f.torino)).data!.revisePractice.__typename).toBe(
      'ForbiddenError',
    );
    expect((await t.gql(REVISE, { input: { practiceId: mappingId, title: 'Creative mapping' } }, f.gdansk)).data!.revisePractice).toMatchObject({
      practice: { title: 'Creative mapping' },
    });
    expect((await t.gql(REVISE, { input: { practiceId: mappingId } }, f.gdansk)).data!.revisePractice.__typename).toBe('InputValidationError');
    expect(
      (await t.gql(STATUS, { input: { practiceId: mappingId, status: 'partnershipComplete' } }, f.gdansk)).data!.setPracticePartnershipStatus,
    ).toMatchObject({ practice: { status: 'partnershipComplete' } });
    const WITHDRAW = `mutation($input: WithdrawPracticeInput!) { withdrawPractice(input: $input) { __typename ... on Error { code } } }`;
    const created = await t.gql(PROPOSE, { input: { ...mapping, title: 'Temporary' } }, f.gdansk);
    const id = created.data!.proposePractice.aggregateId;
    expect((await t.gql(WITHDRAW, { input: { practiceId: id, reason: 'duplicate' } }, f.gdansk)).data!.withdrawPractice.__typename).toBe(
      'WithdrawPracticePayload',
    );
    expect((await t.gql(WITHDRAW, { input: { practiceId: id } }, f.gdansk)).data!.withdrawPractice).toEqual({
      __typename: 'RuleViolationError',
      code: 'PRACTICE_WITHDRAWN',
    });
    const titles = (await t.gql(CATALOGUE, {})).data!.goodPractices.nodes.map((n: { title: string }) => n.title);
    expect(titles).not.toContain('Temporary');
  });
});
