/** Compatibility kits every adapter extends (ours and a host's own), fixtures, and architecture rules. */
@NullMarked
package org.wispcrm.testkit;

import org.jspecify.annotations.NullMarked;
