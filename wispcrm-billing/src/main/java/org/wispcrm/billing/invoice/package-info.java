/** Invoice generation: the billing run, on-demand invoices, and the pure proration, tax and rounding arithmetic. */
@NullMarked
package org.wispcrm.billing.invoice;

import org.jspecify.annotations.NullMarked;
