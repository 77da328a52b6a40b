/** Builds the library objects (WispCrm, Billing, JPA, storage, channels, dispatcher) from configuration. */
@NullMarked
package org.wispcrm.hostapp.config;

import org.jspecify.annotations.NullMarked;
