/**
 * The end-to-end benchmark harness: timed stages with heap sampling and load average, databases reset per run, and
 * a results table written as CSV, JSON and Markdown.
 */
@NullMarked
package org.wispcrm.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
