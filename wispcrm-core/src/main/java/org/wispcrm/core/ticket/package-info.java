/** Support tickets: subject, priority, workflow, assignee and comments, with their use cases. */
@NullMarked
package org.wispcrm.core.ticket;

import org.jspecify.annotations.NullMarked;
