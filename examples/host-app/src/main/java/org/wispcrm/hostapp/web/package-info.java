/** The server-rendered web interface (Thymeleaf) in Spanish and English. */
@NullMarked
package org.wispcrm.hostapp.web;

import org.jspecify.annotations.NullMarked;
