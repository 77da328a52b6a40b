/** The billing policy: an immutable, validated description of how an ISP bills, with documented defaults. */
@NullMarked
package org.wispcrm.billing.policy;

import org.jspecify.annotations.NullMarked;
