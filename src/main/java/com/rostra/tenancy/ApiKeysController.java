package com.rostra.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "Company settings")
class ApiKeysController {

    private final ApiKeys apiKeys;
    private final CurrentCompany currentCompany;

    ApiKeysController(ApiKeys apiKeys, CurrentCompany currentCompany) {
        this.apiKeys = apiKeys;
        this.currentCompany = currentCompany;
    }

    record CreateKeyRequest(@NotBlank @Size(max = 200) String name, String scope) {}

    record CreatedKey(long id, String name, String key, Instant createdAt, String scope) {}

    record KeySummary(long id, String name, String keyPrefix, Instant createdAt, Instant lastUsedAt, String scope) {}

    @Operation(summary = "Create an API key",
            description = "Body `{name, scope?}`: scope `api` (default: the whole company API, and the webhook) or `webhook` (accepted only on `/webhooks/gladly`; 403 on `/api/**`: the key to paste into Gladly). 201 with `{id, name, key, created_at, scope}`: the key is shown only here and stored hashed. Use it as the HTTP Basic username (API) or as both username and password (Gladly webhook).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@Valid @RequestBody CreateKeyRequest request) {
        ApiKeys.NewApiKey key = apiKeys.create(currentCompany.id(), request.name(),
                request.scope() == null || request.scope().isBlank() ? ApiKeys.SCOPE_API : request.scope().strip());
        return new CreatedKey(key.id(), key.name(), key.key(), key.createdAt(), key.scope());
    }

    @Operation(summary = "List API keys",
            description = "The company's active keys: name, prefix, scope, created and last used; never the key itself.")
    @GetMapping
    List<KeySummary> list() {
        return apiKeys.list(currentCompany.id()).stream()
                .map(k -> new KeySummary(k.id(), k.name(), k.keyPrefix(), k.createdAt(), k.lastUsedAt(), k.scope()))
                .toList();
    }

    @Operation(summary = "Revoke an API key",
            description = "204; anything still using the key gets 401 from then on. 404 for an id that is not one of this company's active keys.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        apiKeys.revoke(currentCompany.id(), id);
    }
}
