/** Billing: the {@link org.wispcrm.billing.Billing} entry point over policy, invoicing, payments, dunning and reports. */
@NullMarked
package org.wispcrm.billing;

import org.jspecify.annotations.NullMarked;
