import { describe, expect, it } from 'vitest';
import { claimStream, matchStream, postStream, sessionOfStream, sessionStream } from '../../domain/marketplace/streams.js';
import { marketplaceProjection } from '../../projections/marketplace/sessions.js';
import { findMatch, findSession, listPosts } from '../../projections/marketplace/queries.js';
import { isEventOfSession } from '../../src/application/marketplace.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';
import { NEED_TORINO, OFFER_STRASBOURG, PRACTICE_GDANSK, acceptedByNeed, matchId, needTorino, offerStrasbourg, opened } from './fixtures.js';

const SESSION = '01JSESS10N0000000000000002';

describe('marketplace streams', () => {
  it("names a session's own stream, a post's, a claim's and a match's after the session", () => {
    expect(sessionStream(SESSION)).toBe(`marketplace-${SESSION}`);
    expect(postStream(SESSION, OFFER_STRASBOURG)).toBe(`marketplacePost-${SESSION}_${OFFER_STRASBOURG}`);
    expect(claimStream(SESSION, { practiceId: PRACTICE_GDANSK })).toBe(`marketplaceClaim-${SESSION}_practice_${PRACTICE_GDANSK}`);
    expect(claimStream(SESSION, { learningNeedId: PRACTICE_GDANSK })).toBe(`marketplaceClaim-${SESSION}_learningNeed_${PRACTICE_GDANSK}`);
    expect(matchStream(SESSION, matchId)).toBe(`marketplaceMatch-${SESSION}_${matchId}`);
  });

  it('finds the session of each of its streams', () => {
    const streams = [sessionStream(SESSION), postStream(SESSION, OFFER_STRASBOURG), claimStream(SESSION, { practiceId: PRACTICE_GDANSK }), matchStream(SESSION, matchId)];
    expect(streams.map(sessionOfStream)).toEqual([SESSION, SESSION, SESSION, SESSION]);
  });

  it('finds no session for the streams of other aggregates', () => {
    expect([`network-${SESSION}`, 'marketplace', `marketplace-${SESSION}x`].map(sessionOfStream)).toEqual([undefined, undefined, undefined]);
  });

  // Failed before: the live board took only the session's own stream.
  it("the live board takes a post and a match of the session, not another session's", () => {
    expect(isEventOfSession({ streamId: postStream(SESSION, OFFER_STRASBOURG) }, SESSION)).toBe(true);
    expect(isEventOfSession({ streamId: matchStream(SESSION, matchId) }, SESSION)).toBe(true);
    expect(isEventOfSession({ streamId: postStream('01JSESS10N0000000000000003', OFFER_STRASBOURG) }, SESSION)).toBe(false);
  });

  const events: StreamEvent[] = [
    { streamId: sessionStream(SESSION), ...opened },
    { streamId: postStream(SESSION, OFFER_STRASBOURG), ...offerStrasbourg },
    { streamId: postStream(SESSION, NEED_TORINO), ...needTorino },
    { streamId: claimStream(SESSION, { practiceId: PRACTICE_GDANSK }), type: 'MarketplaceClaimTaken', data: { postId: OFFER_STRASBOURG } },
    { streamId: matchStream(SESSION, matchId), ...acceptedByNeed },
  ];

  // Failed before the re-cut: the rows went to a "session" named after the post's or the match's stream.
  it("projects posts and matches of the session's own streams into the session", async () => {
    const db = await projectedAndRebuilt([marketplaceProjection], events, 2);
    expect(listPosts(db, SESSION, 'offer', {}, 10, 0).map((p) => p.id)).toEqual([OFFER_STRASBOURG]);
    expect(listPosts(db, SESSION, 'need', {}, 10, 0).map((p) => p.id)).toEqual([NEED_TORINO]);
    expect(findMatch(db, matchId)).toMatchObject({ session_id: SESSION, need_answer: 'accepted', status: 'proposed' });
  });

  // The revision clients send back to close the session moves with the session's own stream only.
  it("keeps the session's revision its own stream's", async () => {
    const db = await projectedAndRebuilt([marketplaceProjection], events, 2);
    expect(findSession(db, SESSION)).toMatchObject({ revision: 0, status: 'open' });
  });
});
