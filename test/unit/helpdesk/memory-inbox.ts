/**
 * The agent side of MemoryHandoffCases, as far as help desks use it: read a case, link it to an external
 * conversation, find it by that link, and record a person's answer (on the case and in the shopper's waiting list).
 */
import type { HandoffCase } from '../../../skill/core/handoff/case';
import type { HandoffInbox } from '../../../skill/core/ports';
import { MemoryHandoffCases } from '../../helpers/fakes';

export type HelpDeskInbox = Pick<HandoffInbox, 'get' | 'setExternalId' | 'findExternal' | 'reply' | 'close'>;

export class MemoryHelpDeskInbox implements HelpDeskInbox {
  readonly calls: string[] = [];

  constructor(readonly cases: MemoryHandoffCases = new MemoryHandoffCases()) {}

  async get(caseId: string): Promise<HandoffCase | undefined> {
    this.calls.push(`get ${caseId}`);
    const handoff = this.cases.cases.get(caseId);
    return handoff ? structuredClone(handoff) : undefined;
  }

  async setExternalId(caseId: string, externalId: string): Promise<void> {
    this.calls.push(`setExternalId ${caseId} ${externalId}`);
    const handoff = this.cases.cases.get(caseId);
    if (handoff) handoff.externalId = externalId;
  }

  async findExternal(externalId: string): Promise<HandoffCase | undefined> {
    const handoff = [...this.cases.cases.values()].find((candidate) => candidate.externalId === externalId);
    return handoff ? structuredClone(handoff) : undefined;
  }

  async close(caseId: string, at: Date): Promise<HandoffCase | undefined> {
    this.calls.push(`close ${caseId}`);
    const handoff = this.cases.cases.get(caseId);
    if (!handoff) return undefined;
    handoff.state = 'closed';
    handoff.closedAt = at.toISOString();
    return structuredClone(handoff);
  }

  async reply(caseId: string, text: string, at: Date, agentName?: string): Promise<HandoffCase | undefined> {
    this.calls.push(`reply ${caseId}`);
    const handoff = this.cases.cases.get(caseId);
    if (!handoff) return undefined;
    const iso = at.toISOString();
    handoff.messages.push({ from: 'agent', text, at: iso, ...(agentName ? { agentName } : {}) });
    handoff.firstReplyAt ??= iso;
    handoff.state = 'open';
    const waiting = this.cases.answers.get(handoff.customerId) ?? [];
    this.cases.answers.set(handoff.customerId, [...waiting, { caseId, text, at: iso, ...(agentName ? { agentName } : {}) }]);
    return structuredClone(handoff);
  }
}
