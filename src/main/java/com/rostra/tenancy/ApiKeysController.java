package com.rostra.tenancy;

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

    record CreateKeyRequest(@NotBlank @Size(max = 200) String name) {}

    record CreatedKey(long id, String name, String key, Instant createdAt) {}

    record KeySummary(long id, String name, String keyPrefix, Instant createdAt, Instant lastUsedAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@Valid @RequestBody CreateKeyRequest request) {
        ApiKeys.NewApiKey key = apiKeys.create(currentCompany.id(), request.name());
        return new CreatedKey(key.id(), key.name(), key.key(), key.createdAt());
    }

    @GetMapping
    List<KeySummary> list() {
        return apiKeys.list(currentCompany.id()).stream()
                .map(k -> new KeySummary(k.id(), k.name(), k.keyPrefix(), k.createdAt(), k.lastUsedAt()))
                .toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        apiKeys.revoke(currentCompany.id(), id);
    }
}
