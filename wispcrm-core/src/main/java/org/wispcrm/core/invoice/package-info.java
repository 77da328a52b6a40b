/** Invoices, credit notes, their lines and numbering: the model billing fills and the persistence ports it uses. */
@NullMarked
package org.wispcrm.core.invoice;

import org.jspecify.annotations.NullMarked;
