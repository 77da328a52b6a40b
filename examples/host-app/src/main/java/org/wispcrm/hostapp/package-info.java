/** The example host: a Spring Boot application wired to WISP CRM through its public API. */
@NullMarked
package org.wispcrm.hostapp;

import org.jspecify.annotations.NullMarked;
