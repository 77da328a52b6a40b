/** Invoices and their numbering: the model the billing module fills and the persistence ports it uses. */
@NullMarked
package org.wispcrm.core.invoice;

import org.jspecify.annotations.NullMarked;
