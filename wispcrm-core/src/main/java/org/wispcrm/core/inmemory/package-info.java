/** In-memory adapters for every persistence port, for tests, demos and hosts that need no database. */
@NullMarked
package org.wispcrm.core.inmemory;

import org.jspecify.annotations.NullMarked;
