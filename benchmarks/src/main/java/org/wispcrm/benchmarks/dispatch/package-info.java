/** Notification dispatch benchmark: the outbox and dispatcher on a real database against a local UltraMsg stub. */
@NullMarked
package org.wispcrm.benchmarks.dispatch;

import org.jspecify.annotations.NullMarked;
