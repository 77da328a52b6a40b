/** Service plans: speeds, dated prices, tax category, repository port and use cases. */
@NullMarked
package org.wispcrm.core.plan;

import org.jspecify.annotations.NullMarked;
