/** Credit notes: cancelling an invoice fully or partly, never by editing or deleting it. */
@NullMarked
package org.wispcrm.billing.creditnote;

import org.jspecify.annotations.NullMarked;
