/** Entry point: the composition of ports into services, and the {@link org.wispcrm.core.Persistence} bundle. */
@NullMarked
package org.wispcrm.core;

import org.jspecify.annotations.NullMarked;
