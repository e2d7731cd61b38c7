package com.rostra.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.platform.NotFoundException;
import com.rostra.tenancy.ApiKeys;
import com.rostra.tenancy.CompanyUser;

/** Company settings › API: create (key shown once), list, revoke. Admins only (see the security config). */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeysPage {

    private final ApiKeys apiKeys;

    ApiKeysPage(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CompanyUser user, Model model) {
        model.addAttribute("page", "api-keys");
        model.addAttribute("keys", apiKeys.list(user.companyId()));
        return "api-keys";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "api") String scope, RedirectAttributes redirect) {
        if (name.isBlank() || name.length() > 200) {
            redirect.addFlashAttribute("nameError", "Give the key a name (up to 200 characters), e.g. \"Gladly webhook\".");
            return "redirect:/settings/api-keys";
        }
        ApiKeys.NewApiKey key = apiKeys.create(user.companyId(), name,
                ApiKeys.SCOPE_WEBHOOK.equals(scope) ? ApiKeys.SCOPE_WEBHOOK : ApiKeys.SCOPE_API);
        // Flash attributes live in the session for one redirect only: the key is shown once.
        redirect.addFlashAttribute("newKey", key);
        return "redirect:/settings/api-keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal CompanyUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            apiKeys.revoke(user.companyId(), id);
            redirect.addFlashAttribute("message", "Key revoked. Anything still using it now gets 401.");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("message", "That key does not exist or was already revoked.");
        }
        return "redirect:/settings/api-keys";
    }
}
