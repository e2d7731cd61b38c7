package com.rostra.platform;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API description people use: the company key over HTTP Basic (Swagger UI's Authorize takes it as the
 * username, password empty), the operator's bearer token for company creation, and the one error shape every
 * operation shares (problem details with {@code errors[]}), declared once instead of on 59 operations.
 */
@Configuration
class OpenApiConfig {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI rostraOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Rostra API").version("v1").description("""
                        Workforce management for Gladly contact centers. Authenticate with a company API key as the
                        HTTP Basic username (password empty). Every answer is scoped to the key's company: another
                        company's ids answer 404. Instants are RFC 3339 (UTC or with an offset); pages show them in the
                        company's time zone. JSON field names are snake_case. Errors are RFC 9457 problem details
                        (`errors[]` names each invalid field)."""))
                .components(new Components()
                        .addSecuritySchemes("companyKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A company API key (rk_...) as the username, password empty; for the Gladly webhook as both username and password"))
                        .addSecuritySchemes("operatorToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("ROSTRA_ADMIN_TOKEN: creating companies, metrics, health details")))
                .addSecurityItem(new SecurityRequirement().addList("companyKey"));
    }

    /** The one error shape (added by a customizer: springdoc replaces the schemas declared on the bean). */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("end"))
                .addProperty("message", new StringSchema().example("must be after start"))
                .addProperty("row", new IntegerSchema().description("CSV imports: the spreadsheet row (header is row 1)"));
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("https://rostra.dev/problems/400"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("end: must be after start"))
                .addProperty("instance", new StringSchema().example("/api/v1/activities"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("One entry per invalid field (validation errors)"))
                .example(Map.of("type", "https://rostra.dev/problems/400", "title", "Bad Request", "status", 400,
                        "detail", "end: must be after start", "instance", "/api/v1/activities",
                        "errors", java.util.List.of(Map.of("field", "end", "message", "must be after start"))));
    }

    /**
     * Schemas named as the wire has them: the API writes snake_case ({@code spring.jackson.property-naming-strategy}),
     * but swagger-core reads models with its own (Jackson 2) mapper, which would document camelCase.
     */
    @Bean
    io.swagger.v3.core.jackson.ModelResolver snakeCaseModels() {
        return new io.swagger.v3.core.jackson.ModelResolver(io.swagger.v3.core.util.Json.mapper().copy()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE), new NestedNames());
    }

    static {
        // A raw JSON body (PATCH-style partial updates) is an object, not Jackson's node API; the event stream is text.
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema().description("A JSON object"))
                .replaceWithSchema(org.springframework.web.servlet.mvc.method.annotation.SseEmitter.class,
                        new StringSchema().description("Server-sent events"));
    }

    /**
     * Nested records keep their outer class in the schema name ({@code PeopleImportResult}, {@code TimeOffRequest}):
     * by simple name alone, different {@code Result}s or {@code Settings} of different modules would share one schema
     * and document each other's fields.
     */
    static final class NestedNames extends io.swagger.v3.core.jackson.TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            Class<?> outer = cls.getEnclosingClass();
            return outer == null || getUseFqn() ? name : outer.getSimpleName() + name;
        }
    }

    /**
     * Adds the shared error answers (problem details with {@code errors[]}) to every operation that does not describe
     * its own: 400 and 401 everywhere, 403 on the company API (a webhook-only key), 404 where the path names an id.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        Map<String, String> common = Map.of(
                "400", "Invalid parameters or body: `detail` says what, `errors[]` names each field",
                "401", "No API key, or an unknown or revoked one");
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            if (path.startsWith("/actuator")) return;
            common.forEach((code, text) -> op.getResponses().computeIfAbsent(code, c -> problem(text)));
            if (path.startsWith("/api/") && !path.startsWith("/api/v1/companies")) {
                op.getResponses().computeIfAbsent("403", c -> problem("The key may not do this: a `webhook`-scoped key is for Gladly's webhook only"));
            }
            if (path.contains("{")) {
                op.getResponses().computeIfAbsent("404", c -> problem("Not one of this company's (or does not exist)"));
            }
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
