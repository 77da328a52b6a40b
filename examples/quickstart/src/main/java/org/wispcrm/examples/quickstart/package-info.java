/** The quickstart: one command that runs a demo ISP's month of billing on H2 and local disk. */
@NullMarked
package org.wispcrm.examples.quickstart;

import org.jspecify.annotations.NullMarked;
