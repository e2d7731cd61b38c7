package com.rostra.agents;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.rostra.platform.InvalidRequestException;
import com.rostra.tenancy.CompanyId;
import com.rostra.tenancy.CurrentCompany;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "People")
class PeopleController {

    private final People people;
    private final PeopleImport importer;
    private final CurrentCompany currentCompany;
    private final List<PersonExtras> extras;
    private final JsonMapper json;

    PeopleController(People people, PeopleImport importer, CurrentCompany currentCompany, List<PersonExtras> extras, JsonMapper json) {
        this.people = people;
        this.importer = importer;
        this.currentCompany = currentCompany;
        this.extras = extras;
        this.json = json;
    }

    @Operation(summary = "List people",
            description = "Everyone the company schedules or reports on: name, email, role (agent, lead, manager, admin), whether staffable, channels and queue_ids (their skills), team, time zone, Gladly agent id and start date.")
    @GetMapping("/api/v1/people")
    List<Person> list() {
        return people.list(currentCompany.id());
    }

    @Operation(summary = "Read a person",
            description = "404 for an id that is not one of this company's people.")
    @GetMapping("/api/v1/people/{id}")
    Person get(@PathVariable long id) {
        return people.get(currentCompany.id(), id);
    }

    @Operation(summary = "Add a person",
            description = "Body `{first_name, last_name?, email, role?, staffable?, channels?, queue_ids?, team?, time_zone?, gladly_agent_id?, start_date?}`; channels are phone, email, chat, sms, social; queue_ids this company's queues. 201 with the person; 400 naming each bad field; 409 when the email or Gladly agent id is taken.")
    @PostMapping("/api/v1/people")
    @ResponseStatus(HttpStatus.CREATED)
    Person create(@RequestBody JsonNode body) {
        CompanyId company = currentCompany.id();
        PersonInput input = read(body);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>(input.validate(people.knownQueueIds(company)));
        for (PersonExtras e : extras) errors.addAll(e.check(company, null, body));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Person created = people.create(company, input);
        for (PersonExtras e : extras) e.save(company, created.id(), body);
        return created;
    }

    @Operation(summary = "Change a person",
            description = "Only the fields given change; the same checks as adding. 404 for another company's id.")
    @PatchMapping("/api/v1/people/{id}")
    Person update(@PathVariable long id, @RequestBody JsonNode body) {
        CompanyId company = currentCompany.id();
        PersonInput patch = read(body);
        people.get(company, id);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (PersonExtras e : extras) errors.addAll(e.check(company, id, body));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Person updated = people.update(company, id, patch);
        for (PersonExtras e : extras) e.save(company, id, body);
        return updated;
    }

    /** The body as a person; other modules' fields ({@link PersonExtras}) ride along in the same JSON object. */
    private PersonInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new HttpMessageNotReadableException("a person is a JSON object", new ByteArrayHttpInputMessage());
        }
        try {
            return json.treeToValue(body, PersonInput.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ByteArrayHttpInputMessage());
        }
    }

    private static final class ByteArrayHttpInputMessage implements org.springframework.http.HttpInputMessage {
        @Override
        public java.io.InputStream getBody() {
            return java.io.InputStream.nullInputStream();
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    }

    @Operation(summary = "Remove a person",
            description = "204; their scheduled activities go with them. 404 for another company's id.")
    @DeleteMapping("/api/v1/people/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        people.delete(currentCompany.id(), id);
    }

    @Operation(summary = "Import people from CSV",
            description = "The template's columns (download it from /api/v1/people/import/template); UTF-8 with or without BOM, CRLF accepted, at most 5 MB and 100,000 rows (413 beyond). 200 with `{created, updated, errors}`; 422 with every bad row (`errors: [{row, field, message}]`, header is row 1) and nothing imported unless `?partial=true`.")
    @PostMapping(path = "/api/v1/people/import", consumes = {"text/csv", "text/plain", "application/csv"})
    ResponseEntity<PeopleImport.Result> importCsv(@RequestBody String csv, @RequestParam(defaultValue = "false") boolean partial) {
        return respond(importer.importCsv(currentCompany.id(), csv, partial), partial);
    }

    @Operation(summary = "Import people from an uploaded CSV file",
            description = "The same import as a multipart upload (form field `file`), as the People page sends it.")
    @PostMapping(path = "/api/v1/people/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PeopleImport.Result> importFile(@RequestPart("file") MultipartFile file,
                                                   @RequestParam(defaultValue = "false") boolean partial) throws IOException {
        if (file.isEmpty()) throw new InvalidRequestException("file", "the uploaded file is empty");
        return respond(importer.importCsv(currentCompany.id(), new String(file.getBytes(), StandardCharsets.UTF_8), partial), partial);
    }

    /** 200 when rows were imported (or nothing was wrong); 422 when errors kept the whole file out. */
    private static ResponseEntity<PeopleImport.Result> respond(PeopleImport.Result result, boolean partial) {
        boolean rejected = !result.errors().isEmpty() && !partial;
        return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(result);
    }

    @Operation(summary = "People CSV template",
            description = "The header row and an example row of the people import, as text/csv.")
    @GetMapping("/api/v1/people/import/template")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=people-template.csv")
                .contentType(MediaType.parseMediaType("text/csv")).body(PeopleImport.TEMPLATE);
    }

}
