/**
 * When a person from the shop will probably have answered: the shop's business hours and its response target
 * (in business hours) counted forward from now, in the shop's time zone. Pure: the clock reading comes in, a
 * shop-local day and time come out, and the locale's messages say them ("by tomorrow around 10 am").
 *
 * The count runs on the shop's wall clock, not on elapsed UTC time: "09:00-17:00" means the hours a person sits at
 * the desk, which a daylight-saving change does not shorten or lengthen.
 */

/** The days a shop answers (0 = Sunday … 6 = Saturday) and the hours, in minutes after local midnight. */
export interface BusinessHours {
  days: ReadonlySet<number>;
  opensAt: number;
  closesAt: number;
}

export interface HandoffSettings {
  hours: BusinessHours;
  /** How many business hours the shop promises for a first answer. */
  responseHours: number;
  /** The IANA zone the business hours are kept in. */
  timeZone: string;
  /** Below this intent confidence (where the platform sends one) the bot counts itself unsure. */
  minConfidence: number;
}

export class BusinessHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BusinessHoursError';
  }
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const HOURS_FORMAT = /^([A-Z][a-z]{2})-([A-Z][a-z]{2}) (\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** "Mon-Fri 09:00-17:00" (a range may wrap the week: "Sun-Thu", "Sat-Mon"); the closing time must follow the opening. */
export function parseBusinessHours(text: string): BusinessHours {
  const match = HOURS_FORMAT.exec(text.trim());
  if (!match) throw new BusinessHoursError(`business hours must look like "Mon-Fri 09:00-17:00", got "${text}"`);
  const first = DAY_NAMES.indexOf(match[1] as (typeof DAY_NAMES)[number]);
  const last = DAY_NAMES.indexOf(match[2] as (typeof DAY_NAMES)[number]);
  if (first < 0 || last < 0) throw new BusinessHoursError(`unknown day in business hours "${text}"`);
  const opensAt = Number(match[3]) * 60 + Number(match[4]);
  const closesAt = Number(match[5]) * 60 + Number(match[6]);
  if (opensAt >= 24 * 60 || closesAt >= 24 * 60 || closesAt <= opensAt) throw new BusinessHoursError(`business hours must close after they open, got "${text}"`);
  const days = new Set<number>();
  for (let day = first; ; day = (day + 1) % 7) {
    days.add(day);
    if (day === last) break;
  }
  return { days, opensAt, closesAt };
}

/** A moment on the shop's wall clock: the civil day (days since 1970-01-01) and minutes after midnight. */
interface WallClock {
  day: number;
  minutes: number;
}

const MS_PER_DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { day: Date.UTC(parts.year!, parts.month! - 1, parts.day!) / MS_PER_DAY, minutes: (parts.hour! % 24) * 60 + parts.minute! };
}

const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

/** The answer's time as the shopper hears it: relative to today where that is natural, on the shop's clock. */
export interface AnswerTime {
  /** today: later today; tomorrow; weekday: within the coming week (say the weekday); date: further out. */
  relation: 'today' | 'tomorrow' | 'weekday' | 'date';
  /** The shop-local day, yyyy-mm-dd. */
  date: string;
  hour: number;
  minute: number;
  /** Shop-local date-time without an offset (yyyy-mm-ddThh:mm:00.000): the form an Alexa reminder's `at` takes. */
  localIso: string;
}

/** Years of closed days cannot happen with valid hours; the bound only keeps a bad input from looping forever. */
const MAX_DAYS_AHEAD = 400;

/**
 * When `responseHours` business hours will have passed from `now`, rounded up to the full hour ("around 3 pm"): a
 * promise is better kept a little late in the saying than broken. Time outside business hours does not count.
 */
export function expectedAnswer(now: Date, settings: Pick<HandoffSettings, 'hours' | 'responseHours' | 'timeZone'>): AnswerTime {
  const { hours } = settings;
  const start = wallClock(now, settings.timeZone);
  let remaining = Math.max(1, Math.round(settings.responseHours * 60));
  for (let offset = 0; offset < MAX_DAYS_AHEAD; offset += 1) {
    const day = start.day + offset;
    if (!hours.days.has(weekdayOf(day))) continue;
    const from = Math.max(offset === 0 ? start.minutes : 0, hours.opensAt);
    if (from >= hours.closesAt) continue;
    const available = hours.closesAt - from;
    if (remaining <= available) return answerTime(start.day, day, roundUpToHour(from + remaining));
    remaining -= available;
  }
  throw new BusinessHoursError('no business hours within a year');
}

function roundUpToHour(minutes: number): number {
  const rounded = Math.ceil(minutes / 60) * 60;
  return rounded < 24 * 60 ? rounded : minutes;
}

function answerTime(today: number, day: number, minutes: number): AnswerTime {
  const ahead = day - today;
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const clock = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return {
    relation: ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : ahead < 7 ? 'weekday' : 'date',
    date,
    hour,
    minute,
    localIso: `${date}T${clock}:00.000`,
  };
}
