/** Dunning: daily reminders, overdue notices, late fees, suspension and reactivation, each step idempotent. */
@NullMarked
package org.wispcrm.billing.dunning;

import org.jspecify.annotations.NullMarked;
