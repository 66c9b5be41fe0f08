import { describe, expect, it } from 'vitest';
import { cityPostsStream, matchStream, sessionOfStream, sessionStream } from '../../domain/marketplace/streams.js';
import { marketplaceProjection } from '../../projections/marketplace/sessions.js';
import { findMatch, findSession, listPosts } from '../../projections/marketplace/queries.js';
import { isEventOfSession } from '../../src/application/marketplace.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';
import { NEED_TORINO, OFFER_STRASBOURG, acceptedByNeed, matchId, needTorino, offerStrasbourg, opened } from './fixtures.js';

const SESSION = '01JSESS10N0000000000000002';

describe('marketplace streams', () => {
  it("names a session's own stream, a city's posts' and a match's after the session", () => {
    expect(sessionStream(SESSION)).toBe(`marketplace-${SESSION}`);
    expect(cityPostsStream(SESSION, 'torino-it')).toBe(`marketplacePosts-${SESSION}_torino-it`);
    expect(matchStream(SESSION, matchId)).toBe(`marketplaceMatch-${SESSION}_${matchId}`);
  });

  it('finds the session of each of its streams', () => {
    const streams = [sessionStream(SESSION), cityPostsStream(SESSION, 'torino-it'), matchStream(SESSION, matchId)];
    expect(streams.map(sessionOfStream)).toEqual([SESSION, SESSION, SESSION]);
  });

  it('finds no session for the streams of other aggregates', () => {
    expect([`network-${SESSION}`, 'marketplace', `marketplace-${SESSION}x`].map(sessionOfStream)).toEqual([undefined, undefined, undefined]);
  });

  // Failed before: the live board took only the session's own stream.
  it("the live board takes a city's posts and a match of the session, not another session's", () => {
    expect(isEventOfSession({ streamId: cityPostsStream(SESSION, 'torino-it') }, SESSION)).toBe(true);
    expect(isEventOfSession({ streamId: matchStream(SESSION, matchId) }, SESSION)).toBe(true);
    expect(isEventOfSession({ streamId: cityPostsStream('01JSESS10N0000000000000003', 'torino-it') }, SESSION)).toBe(false);
  });

  const events: StreamEvent[] = [
    { streamId: sessionStream(SESSION), ...opened },
    { streamId: cityPostsStream(SESSION, 'strasbourg-fr'), ...offerStrasbourg },
    { streamId: cityPostsStream(SESSION, 'torino-it'), ...needTorino },
    { streamId: matchStream(SESSION, matchId), ...acceptedByNeed },
  ];

  // Failed before: the rows went to a "session" named after the city's or the match's stream.
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
