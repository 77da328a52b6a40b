/** Notifications: the transactional outbox, the channel port and the messages that cross it. */
@NullMarked
package org.wispcrm.core.notification;

import org.jspecify.annotations.NullMarked;
