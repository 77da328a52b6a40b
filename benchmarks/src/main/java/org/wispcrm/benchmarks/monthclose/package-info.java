/**
 * The end-to-end month-close benchmark: billing, PDFs to disk and S3, and dispatch, each next to its raw
 * baseline, for several N and databases, with a plot of time against N.
 */
@NullMarked
package org.wispcrm.benchmarks.monthclose;

import org.jspecify.annotations.NullMarked;
