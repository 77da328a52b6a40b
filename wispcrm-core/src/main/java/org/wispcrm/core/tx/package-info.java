/** Units of work: the port that makes one account's changes commit together or not at all. */
@NullMarked
package org.wispcrm.core.tx;

import org.jspecify.annotations.NullMarked;
