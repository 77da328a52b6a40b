/** What billing writes into documents: deterministic document keys and the texts of lines and reasons. */
@NullMarked
package org.wispcrm.billing.document;

import org.jspecify.annotations.NullMarked;
