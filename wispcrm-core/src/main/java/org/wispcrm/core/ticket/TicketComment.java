package org.wispcrm.core.ticket;

import java.time.Instant;
import java.util.Objects;
import org.wispcrm.core.common.Violations;

/**
 * A comment on a ticket.
 *
 * @param author who wrote it (a staff user name or "customer")
 * @param text what was said
 * @param internal whether only staff may see it
 * @param writtenAt when
 */
public record TicketComment(String author, String text, boolean internal, Instant writtenAt) {

    /** Rejects a blank author or text, or text over 10,000 characters. */
    public TicketComment {
        Objects.requireNonNull(writtenAt, "writtenAt");
        var violations = new Violations();
        violations.requireText("author", author);
        if (violations.requireText("text", text)) {
            violations.require(
                    text.length() <= 10_000, "text", text.length() + " characters", "must be at most 10000 characters");
        }
        violations.throwIfAny();
    }
}
