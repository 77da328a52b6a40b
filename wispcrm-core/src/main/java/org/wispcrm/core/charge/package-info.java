/** One-time charges (installation, equipment, reconnection, late fees) waiting to be put on an invoice. */
@NullMarked
package org.wispcrm.core.charge;

import org.jspecify.annotations.NullMarked;
