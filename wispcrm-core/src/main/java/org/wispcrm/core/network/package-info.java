/** Network access control: cutting and restoring a subscription's service at the router. */
@NullMarked
package org.wispcrm.core.network;

import org.jspecify.annotations.NullMarked;
