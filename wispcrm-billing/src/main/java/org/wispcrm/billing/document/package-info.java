/**
 * Documents: invoice, credit-note, receipt and statement PDFs (OpenPDF), their deterministic storage keys, and the
 * texts billing writes into them (line descriptions, reasons).
 */
@NullMarked
package org.wispcrm.billing.document;

import org.jspecify.annotations.NullMarked;
