/** Account statements: a customer's documents over a date range with opening and closing balances. */
@NullMarked
package org.wispcrm.billing.statement;

import org.jspecify.annotations.NullMarked;
