/**
 * Storing documents after commit: renders the PDFs of committed invoices, credit notes, payments and statements,
 * puts them in {@code DocumentStorage} under their deterministic keys and records the keys, with a retry path.
 */
@NullMarked
package org.wispcrm.billing.document.store;

import org.jspecify.annotations.NullMarked;
