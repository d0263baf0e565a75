package io.orderflow.app.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for everything Spring MVC refuses (404, 405, 406, 415...), always JSON: Spring Boot's own picks
 * HTML for a browser's {@code Accept} and answers an empty 406 to {@code Accept: text/plain}.
 */
@Controller
public class JsonErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    public JsonErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Map<String, Object> body = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults());
        ServletErrors.write(response, status instanceof Integer code ? code : 500,
                String.valueOf(body.get("error")), String.valueOf(body.get("detail")));
    }
}
