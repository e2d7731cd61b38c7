package com.rostra.web;

import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartException;

import com.rostra.platform.ConflictException;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.NotFoundException;

/**
 * What a page says when a request cannot be served: a plain page with the reason, never a 500. Not found is the same
 * answer whether the thing never existed or belongs to another company, so ids reveal nothing.
 */
@ControllerAdvice(basePackages = "com.rostra.web")
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return page(model, "Not found", "There is nothing here: it does not exist, or it was removed.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidRequestException e, Model model) {
        return page(model, "That did not work", e.errors().stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String tooLarge(Model model) {
        return page(model, "File too large", "The file is larger than uploads may be (5 MB): split it and upload the parts.");
    }

    @ExceptionHandler(MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String noFile(Model model) {
        return page(model, "No file", "Choose a CSV file to upload.");
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        return page(model, "That did not work", e.getMessage());
    }

    private static String page(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "page-error";
    }
}
