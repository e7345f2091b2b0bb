import { defineMachine } from '../../core/state-machine.js';
import type { EnrollmentStatus } from './schema.js';

/**
 * A program enrollment: the supplier applies, the operator approves or
 * declines (removed), and may remove an active one; a removed supplier may
 * apply again, its criteria checked anew.
 */
export const enrollmentMachine = defineMachine<EnrollmentStatus>('program_enrollment', {
  applied: ['active', 'removed'],
  active: ['removed'],
  removed: ['applied'],
});
