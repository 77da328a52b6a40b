/** Entry point: the {@code WispCrm} builder and the {@link org.wispcrm.core.Persistence} bundle. */
@NullMarked
package org.wispcrm.core;

import org.jspecify.annotations.NullMarked;
