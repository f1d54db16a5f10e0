/**
 * The HandoffInbox port in memory, for the router's unit tests: the same contract as the DynamoDB store's (newest
 * first, undefined for an unknown case, a reply queues an answer and keeps the case open until the shopper hears it).
 */
import { HANDOFF_REASONS, type AgentAction, type HandoffCase, type HandoffFigures, type HandoffState, type NewHandoffCase } from '../../../skill/core/handoff/case';
import type { HandoffInbox } from '../../../skill/core/ports';

export class MemoryHandoffInbox implements HandoffInbox {
  readonly cases = new Map<string, HandoffCase>();
  private sequence = 0;

  /** What the conversation would do: a new open case (ids sort by creation, like the store's). */
  open(input: NewHandoffCase, at: Date): HandoffCase {
    this.sequence += 1;
    const caseId = `${at.toISOString().replace(/[-:.]/g, '')}-${String(this.sequence).padStart(4, '0')}abc`;
    const handoff: HandoffCase = { ...structuredClone(input), caseId, state: 'open', createdAt: at.toISOString(), updatedAt: at.toISOString(), messages: [], actions: [] };
    this.cases.set(caseId, handoff);
    return structuredClone(handoff);
  }

  async list(states: HandoffState[], limit = 50): Promise<HandoffCase[]> {
    return [...this.cases.values()]
      .filter((handoff) => states.includes(handoff.state))
      .sort((a, b) => (a.createdAt === b.createdAt ? b.caseId.localeCompare(a.caseId) : b.createdAt.localeCompare(a.createdAt)))
      .slice(0, limit)
      .map((handoff) => structuredClone(handoff));
  }

  async get(caseId: string) {
    const handoff = this.cases.get(caseId);
    return handoff ? structuredClone(handoff) : undefined;
  }

  async reply(caseId: string, text: string, at: Date, agentName?: string) {
    const handoff = this.cases.get(caseId);
    if (!handoff) return undefined;
    handoff.messages.push({ from: 'agent', text, at: at.toISOString(), ...(agentName ? { agentName } : {}) });
    handoff.firstReplyAt ??= at.toISOString();
    handoff.state = 'open';
    handoff.updatedAt = at.toISOString();
    return structuredClone(handoff);
  }

  async close(caseId: string, at: Date) {
    const handoff = this.cases.get(caseId);
    if (!handoff) return undefined;
    handoff.state = 'closed';
    handoff.closedAt = at.toISOString();
    handoff.updatedAt = at.toISOString();
    return structuredClone(handoff);
  }

  async recordAction(caseId: string, action: AgentAction) {
    const handoff = this.cases.get(caseId);
    if (!handoff) return undefined;
    handoff.actions.push(structuredClone(action));
    handoff.updatedAt = action.at;
    return structuredClone(handoff);
  }

  async setExternalId(caseId: string, externalId: string) {
    const handoff = this.cases.get(caseId);
    if (handoff) handoff.externalId = externalId;
  }

  async findExternal(externalId: string) {
    const handoff = [...this.cases.values()].find((candidate) => candidate.externalId === externalId);
    return handoff ? structuredClone(handoff) : undefined;
  }

  async figures(since: Date): Promise<HandoffFigures> {
    const cases = [...this.cases.values()].filter((handoff) => new Date(handoff.createdAt) >= since);
    const casesByReason = Object.fromEntries(HANDOFF_REASONS.map((reason) => [reason, cases.filter((handoff) => handoff.reason === reason).length])) as HandoffFigures['casesByReason'];
    const minutes = cases
      .filter((handoff) => handoff.firstReplyAt)
      .map((handoff) => (Date.parse(handoff.firstReplyAt!) - Date.parse(handoff.createdAt)) / 60_000)
      .sort((a, b) => a - b);
    const at = (q: number) => minutes[Math.min(minutes.length - 1, Math.floor(q * minutes.length))];
    return {
      since: since.toISOString(),
      casesByReason,
      open: cases.filter((handoff) => handoff.state === 'open').length,
      answered: cases.filter((handoff) => handoff.state === 'answered').length,
      closed: cases.filter((handoff) => handoff.state === 'closed').length,
      firstReplyMinutes: { count: minutes.length, ...(minutes.length ? { median: at(0.5), p90: at(0.9) } : {}) },
    };
  }
}
