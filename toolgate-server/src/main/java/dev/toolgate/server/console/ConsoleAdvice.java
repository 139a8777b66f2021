package dev.toolgate.server.console;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.tenant.BrowserSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shares: the signed-in session and its CSRF token in the model, and errors shown as a page
 * (or, for an htmx request, as an alert in the page's alert region) instead of the API's problem+json. A service's
 * {@link ApiException} keeps its detail and field errors; an unexpected fault is logged and shown as a generic
 * message that reveals nothing.
 */
@ControllerAdvice(annotations = BrowserSession.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    @ModelAttribute
    void common(HttpServletRequest request, org.springframework.ui.Model model) {
        Object session = request.getAttribute(ConsoleInterceptor.SESSION);
        model.addAttribute("me", session);
        model.addAttribute("csrf", session instanceof ConsoleSession s ? s.csrfToken() : null);
        model.addAttribute("csrfField", ConsolePaths.CSRF_FIELD);
        model.addAttribute("requestPath", request.getRequestURI());
        model.addAttribute("fmt", ConsoleFormat.INSTANCE);
    }

    @ExceptionHandler(ConsoleRefusal.class)
    ModelAndView refused(ConsoleRefusal e, HttpServletRequest request, HttpServletResponse response) {
        if (e.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return error(request, response, e.status(), e.getMessage(), List.of());
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        return error(request, response, e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return error(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "A value in the address or the form is not valid (an id, a number or a missing field).",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof ErrorResponse spring) {
            HttpStatus status = HttpStatus.valueOf(spring.getStatusCode().value());
            return error(request, response, status, status.getReasonPhrase(), List.of());
        }
        log.error("console request {} failed", LogSafe.text(request.getRequestURI()), LogSafe.throwable(e));
        return error(
                request,
                response,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong inside Toolgate. Nothing secret was shown; the server log has the details.",
                List.of());
    }

    private static ModelAndView error(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String message,
            List<FieldError> errors) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        ModelAndView view = new ModelAndView(htmx ? "console/fragments :: alert" : "console/error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("reason", status.getReasonPhrase());
        view.addObject("message", message);
        view.addObject("fieldErrors", errors);
        Object session = request.getAttribute(ConsoleInterceptor.SESSION);
        view.addObject("me", session);
        view.addObject("csrf", session instanceof ConsoleSession s ? s.csrfToken() : null);
        view.addObject("csrfField", ConsolePaths.CSRF_FIELD);
        view.addObject("requestPath", request.getRequestURI());
        view.addObject("fmt", ConsoleFormat.INSTANCE);
        if (htmx) {
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            // the alert is the whole answer, whatever part of a page the request meant to select (hx-select)
            response.setHeader("HX-Reselect", ".alert");
        }
        return view;
    }
}
