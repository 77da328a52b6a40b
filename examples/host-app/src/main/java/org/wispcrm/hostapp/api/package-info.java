/** The JSON REST API, the seed's endpoints and RFC 9457 problem responses. */
@NullMarked
package org.wispcrm.hostapp.api;

import org.jspecify.annotations.NullMarked;
