package org.wispcrm.hostapp.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/** A page, not a stack trace, when a link names something unknown or malformed. */
@ControllerAdvice(assignableTypes = WebController.class)
public class WebErrors {

    /** Not found (404), bad input (400), not allowed now (409); anything else is left to the error page. */
    @ExceptionHandler(WispCrmException.class)
    public String wispCrm(WispCrmException e, Model model, HttpServletResponse response) {
        int status = switch (e.code()) {
            case NOT_FOUND -> 404;
            case INVALID_INPUT -> 400;
            case ILLEGAL_TRANSITION, DUPLICATE, CONCURRENT_MODIFICATION -> 409;
            default -> 503;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute(
                "detail",
                e.code() == ErrorCode.INVALID_INPUT
                        ? e.violations().stream()
                                .map(v -> v.field() + ": " + v.message())
                                .toList()
                                .toString()
                        : status == 503 ? "" : e.getMessage());
        return "problem";
    }
}
