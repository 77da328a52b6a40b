/** Entry point: the {@link org.wispcrm.core.WispCrm} builder and the {@link org.wispcrm.core.Persistence} bundle. */
@NullMarked
package org.wispcrm.core;

import org.jspecify.annotations.NullMarked;
