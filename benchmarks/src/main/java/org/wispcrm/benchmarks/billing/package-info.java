/** The billing-run benchmark on MariaDB and PostgreSQL, next to a raw JDBC batch insert of the same rows. */
@NullMarked
package org.wispcrm.benchmarks.billing;

import org.jspecify.annotations.NullMarked;
