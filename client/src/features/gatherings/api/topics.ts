import { apiClient } from '@/lib/api-client';
import { read } from '@/lib/read-result';
import { ifMatch, toWriteResult, write, type WriteResult } from '@/lib/write-result';
import type { GatheringTopic, TopicInput } from './types';

/**
 * GET /api/v1/gatherings/{id}/topics (operation listGatheringTopics, signed in): an exchange meeting's topics and
 * challenges — organisers all of them with who posted each; approved participants the open ones, without the poster of
 * an anonymous challenge; anyone else its own.
 */
export function listTopics(id: string, signal?: AbortSignal): Promise<GatheringTopic[]> {
  return read(apiClient.GET('/api/v1/gatherings/{id}/topics', { params: { path: { id } }, signal }));
}

/** POST /api/v1/gatherings/{id}/topics (operation postGatheringTopic): an approved participant, before the day. */
export function postTopic(id: string, body: TopicInput): Promise<WriteResult<GatheringTopic>> {
  return write(async () => toWriteResult(await apiClient.POST('/api/v1/gatherings/{id}/topics', { params: { path: { id } }, body })));
}

/** PUT …/topics/{topicId}/table (operation tableGatheringTopic, organisers): the table (0-based) or none, If-Match. */
export function tableTopic(id: string, topic: GatheringTopic, table: number | null): Promise<WriteResult<GatheringTopic>> {
  return write(async () =>
    toWriteResult(
      await apiClient.PUT('/api/v1/gatherings/{id}/topics/{topicId}/table', {
        params: { path: { id, topicId: topic.id }, header: ifMatch(topic.version) },
        body: { table },
      }),
    ),
  );
}

/** POST …/topics/{topicId}/withdraw (operation withdrawGatheringTopic): the poster takes its topic back, If-Match. */
export function withdrawTopic(id: string, topic: GatheringTopic): Promise<WriteResult<GatheringTopic>> {
  return write(async () =>
    toWriteResult(
      await apiClient.POST('/api/v1/gatherings/{id}/topics/{topicId}/withdraw', {
        params: { path: { id, topicId: topic.id }, header: ifMatch(topic.version) },
      }),
    ),
  );
}
