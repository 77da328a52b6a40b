/** WhatsApp notifications through the UltraMsg HTTP API. */
@NullMarked
package org.wispcrm.notify.whatsapp;

import org.jspecify.annotations.NullMarked;
