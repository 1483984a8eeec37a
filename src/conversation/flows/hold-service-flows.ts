import type { Flow } from '../flow.js';
import { pauseFlow } from './pause.js';
import { pickupFlow } from './pickup.js';
import { remindersFlow } from './reminders.js';
import { renewAllFlow } from './renew-all.js';
import { resumeFlow } from './resume.js';

/** Issue 26's flows: pickup change, suspension and 不要日, resume, renew all, reminder choices. */
export const HOLD_SERVICE_FLOWS: readonly Flow[] = [pickupFlow, pauseFlow, resumeFlow, renewAllFlow, remindersFlow];
