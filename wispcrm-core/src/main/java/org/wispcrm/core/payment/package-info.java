/** Payments, their allocation to invoices, and customers' credit balances: model and persistence ports. */
@NullMarked
package org.wispcrm.core.payment;

import org.jspecify.annotations.NullMarked;
