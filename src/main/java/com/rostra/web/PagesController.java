package com.rostra.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The way in: the start page and the sign-in page. */
@Controller
class PagesController {

    @GetMapping("/")
    String home() {
        return "redirect:/realtime";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
