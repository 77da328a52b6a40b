/** Payments: recording (idempotent on the external reference), allocation, overpayment to credit, reversal. */
@NullMarked
package org.wispcrm.billing.payment;

import org.jspecify.annotations.NullMarked;
