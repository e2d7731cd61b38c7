package com.rostra.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.rostra.platform.NotFoundException;

/**
 * A page asked for something that is not the signed-in company's (or no longer exists): a plain 404 page, the same
 * answer whether it never existed or belongs to another company, so ids reveal nothing.
 */
@ControllerAdvice(basePackages = "com.rostra.web")
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "There is nothing here: it does not exist, or it was removed.");
        return "page-not-found";
    }
}
