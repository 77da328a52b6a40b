/** Shared kernel: errors, validation, identifiers, contact value objects and paging. */
@NullMarked
package org.wispcrm.core.common;

import org.jspecify.annotations.NullMarked;
