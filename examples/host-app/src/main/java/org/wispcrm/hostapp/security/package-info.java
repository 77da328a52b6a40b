/** Login, roles, the app's own users table, and the failed-login backoff. */
@NullMarked
package org.wispcrm.hostapp.security;

import org.jspecify.annotations.NullMarked;
