package org.wispcrm.hostapp.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;
import tools.jackson.core.JacksonException;

/**
 * Every API error as RFC 9457 problem+json: {@code INVALID_INPUT} is 400 with {@code violations} naming each bad
 * field (the rejected values are not echoed: they may be a customer's phone or email), {@code NOT_FOUND} 404,
 * {@code ILLEGAL_TRANSITION}, {@code DUPLICATE} and {@code CONCURRENT_MODIFICATION} 409.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** One bad field. */
    public record Violation(String field, String message) {}

    /** The library's errors. */
    @ExceptionHandler(WispCrmException.class)
    public ResponseEntity<ProblemDetail> wispCrm(WispCrmException e) {
        HttpStatus status = switch (e.code()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ILLEGAL_TRANSITION, DUPLICATE, CONCURRENT_MODIFICATION -> HttpStatus.CONFLICT;
            default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            LOG.error("{} in an API call", e.code(), e);
        }
        String detail = status == HttpStatus.SERVICE_UNAVAILABLE
                ? "The service could not complete the request"
                : e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(e.code()));
        problem.setProperty("code", e.code().name());
        if (e.code() == ErrorCode.INVALID_INPUT) {
            problem.setDetail("Some fields are not valid");
            problem.setProperty(
                    "violations",
                    e.violations().stream()
                            .map(v -> new Violation(v.field(), v.message()))
                            .toList());
        } else if (status != HttpStatus.SERVICE_UNAVAILABLE) {
            problem.setProperty("context", Map.copyOf(e.context()));
        }
        return respond(problem);
    }

    /** A role that may not do this. */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role may not do this");
        problem.setTitle("Forbidden");
        return respond(problem);
    }

    /** A body that is not JSON, or a field of the wrong type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        List<Violation> violations = new ArrayList<>();
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            var path = new StringBuilder();
            for (var ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            violations.add(new Violation(path.toString(), "has the wrong type or format"));
        } else {
            violations.add(new Violation("body", "must be a JSON object"));
        }
        return badRequest(violations);
    }

    /** A query or path parameter of the wrong type. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new Violation(e.getName(), "has the wrong type or format")));
    }

    /** A missing query parameter. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new Violation(e.getParameterName(), "is required")));
    }

    /** Unknown path. */
    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource");
        problem.setTitle("Not Found");
        return respond(problem);
    }

    /** Wrong method. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage());
        return respond(problem);
    }

    /** Not JSON. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Violation> violations) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
        problem.setTitle("Invalid input");
        problem.setProperty("code", ErrorCode.INVALID_INPUT.name());
        problem.setProperty("violations", violations);
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String title(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> "Invalid input";
            case NOT_FOUND -> "Not found";
            case ILLEGAL_TRANSITION -> "Not allowed in this state";
            case DUPLICATE -> "Already exists";
            case CONCURRENT_MODIFICATION -> "Changed by someone else; reload and retry";
            default -> "Service unavailable";
        };
    }
}
