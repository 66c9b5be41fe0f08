import { pageOf, rowsById, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { FollowUpRow, PeerReviewPeerRow, PeerReviewRow, RecommendationRow, TodoRow } from './peerReviews.js';


export const { find: findPeerReview, findMany: findPeerReviews } = rowsById<PeerReviewRow>('pr_reviews');

export function listPeerReviews(
  db: ReadModelStore,
  filter: { hostCityId?: string | null; peerCityId?: string | null; networkId?: string | null; status?: string | null },
  limit: number,
  offset: number,
): PeerReviewRow[] {
  const where = new Where();
  if (filter.hostCityId) where.add('host_city_id = ?', filter.hostCityId);
  if (filter.peerCityId) where.add('id IN (SELECT review_id FROM pr_peers WHERE city_id = ?)', filter.peerCityId);
  if (filter.networkId) where.add('network_id = ?', filter.networkId);
  if (filter.status) where.add('status = ?', filter.status);
  return pageOf<PeerReviewRow>(db, 'pr_reviews', where, 'requested_at DESC, id DESC', limit, offset);
}

export function peersOfReview(db: ReadModelStore, reviewId: string): PeerReviewPeerRow[] {
  return db.all<PeerReviewPeerRow>('SELECT * FROM pr_peers WHERE review_id = ? ORDER BY invited_at, rowid', [reviewId]);
}

export function recommendationsOfReview(db: ReadModelStore, reviewId: string): RecommendationRow[] {
  return db.all<RecommendationRow>('SELECT * FROM pr_recommendations WHERE review_id = ? ORDER BY number', [reviewId]);
}

export function todosOfReview(db: ReadModelStore, reviewId: string): TodoRow[] {
  return db.all<TodoRow>('SELECT * FROM pr_todos WHERE review_id = ? ORDER BY number', [reviewId]);
}

export function followUpsOf(db: ReadModelStore, reviewId: string, recommendationId: string): FollowUpRow[] {
  return db.all<FollowUpRow>('SELECT * FROM pr_follow_ups WHERE review_id = ? AND recommendation_id = ? ORDER BY number', [
    reviewId,
    recommendationId,
  ]);
}
