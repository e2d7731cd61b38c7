package com.rostra.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Fills in what the controller annotations leave out, from {@code openapi/operations.json}, so the description stays
 * next to the API contract rather than in every controller (and survives controllers moving between packages):
 * <ul>
 *   <li>each parameter's description (units, ranges, defaults, time zones): per operation, else the shared one of
 *       that name;</li>
 *   <li>an example request body and an example answer per operation (answers typed {@code application/json}
 *       instead of springdoc's {@code *}{@code /*});</li>
 *   <li>the operator's actuator endpoints (health and Prometheus), with the bearer scheme.</li>
 * </ul>
 * Annotations on a controller win: only what is missing is filled in. {@code OpenApiDocTest} fails when anything is
 * still missing, when an operation has no entry of its own (a shared parameter text alone does not document it), and
 * when the file names an operation that no longer exists.
 */
@Component
class OpenApiDocumentation implements OpenApiCustomizer, Ordered {

    static final String RESOURCE = "openapi/operations.json";

    private final Map<String, Object> doc;

    OpenApiDocumentation() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = Json.mapper().readValue(in, Map.class);
            this.doc = read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Before the shared problem answers are added (those are not the operation's own 2xx answer). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI api) {
        addActuator(api);
        Map<String, Object> shared = map(doc.get("parameters"));
        Map<String, Object> operations = map(doc.get("operations"));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            Map<String, Object> own = map(operations.get(method.name() + " " + path));
            describeParameters(op, map(own.get("parameters")), shared);
            exampleRequest(op, own.get("request"));
            exampleResponse(op, own);
        }));
    }

    private static void describeParameters(Operation op, Map<String, Object> own, Map<String, Object> shared) {
        if (op.getParameters() == null) return;
        for (Parameter p : op.getParameters()) {
            if (p.getDescription() != null && !p.getDescription().isBlank()) continue;
            Object text = own.containsKey(p.getName()) ? own.get(p.getName()) : shared.get(p.getName());
            if (text != null) p.setDescription(text.toString());
        }
    }

    private static void exampleRequest(Operation op, Object example) {
        if (example == null || op.getRequestBody() == null || op.getRequestBody().getContent() == null) return;
        op.getRequestBody().getContent().forEach((type, media) -> {
            if (media.getExample() != null) return;
            if (type.contains("json") && !(example instanceof String)) media.setExample(example);
            if (!type.contains("json") && !type.startsWith("multipart") && example instanceof String) media.setExample(example);
        });
    }

    private static void exampleResponse(Operation op, Map<String, Object> own) {
        Object example = own.get("response");
        if (example == null || op.getResponses() == null) return;
        String type = own.getOrDefault("response_type", "application/json").toString();
        op.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst().ifPresent(e -> {
            ApiResponse r = e.getValue();
            Content content = r.getContent() == null ? new Content() : r.getContent();
            MediaType media = content.containsKey(type) ? content.get(type) : content.remove("*/*");
            if (media == null) media = new MediaType().schema(new StringSchema());
            if (media.getExample() == null) media.setExample(example);
            Content typed = new Content();
            typed.addMediaType(type, media);
            content.forEach((t, m) -> { if (!t.equals(type)) typed.addMediaType(t, m); });
            r.setContent(typed);
        });
    }

    /** The operator's endpoints outside /api: health (open; details with the token) and the Prometheus scrape. */
    private void addActuator(OpenAPI api) {
        Map<String, Object> actuator = map(doc.get("actuator"));
        actuator.forEach((path, value) -> {
            Map<String, Object> d = map(value);
            Operation op = new Operation().summary(d.get("summary").toString()).description(d.get("description").toString())
                    .addTagsItem("Operations").operationId("actuator" + path.replaceAll("[^A-Za-z]", "_"));
            boolean operator = Boolean.TRUE.equals(d.get("operator"));
            // Operator only, or open with the token optional (an empty requirement means "no authentication").
            op.setSecurity(operator ? List.of(new SecurityRequirement().addList("operatorToken"))
                    : List.of(new SecurityRequirement(), new SecurityRequirement().addList("operatorToken")));
            String type = d.get("response_type").toString();
            ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                    .content(new Content().addMediaType(type, new MediaType().schema(new StringSchema()).example(d.get("response")))));
            map(d.get("responses")).forEach((code, text) -> responses.addApiResponse(code, new ApiResponse().description(text.toString())));
            op.setResponses(responses);
            api.getPaths().addPathItem(path, new PathItem().get(op));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    Map<String, Object> operations() {
        return map(doc.get("operations"));
    }
}
