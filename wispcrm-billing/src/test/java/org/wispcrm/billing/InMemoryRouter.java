package org.wispcrm.billing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.network.NetworkAccessControl;
import org.wispcrm.core.subscription.Subscription;

/** A router in memory: the set of blocked subscriptions, and every command it received, in order. */
public final class InMemoryRouter implements NetworkAccessControl {
    /** Subscriptions whose traffic is blocked now. */
    public final Set<SubscriptionId> blocked = new LinkedHashSet<>();
    /** "suspend id" / "restore id", in order. */
    public final List<String> commands = new ArrayList<>();

    @Override
    public synchronized void suspend(Subscription subscription) {
        commands.add("suspend " + subscription.id());
        blocked.add(subscription.id());
    }

    @Override
    public synchronized void restore(Subscription subscription) {
        commands.add("restore " + subscription.id());
        blocked.remove(subscription.id());
    }
}
