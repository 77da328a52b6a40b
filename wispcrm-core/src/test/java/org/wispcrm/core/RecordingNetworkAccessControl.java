package org.wispcrm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wispcrm.core.common.SubscriptionId;
import org.wispcrm.core.network.NetworkAccessControl;
import org.wispcrm.core.subscription.Subscription;

/** A router that remembers what it was told and can be made to refuse one subscription. */
public final class RecordingNetworkAccessControl implements NetworkAccessControl {
    private final List<String> calls = new ArrayList<>();
    private final Set<SubscriptionId> refused = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized void suspend(Subscription subscription) {
        check(subscription, "suspend");
        calls.add("suspend " + subscription.id() + " " + subscription.status());
    }

    @Override
    public synchronized void restore(Subscription subscription) {
        check(subscription, "restore");
        calls.add("restore " + subscription.id() + " " + subscription.status());
    }

    /** Makes every later call about this subscription fail, as a router that is down would. */
    public void refuse(SubscriptionId id) {
        refused.add(id);
    }

    /** The calls so far, as "action id status-passed". */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void check(Subscription subscription, String action) {
        if (refused.contains(subscription.id())) {
            throw new IllegalStateException("router unreachable: cannot " + action + " " + subscription.id());
        }
    }
}
