/**
 * Sending the outbox: the dispatcher that claims due messages, renders them from Mustache templates in the
 * customer's language, picks the customer's preferred reachable channel, and retries or dead-letters failures.
 */
@NullMarked
package org.wispcrm.core.notification.dispatch;

import org.jspecify.annotations.NullMarked;
