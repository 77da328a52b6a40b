/** Customers: their contact data, status workflow, preferences, repository port and use cases. */
@NullMarked
package org.wispcrm.core.customer;

import org.jspecify.annotations.NullMarked;
