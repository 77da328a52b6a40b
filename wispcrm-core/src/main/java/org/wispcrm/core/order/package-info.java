/** Service orders: installations, repairs, relocations and the like, with their workflow and use cases. */
@NullMarked
package org.wispcrm.core.order;

import org.jspecify.annotations.NullMarked;
