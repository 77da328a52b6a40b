/** Document storage: the port through which invoice, receipt and statement PDFs are kept and linked. */
@NullMarked
package org.wispcrm.core.document;

import org.jspecify.annotations.NullMarked;
