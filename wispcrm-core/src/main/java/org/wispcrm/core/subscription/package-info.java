/** Subscriptions: a customer's service at one site, its plan history, status workflow and repository port. */
@NullMarked
package org.wispcrm.core.subscription;

import org.jspecify.annotations.NullMarked;
