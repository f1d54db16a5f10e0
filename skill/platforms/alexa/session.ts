import type { SessionState } from '../../core/turn';
import { readSessionState } from '../session-state';

/**
 * sessionAttributes, read through the schema both platforms share (../session-state.ts). The express route refuses
 * oversized state with a 400 before this; here it is the last line for other hosts.
 */
export function parseSessionState(attributes: unknown): SessionState {
  return readSessionState(attributes) ?? {};
}
