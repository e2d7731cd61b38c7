package com.rostra.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.rostra.agents.People;
import com.rostra.agents.PeopleImport;
import com.rostra.agents.Person;
import com.rostra.agents.PersonInput;
import com.rostra.agents.GladlyAgentImport;
import com.rostra.platform.ConflictException;
import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyUser;

/** People: the table, "Add from Gladly", manual add and CSV upload with a per-row report. */
@Controller
@RequestMapping("/people")
class PeoplePage {

    private final People people;
    private final PeopleImport importer;
    private final GladlyAgentImport gladlyAgents;

    PeoplePage(People people, PeopleImport importer, GladlyAgentImport gladlyAgents) {
        this.people = people;
        this.importer = importer;
        this.gladlyAgents = gladlyAgents;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CompanyUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "") String team, Model model) {
        List<Person> all = people.list(user.companyId());
        String query = q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("page", "people");
        model.addAttribute("q", q);
        model.addAttribute("team", team);
        model.addAttribute("teams", all.stream().map(Person::team).filter(t -> t != null).distinct().sorted().toList());
        model.addAttribute("people", all.stream()
                .filter(p -> query.isEmpty() || (p.name() + " " + p.email()).toLowerCase(Locale.ROOT).contains(query))
                .filter(p -> team.isBlank() || team.equals(p.team())).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("candidates", gladlyAgents.candidates(user.companyId()).stream().filter(c -> !c.isPerson()).toList());
        return "people";
    }

    @PostMapping("/from-gladly")
    String addFromGladly(@AuthenticationPrincipal CompanyUser user,
                         @RequestParam(name = "agent", required = false) List<String> agentIds, RedirectAttributes redirect) {
        if (agentIds == null || agentIds.isEmpty()) {
            redirect.addFlashAttribute("error", "Pick at least one Gladly agent.");
            return "redirect:/people";
        }
        try {
            GladlyAgentImport.Added added = gladlyAgents.add(user.companyId(), new HashSet<>(agentIds));
            redirect.addFlashAttribute("message", added.created().size() + " added from Gladly"
                    + (added.matched().isEmpty() ? "" : ", " + added.matched().size() + " matched to existing people by email") + ".");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/people";
    }

    @PostMapping
    String add(@AuthenticationPrincipal CompanyUser user, @RequestParam String firstName, @RequestParam String lastName,
               @RequestParam String email, @RequestParam(defaultValue = "") String team,
               @RequestParam(defaultValue = "") String channels, RedirectAttributes redirect) {
        try {
            people.create(user.companyId(), new PersonInput(firstName, lastName, email, "agent", true,
                    channels.isBlank() ? List.of() : Arrays.stream(channels.split("[,;]")).map(String::strip).toList(),
                    List.of(), team, null, null, null));
            redirect.addFlashAttribute("message", firstName + " " + lastName + " added.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("formErrors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/people";
    }

    @PostMapping("/import")
    String importCsv(@AuthenticationPrincipal CompanyUser user, @RequestParam("file") MultipartFile file,
                     @RequestParam(defaultValue = "false") boolean partial, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to upload.");
            return "redirect:/people";
        }
        PeopleImport.Result result = importer.importCsv(user.companyId(), new String(file.getBytes(), StandardCharsets.UTF_8), partial);
        redirect.addFlashAttribute("importResult", result);
        return "redirect:/people";
    }

    @GetMapping("/template.csv")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=people-template.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(PeopleImport.TEMPLATE);
    }
}
