/** Invoice, credit-note, receipt and statement PDFs (OpenPDF), their storage keys, and storing them after commit. */
@NullMarked
package org.wispcrm.billing.document;

import org.jspecify.annotations.NullMarked;
