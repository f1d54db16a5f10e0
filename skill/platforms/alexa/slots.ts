import type { Slot } from 'ask-sdk-model';
import type { SlotValue, Slots } from '../../core/turn';
import { MAX_SHOPPER_TEXT_CHARS } from '../request-limits';
import { shopperText } from '../speech-text';
const SLOT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function spokenValue(slot: Slot): string | undefined {
  if (typeof slot.value === 'string') return slot.value;
  // Multi-value slots carry their value in slotValue instead of value.
  const slotValue = slot.slotValue;
  if (slotValue?.type === 'Simple' && typeof slotValue.value === 'string') return slotValue.value;
  return undefined;
}

/** Ids from every authority that matched (a skill may have static and dynamic entities). */
function resolvedIds(slot: Slot): string[] {
  const ids = new Set<string>();
  const authorities = slot.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return [];
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH' || !Array.isArray(authority.values)) continue;
    for (const wrapper of authority.values) {
      const id = wrapper?.value?.id;
      if (typeof id === 'string' && id.length > 0) ids.add(id);
    }
  }
  return [...ids];
}

/** Alexa lists every slot of the intent, filled or not; the core only sees the filled ones. */
export function toCoreSlots(alexaSlots: Record<string, Slot> | undefined): Slots {
  const slots: Slots = {};
  if (!alexaSlots || typeof alexaSlots !== 'object') return slots;
  for (const [name, slot] of Object.entries(alexaSlots)) {
    if (!SLOT_NAME.test(name) || !slot || typeof slot !== 'object') continue;
    // Cut between code points (an emoji stays whole) and without what XML cannot carry: the words may be read back,
    // and a free-text slot (a message for a person, AMAZON.SearchQuery) is stored on the case as said.
    const spoken = spokenValue(slot);
    const raw = spoken === undefined ? undefined : shopperText(spoken, MAX_SHOPPER_TEXT_CHARS);
    if (!raw) continue;
    const ids = resolvedIds(slot);
    const value: SlotValue = ids.length > 0 ? { raw, ids } : { raw };
    slots[name] = value;
  }
  return slots;
}
