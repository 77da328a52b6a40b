<<<<<<< HEAD
/** Invoice, credit-note, receipt and statement PDFs (OpenPDF), their storage keys, and storing them after commit. */
=======
/**
 * Documents: invoice, credit-note, receipt and statement PDFs (OpenPDF), their deterministic storage keys, and the
 * texts billing writes into them (line descriptions, reasons).
 */
>>>>>>> main
@NullMarked
package org.wispcrm.billing.document;

import org.jspecify.annotations.NullMarked;
