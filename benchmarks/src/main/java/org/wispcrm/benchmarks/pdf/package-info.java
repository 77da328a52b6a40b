/** PDF rendering benchmarks: the invoice renderer next to a raw OpenPDF page of the same size. */
@NullMarked
package org.wispcrm.benchmarks.pdf;

import org.jspecify.annotations.NullMarked;
