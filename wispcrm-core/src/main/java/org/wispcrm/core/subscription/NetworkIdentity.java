package org.wispcrm.core.subscription;

import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.Violations;

/**
 * How the router knows a subscription: its IP address and/or PPPoE user. Used by
 * {@code NetworkAccessControl} to suspend and restore service.
 *
 * @param ipAddress IPv4 or IPv6 address, if static
 * @param pppoeUser PPPoE user name, if PPPoE is used
 */
public record NetworkIdentity(
        @Nullable String ipAddress, @Nullable String pppoeUser) {

    /** Validates the address shape and the user's characters. */
    public NetworkIdentity {
        var violations = new Violations();
        violations.require(
                ipAddress == null
                        || ipAddress.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)")
                        || ipAddress.matches("[0-9A-Fa-f:]{2,39}") && ipAddress.contains(":"),
                "ipAddress",
                ipAddress,
                "must be an IPv4 or IPv6 address");
        violations.require(
                pppoeUser == null || pppoeUser.matches("[A-Za-z0-9._@\\-]{1,64}"),
                "pppoeUser",
                pppoeUser,
                "must be 1 to 64 letters, digits or . _ @ -");
        violations.throwIfAny();
    }

    /** No identity configured yet. */
    public static NetworkIdentity none() {
        return new NetworkIdentity(null, null);
    }
}
